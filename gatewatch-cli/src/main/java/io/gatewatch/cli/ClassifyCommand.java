package io.gatewatch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.read.JsonMappers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gatewatch classify}: one JSON line per record of exported logs, in input order. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify every sign-in and Dynamics record of exported logs (offline).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record was read", "2:usage error", "3:some records were unreadable (reported on stderr)"})
final class ClassifyCommand implements Callable<Integer> {

    @Mixin
    InputFiles input;

    @Mixin
    OrgsFile orgs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        input.requireReadable(spec.commandLine());
        orgs.requireReadable(spec.commandLine());
        EventClassifier classifier = EventClassifier.offline(ClassificationData.defaults(), orgs.regionHosts());
        ObjectWriter writer = JsonMappers.internal().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
        long unreadable;
        try {
            unreadable = input.readAll(event -> {
                Classification classification = classifier.classify(event);
                try {
                    writer.writeValue(out, ClassifiedLine.of(event, classification));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, spec.commandLine().getErr());
        } finally {
            out.flush();
        }
        return unreadable == 0 ? 0 : Gatewatch.EXIT_UNREADABLE_RECORDS;
    }
}
