package io.gatewatch.generator.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.generator.DynamicsAccessSpec;
import io.gatewatch.generator.GeneratedEvent;
import io.gatewatch.generator.HomeLocation;
import io.gatewatch.generator.SignInSpec;
import io.gatewatch.generator.SyntheticUser;
import io.gatewatch.generator.output.FileSink;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.schema.read.InputFileReader;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whatever the output format, Gatewatch's own readers get back what the generator meant. */
class OutputFormatRoundTripTest {

    private static final HomeLocation TOKYO = HomeLocation.CITIES.get(7);
    private static final SyntheticUser USER = new SyntheticUser("11111111-2222-4333-8444-555555555555",
            "Adele.Vance@tenant1.example.com", "u-1", "Adele Vance", TOKYO, "192.0.2.7");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void readersRecoverEveryFieldTheRulesUse(OutputFormat format) throws IOException {
        Instant time = Instant.parse("2026-11-01T10:15:30.123Z");
        List<GeneratedEvent> written = List.of(
                new GeneratedEvent.SignIn(new SignInSpec("id-1", time, USER, "198.18.0.9", TOKYO, 500121,
                        "Authentication failed during strong authentication request.",
                        "MFA denied; Phone App Reported Fraud", null, true, "Azure Portal")),
                new GeneratedEvent.SignIn(new SignInSpec("id-2", time.plusSeconds(1), USER, "192.0.2.7", TOKYO, 0,
                        null, null, "high", false, "Microsoft Teams")),
                new GeneratedEvent.DynamicsAccess(new DynamicsAccessSpec("id-3", time.plusSeconds(2), USER, "192.0.2.7",
                        "https://tenant1.crm.dynamics.com/main.aspx", DynamicsAccessRecordBuilder.MISSING_ROLE, null)));
        Path file = dir.resolve("out." + format.cliName());
        try (FileSink sink = new FileSink(file, new ByteArrayOutputStream(), format, 50)) {
            for (GeneratedEvent event : written) {
                sink.write(event);
            }
        }

        List<InputEvent> read = new ArrayList<>();
        read(file, read);
        Path dynamicsFile = dir.resolve(file.getFileName() + ".dynamics.jsonl");
        if (Files.exists(dynamicsFile)) {
            read(dynamicsFile, read);
        }

        assertThat(read).hasSize(3);
        SignInEvent fraud = (SignInEvent) read.get(0);
        assertThat(fraud.id()).isEqualTo("id-1");
        assertThat(fraud.createdDateTime()).isEqualTo(time);
        assertThat(fraud.tenantId()).isEqualTo(USER.tenantId());
        assertThat(fraud.userPrincipalName()).isEqualTo(USER.userPrincipalName());
        assertThat(fraud.errorCode()).isEqualTo(500121);
        assertThat(fraud.additionalDetails()).isEqualTo("MFA denied; Phone App Reported Fraud");
        assertThat(fraud.ipAddress()).isEqualTo("198.18.0.9");
        assertThat(fraud.location().city()).isEqualTo("Tokyo");
        assertThat(fraud.location().latitude()).isEqualTo(TOKYO.latitude());
        assertThat(fraud.isInteractive()).isTrue();
        assertThat(fraud.appDisplayName()).isEqualTo("Azure Portal");
        SignInEvent risky = (SignInEvent) read.get(1);
        assertThat(risky.errorCode()).isZero();
        assertThat(risky.riskLevelDuringSignIn()).isEqualTo("high");
        assertThat(risky.isInteractive()).isFalse();
        // the session, protocol and client fields the next detections read, in every format
        SignInSpec fraudSpec = ((GeneratedEvent.SignIn) written.get(0)).spec();
        SignInSpec riskySpec = ((GeneratedEvent.SignIn) written.get(1)).spec();
        assertThat(fraud.sessionId()).isEqualTo(fraudSpec.sessionId());
        assertThat(risky.sessionId()).isEqualTo(riskySpec.sessionId()).isNotEqualTo(fraud.sessionId());
        for (SignInEvent signIn : List.of(fraud, risky)) {
            assertThat(signIn.authenticationProtocol()).isEqualTo("none");
            assertThat(signIn.userAgent()).startsWith("Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
            assertThat(signIn.tokenIssuerType()).isEqualTo("AzureAD");
            assertThat(signIn.workloadIdentity()).isFalse();
        }
        DynamicsAccessEvent dynamics = (DynamicsAccessEvent) read.get(2);
        assertThat(dynamics.requestedUrl()).isEqualTo("https://tenant1.crm.dynamics.com/main.aspx");
        assertThat(dynamics.errorCode()).isEqualTo(0x80042f09);
    }

    private static void read(Path file, List<InputEvent> into) throws IOException {
        InputFileReader reader = new InputFileReader(new RecordDecoder(ReaderLimits.DEFAULT));
        try (InputStream in = Files.newInputStream(file)) {
            reader.read(in, result -> {
                assertThat(result).isInstanceOf(ReadResult.Read.class);
                into.add(((ReadResult.Read) result).event());
            });
        }
    }
}
