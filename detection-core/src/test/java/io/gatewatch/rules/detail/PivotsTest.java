package io.gatewatch.rules.detail;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.AlertEvidence;
import io.gatewatch.schema.AlertPivots;
import io.gatewatch.schema.AttackIds;
import io.gatewatch.schema.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pivot names only tables, columns and Graph properties Microsoft documents: the column
 * lists of SigninLogs, AADNonInteractiveUserSignInLogs and AADServicePrincipalSignInLogs and the
 * properties of Graph's signIn resource, copied with their source into {@code microsoft-schemas/}.
 * A sample of alerts covers each way a pivot finds its sign-ins: by correlation id, by user, by
 * address, by the users of the evidence, a tenant's hour, and a service principal's.
 */
class PivotsTest {

    private static final Instant T = Instant.parse("2026-03-02T10:15:30Z");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b");
    private static final Pattern GRAPH_PROPERTY = Pattern.compile("([A-Za-z/]+) (?:eq|ne|ge|le|gt|lt) ");
    private static final Set<String> USER_TABLES = Set.of("SigninLogs", "AADNonInteractiveUserSignInLogs");
    private static final String WORKLOAD_TABLE = "AADServicePrincipalSignInLogs";

    record Sample(String name, Alert alert, AlertEvidence evidence) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Sample> samples() {
        AlertEvidence twoSignIns = evidence(List.of("ann@contoso.com"), List.of("203.0.113.7"), List.of("c-1", "c-2"));
        AlertEvidence noIds = evidence(List.of("ann@contoso.com", "bob@contoso.com"), List.of("203.0.113.7"), List.of());
        return Stream.of(
                new Sample("spray by correlation ids", alert("PASSWORD_SPRAY", "ip", "203.0.113.7"), twoSignIns),
                new Sample("user without ids", alert("IMPOSSIBLE_TRAVEL", "user", "ann@contoso.com"), AlertEvidence.NONE),
                new Sample("address without ids", alert("PASSWORD_SPRAY", "ip", "203.0.113.7"), AlertEvidence.NONE),
                new Sample("session by its users", alert("SESSION_REPLAY", "session", "s-1"), noIds),
                new Sample("tenant hour", alert("FAILURE_RATE_SPIKE", "tenant", "t1"), AlertEvidence.NONE),
                new Sample("service principal", alert("SERVICE_PRINCIPAL_NEW_NETWORK", "servicePrincipal", "sp-1"), twoSignIns),
                new Sample("quotes in values", alert("BRUTE_FORCE", "user", "o'neil\"x@contoso.com"), AlertEvidence.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theKqlNamesOnlyDocumentedTablesAndColumns(Sample sample) throws IOException {
        AlertPivots pivots = Pivots.of(sample.alert(), sample.evidence());
        boolean workload = sample.alert().entity().type().equals("servicePrincipal");
        Set<String> tables = workload ? Set.of(WORKLOAD_TABLE) : USER_TABLES;
        Set<String> named = identifiers(withoutLiterals(pivots.kql()));
        Set<String> usedTables = new HashSet<>(named);
        usedTables.retainAll(Set.of("SigninLogs", "AADNonInteractiveUserSignInLogs", WORKLOAD_TABLE));
        assertThat(usedTables).isEqualTo(tables);
        for (String table : tables) {
            Set<String> columns = documented(table + ".columns");
            Set<String> unknown = new HashSet<>(named);
            unknown.removeAll(usedTables);
            unknown.removeAll(columns);
            assertThat(unknown).as(table + " columns in\n" + pivots.kql()).isEmpty();
        }
        assertThat(named).contains("TimeGenerated");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theGraphRequestFiltersOnlyDocumentedSignInProperties(Sample sample) throws IOException {
        AlertPivots pivots = Pivots.of(sample.alert(), sample.evidence());
        if (sample.alert().entity().type().equals("servicePrincipal")) {
            assertThat(pivots.graph()).as("Graph v1.0 signIns lists user sign-ins only").isNull();
            return;
        }
        assertThat(pivots.graph()).startsWith("GET https://graph.microsoft.com/v1.0/auditLogs/signIns?$filter=");
        Set<String> properties = documented("graph-signIn.properties");
        Matcher property = GRAPH_PROPERTY.matcher(withoutLiterals(pivots.graph()));
        Set<String> used = new HashSet<>();
        while (property.find()) {
            used.add(property.group(1).split("/")[0]);
        }
        assertThat(used).contains("createdDateTime").isSubsetOf(properties);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void valuesAreQuotedSoThatNoneEndsItsLiteral(Sample sample) {
        AlertPivots pivots = Pivots.of(sample.alert(), sample.evidence());
        assertThat(withoutLiterals(pivots.kql())).doesNotContain("contoso").doesNotContain("203.0.113");
        if (pivots.graph() != null) {
            assertThat(withoutLiterals(pivots.graph())).doesNotContain("contoso").doesNotContain("203.0.113");
        }
    }

    /** KQL strings ("..." with \" inside), OData strings ('...' with '' inside) and datetime(...) removed. */
    private static String withoutLiterals(String text) {
        return text.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("'(?:[^']|'')*'", "''")
                .replaceAll("datetime\\([^)]*\\)", "datetime()")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "T");
    }

    private static Set<String> identifiers(String kql) {
        Set<String> names = new HashSet<>();
        Matcher m = IDENTIFIER.matcher(kql);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static Set<String> documented(String resource) throws IOException {
        try (InputStream in = PivotsTest.class.getResourceAsStream("/microsoft-schemas/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            Set<String> names = new HashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(names::add);
            return names;
        }
    }

    private static Alert alert(String rule, String type, String value) {
        return new Alert("id-1", rule, Severity.HIGH, "t1", new AlertEntity(type, value), T.minusSeconds(600), T,
                T.minusSeconds(300), T, 5, 5, 5, 1, List.of(), "summary", List.of(), T, null, AttackIds.NONE);
    }

    private static AlertEvidence evidence(List<String> users, List<String> ips, List<String> ids) {
        List<AlertEvidence.SignIn> signIns = ids.stream().map(id -> new AlertEvidence.SignIn(T, id, users.get(0),
                ips.get(0), 50126, "fail")).toList();
        return new AlertEvidence(users, users.size(), ips.stream().map(ip -> new AlertEvidence.Address(ip, "US", null))
                .toList(), ips.size(), List.of(), List.of("US"), List.of(), signIns, signIns.size(), null);
    }
}
