package io.gatewatch.rules.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleExceptionsTest {

    private static final String APP_ID = "00000002-0000-0ff1-ce00-000000000000";

    static ClassifiedEvent signIn(String user, String address, Integer asn, String appId, String appName) {
        SignInEvent event = new SignInEvent("id", Instant.parse("2025-11-14T01:00:00Z"), "tenant", "graph", "SignInLogs",
                user, "uid", "User", "Member", appId, appName, "res", "Res", address, "Browser", "corr", true, 50053,
                null, null, null, null, null, null, null, List.of(), null, null, null, List.of(), List.of(), null, null,
                asn);
        return classified(event);
    }

    private static ClassifiedEvent classified(InputEvent event) {
        return new ClassifiedEvent(event, new Classification(Outcome.FAILURE, Category.ACCOUNT_LOCKED, Severity.MEDIUM,
                false, 50053, null, List.of(), null, false));
    }

    private static ClassifiedEvent plain() {
        return signIn("alice@contoso.com", "203.0.113.9", 3320, "app-1", "Azure Portal");
    }

    private static ExceptionList list(ExceptionKind kind, String value) {
        return ExceptionList.builder().read(kind, kind.globalKey(), value).build();
    }

    @Test
    void emptyExceptsNothingAndIsTheConstant() {
        assertThat(RuleExceptions.NONE.excepts("BRUTE_FORCE", plain())).isFalse();
        assertThat(RuleExceptions.NONE.isEmpty()).isTrue();
        assertThat(RuleExceptions.NONE.forRule("BRUTE_FORCE")).isSameAs(ExceptionList.NONE);
        assertThat(RuleExceptions.of(ExceptionList.NONE, Map.of("BRUTE_FORCE", ExceptionList.NONE)))
                .as("rules with empty lists are no exceptions").isSameAs(RuleExceptions.NONE);
        assertThat(list(ExceptionKind.ADDRESSES, " , ,").isEmpty()).as("blank entries are ignored").isTrue();
        assertThat(list(ExceptionKind.USERS, "").isEmpty()).isTrue();
        assertThat(ExceptionList.NONE.excepts(plain())).isFalse();
    }

    @Test
    void aGlobalExceptionAppliesToEveryRuleAndARulesOwnToThatRule() {
        RuleExceptions exceptions = RuleExceptions.of(list(ExceptionKind.ADDRESSES, "203.0.113.0/24"),
                Map.of("ACCOUNT_LOCKOUT", list(ExceptionKind.ASNS, "8075")));
        ClassifiedEvent corporate = signIn("bob@contoso.com", "203.0.113.50", null, null, null);
        ClassifiedEvent microsoft = signIn("bob@contoso.com", "13.64.151.161", 8075, null, null);
        ClassifiedEvent other = signIn("bob@contoso.com", "198.51.100.1", 3320, null, null);

        assertThat(exceptions.excepts("BRUTE_FORCE", corporate)).isTrue();
        assertThat(exceptions.excepts("ACCOUNT_LOCKOUT", corporate)).as("global applies with the rule's own").isTrue();
        assertThat(exceptions.excepts("ACCOUNT_LOCKOUT", microsoft)).isTrue();
        assertThat(exceptions.excepts("BRUTE_FORCE", microsoft)).as("another rule's exception").isFalse();
        assertThat(exceptions.excepts("ACCOUNT_LOCKOUT", other)).isFalse();
        assertThat(exceptions.excepts("NO_SUCH_RULE", corporate)).isTrue();

        assertThat(exceptions.forRule("ACCOUNT_LOCKOUT").excepts(microsoft)).isTrue();
        assertThat(exceptions.forRule("ACCOUNT_LOCKOUT").excepts(corporate)).isTrue();
        assertThat(exceptions.forRule("BRUTE_FORCE")).isSameAs(exceptions.global());
        assertThat(exceptions.perRule()).containsOnlyKeys("ACCOUNT_LOCKOUT");
        assertThat(exceptions.perRule().get("ACCOUNT_LOCKOUT").asns()).containsExactly(8075);
    }

    @Test
    void usersMatchTheirExactPrincipalNameIgnoringCase() {
        ExceptionList users = list(ExceptionKind.USERS, "svc-Scanner@Contoso.com, break.glass@contoso.onmicrosoft.com");

        assertThat(users.excepts(signIn("SVC-SCANNER@contoso.COM", "198.51.100.1", null, null, null))).isTrue();
        assertThat(users.excepts(signIn("svc-scanner@contoso.com", "198.51.100.1", null, null, null))).isTrue();
        assertThat(users.excepts(signIn("break.glass@contoso.onmicrosoft.com", null, null, null, null))).isTrue();
        assertThat(users.excepts(signIn("svc-scanner@contoso.com.evil", "198.51.100.1", null, null, null))).isFalse();
        assertThat(users.excepts(signIn("xsvc-scanner@contoso.com", "198.51.100.1", null, null, null))).isFalse();
        assertThat(users.excepts(signIn(null, "198.51.100.1", null, null, null))).isFalse();
        assertThat(users.excepts(classified(new DynamicsAccessEvent("d1", Instant.EPOCH, "t", "Svc-Scanner@contoso.com",
                "198.51.100.1", "https://org.crm4.dynamics.com", 0, null)))).as("a Dynamics access too").isTrue();
    }

    @Test
    void usersAreExactPrincipalNamesNotPatterns() {
        assertThatThrownBy(() -> list(ExceptionKind.USERS, "a@contoso.com,*@contoso.com"))
                .hasMessage("exceptions.users entry 2 is not a user principal name (an exact name@domain; no wildcards)");
        for (String bad : new String[] {"Alice Example", "@contoso.com", "alice@", "a@b@c", "alice @contoso.com"}) {
            assertThatThrownBy(() -> list(ExceptionKind.USERS, bad)).as(bad)
                    .hasMessageContaining("entry 1 is not a user principal name")
                    .satisfies(e -> assertThat(e.getMessage()).as("a user name is not echoed").doesNotContain(bad));
        }
    }

    @Test
    void appsMatchTheirIdOrDisplayNameIgnoringCase() {
        ExceptionList apps = list(ExceptionKind.APPS, APP_ID.toUpperCase() + ", Contoso Vulnerability Scanner");

        assertThat(apps.excepts(signIn("a@contoso.com", null, null, APP_ID, "Office 365 Exchange Online"))).isTrue();
        assertThat(apps.excepts(signIn("a@contoso.com", null, null, "other-id", "contoso vulnerability SCANNER")))
                .isTrue();
        assertThat(apps.excepts(signIn("a@contoso.com", null, null, "other-id", "Contoso Vulnerability"))).isFalse();
        assertThat(apps.excepts(signIn("a@contoso.com", null, null, null, null))).isFalse();
        assertThat(apps.excepts(classified(new DynamicsAccessEvent("d1", Instant.EPOCH, "t", "a@contoso.com",
                "198.51.100.1", "Contoso Vulnerability Scanner", 0, null)))).as("a Dynamics access has no app").isFalse();
    }

    @Test
    void asnsMatchTheSignInsAutonomousSystem() {
        ExceptionList asns = list(ExceptionKind.ASNS, "8075, AS12076 ,as8068");

        assertThat(asns.asns()).containsExactly(8068, 8075, 12076);
        assertThat(asns.excepts(signIn("a@contoso.com", "13.64.151.161", 8075, null, null))).isTrue();
        assertThat(asns.excepts(signIn("a@contoso.com", "13.64.151.161", 12076, null, null))).isTrue();
        assertThat(asns.excepts(signIn("a@contoso.com", "13.64.151.161", 8074, null, null))).isFalse();
        assertThat(asns.excepts(signIn("a@contoso.com", "13.64.151.161", null, null, null)))
                .as("an input without the number is never excepted by it").isFalse();
    }

    @Test
    void aBadAsnIsOneLineNamingTheKey() {
        assertThatThrownBy(() -> ExceptionList.builder().read(ExceptionKind.ASNS, "rule.ACCOUNT_LOCKOUT.except-asns",
                "8075,AS-8075"))
                .hasMessage("rule.ACCOUNT_LOCKOUT.except-asns entry 'AS-8075' is not an autonomous system number "
                        + "(a whole number such as 8075)");
        for (String bad : new String[] {"-1", "1.5", "4294967296", "eighty", "AS"}) {
            assertThatThrownBy(() -> list(ExceptionKind.ASNS, bad)).as(bad)
                    .hasMessageContaining("is not an autonomous system number");
        }
    }

    @Test
    void aBadRangeIsOneLineNamingTheKey() {
        assertThatThrownBy(() -> ExceptionList.builder().read(ExceptionKind.ADDRESSES, "exceptions.addresses",
                "10.0.0.0/8, 10.0.0.0/33"))
                .hasMessageStartingWith("exceptions.addresses entry '10.0.0.0/33' has a prefix longer than /32")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void addressesMatchIpv4Ipv6AndMapped() {
        ExceptionList addresses = list(ExceptionKind.ADDRESSES, "10.0.0.0/8, 2001:db8::/32, 198.51.100.7");

        assertThat(addresses.excepts(signIn("a@contoso.com", "10.20.30.40", null, null, null))).isTrue();
        assertThat(addresses.excepts(signIn("a@contoso.com", "::ffff:10.20.30.40", null, null, null))).isTrue();
        assertThat(addresses.excepts(signIn("a@contoso.com", "2001:db8:1::5", null, null, null))).isTrue();
        assertThat(addresses.excepts(signIn("a@contoso.com", "198.51.100.7", null, null, null))).isTrue();
        assertThat(addresses.excepts(signIn("a@contoso.com", "198.51.100.8", null, null, null))).isFalse();
        assertThat(addresses.excepts(signIn("a@contoso.com", "2001:db9::1", null, null, null))).isFalse();
        assertThat(addresses.excepts(signIn("a@contoso.com", null, null, null, null))).isFalse();
        assertThat(addresses.addresses()).extracting(AddressRange::toString)
                .containsExactly("10.0.0.0/8", "2001:db8::/32", "198.51.100.7/32");
    }

    @Test
    void listsCombineAndTellWhatTheyHoldWithoutNamingUsers() {
        ExceptionList both = list(ExceptionKind.USERS, "a@contoso.com").plus(list(ExceptionKind.ASNS, "8075"))
                .plus(list(ExceptionKind.USERS, "A@CONTOSO.COM"));

        assertThat(both.users()).as("one user, however spelt").containsExactly("a@contoso.com");
        assertThat(both.asns()).containsExactly(8075);
        assertThat(both).hasToString("asns=[8075] users=1");
        assertThat(ExceptionList.NONE).hasToString("none");
        assertThat(RuleExceptions.NONE).hasToString("none");
    }

    /** The per-event test allocates nothing, whether it excepts or not (measured on this thread). */
    @Test
    void testingAnEventAllocatesNothing() {
        RuleExceptions exceptions = RuleExceptions.of(
                list(ExceptionKind.ADDRESSES, "10.0.0.0/8, 2001:db8::/32")
                        .plus(list(ExceptionKind.USERS, "svc@contoso.com"))
                        .plus(list(ExceptionKind.APPS, APP_ID)),
                Map.of("ACCOUNT_LOCKOUT", list(ExceptionKind.ASNS, "8068,8069,8070,8075,12076")));
        ClassifiedEvent[] events = List.of(plain(), signIn("b@contoso.com", "2001:db9::1", 8075, "x", "y"),
                signIn("Svc@Contoso.com", "198.51.100.1", null, null, null),
                signIn("c@contoso.com", "::ffff:10.1.2.3", 3320, null, null),
                signIn("d@contoso.com", "2a01:111:f400::1", 8075, null, "Office")).toArray(ClassifiedEvent[]::new);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int excepted = 0;
        for (int round = 0; round < 3; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 20_000; i++) {
                for (int e = 0; e < events.length; e++) { // (no iterator: the test's own loop must not allocate)
                    excepted += exceptions.excepts("ACCOUNT_LOCKOUT", events[e]) ? 1 : 0;
                    excepted += exceptions.excepts("BRUTE_FORCE", events[e]) ? 1 : 0;
                }
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertThat(allocated).as("bytes for 200,000 tests").isLessThan(4_096);
        }
        assertThat(excepted).isEqualTo(3 * 20_000 * 6);
    }
}
