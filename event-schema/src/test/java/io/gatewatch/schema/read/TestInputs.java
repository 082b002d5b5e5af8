package io.gatewatch.schema.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.SignInEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads test inputs through the real file reader and collects the results. */
final class TestInputs {

    private TestInputs() {
    }

    static List<ReadResult> readResource(String name) {
        try (InputStream in = TestInputs.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return read(in, ReaderLimits.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ReadResult> readText(String text) {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ReaderLimits.DEFAULT);
    }

    static List<ReadResult> read(InputStream in, ReaderLimits limits) {
        List<ReadResult> results = new ArrayList<>();
        try {
            new InputFileReader(new RecordDecoder(limits)).read(in, results::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    static List<ReadResult.Read> reads(List<ReadResult> results) {
        return results.stream().filter(ReadResult.Read.class::isInstance).map(ReadResult.Read.class::cast).toList();
    }

    static List<ReadResult.Unreadable> failures(List<ReadResult> results) {
        return results.stream().filter(ReadResult.Unreadable.class::isInstance)
                .map(ReadResult.Unreadable.class::cast).toList();
    }

    /** The one sign-in {@code text} holds, read without a failure. */
    static SignInEvent singleSignIn(String text) {
        List<ReadResult> results = readText(text);
        assertThat(failures(results)).isEmpty();
        assertThat(reads(results)).hasSize(1);
        return (SignInEvent) reads(results).get(0).event();
    }
}
