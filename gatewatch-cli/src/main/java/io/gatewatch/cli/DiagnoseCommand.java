package io.gatewatch.cli;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.diagnose.Diagnoser;
import io.gatewatch.diagnose.Diagnosis;
import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.diagnose.UserHistory;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gatewatch diagnose}: the helpdesk checklist for one user from exported logs — the same
 * history and diagnosis code the API's {@code /users/{upn}/diagnosis} runs on live data.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Why can't this user sign in? The troubleshooting checklist and support-ticket fields for one "
                + "user, from exported logs.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:diagnosed", "2:usage error", "3:some records were unreadable (reported on stderr)"})
final class DiagnoseCommand implements Callable<Integer> {

    @Option(names = "--user", paramLabel = "UPN", required = true, description = "The user principal name.")
    String user;

    @Option(names = "--json", description = "Print the API's JSON instead of the readable checklist.")
    boolean json;

    @Mixin
    InputFiles input;

    @Mixin
    OrgsFile orgs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        input.requireReadable(spec.commandLine());
        ClassificationData data = ClassificationData.defaults();
        // every event is classified, not only the user's: other users' successes teach where Dynamics orgs live
        EventClassifier classifier = EventClassifier.offline(data, orgs.regionHosts());
        UserHistory history = new UserHistory();
        String[] tenant = {input.defaultTenant};
        long unreadable = input.readAll(event -> {
            var classification = classifier.classify(event);
            boolean inTenant = input.defaultTenant == null || input.defaultTenant.equals(event.tenantId());
            if (inTenant && user.equalsIgnoreCase(event.userPrincipalName())) {
                history.add(SignInSummary.of(new ClassifiedEvent(event, classification)));
                tenant[0] = event.tenantId();
            }
        }, spec.commandLine().getErr());
        Diagnosis diagnosis = new Diagnoser(data).diagnose(user.toLowerCase(Locale.ROOT), tenant[0], history);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonMappers.internal().writerWithDefaultPrettyPrinter().writeValueAsString(diagnosis));
        } else {
            DiagnosisText.print(diagnosis, out);
        }
        out.flush();
        return unreadable == 0 ? 0 : Gatewatch.EXIT_UNREADABLE_RECORDS;
    }
}
