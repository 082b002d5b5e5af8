package io.gatewatch.generator.demo;

import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.generator.format.DynamicsAccessRecordBuilder;
import io.gatewatch.generator.DynamicsAccessSpec;
import io.gatewatch.generator.GeneratedRecord;
import io.gatewatch.generator.SignInSpec;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.SyntheticUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The attacks and misconfigurations the demo injects, in rotation: a lockout after a burst of
 * wrong passwords, an MFA fraud report, an MFA denial, a risk-blocked sign-in, a Dynamics user
 * without a security role, and a Dynamics request to the wrong regional URL.
 */
final class DemoAttacks {

    /** Demo Dynamics orgs: name and region host. */
    static final List<String[]> ORGS = List.of(new String[] {"contoso", "crm4.dynamics.com"},
            new String[] {"fabrikam", "crm11.dynamics.com"}, new String[] {"northwind", "crm.dynamics.com"});

    private final SyntheticDirectory directory;
    private final Random random;
    private int next;
    private long sequence;

    DemoAttacks(SyntheticDirectory directory, long seed) {
        this.directory = directory;
        this.random = new Random(seed ^ 0x5eed);
    }

    List<GeneratedRecord> next(Instant now) {
        SyntheticUser victim = randomUser();
        List<GeneratedRecord> records = new ArrayList<>();
        switch (next++ % 6) {
            case 0 -> {
                for (int i = 0; i < 10; i++) {
                    records.add(signIn(now.plusMillis(i * 50L), victim, 50126,
                            "Error validating credentials due to invalid username or password.", null, null));
                }
                records.add(signIn(now.plusMillis(600), victim, 50053, "Account is locked because user tried to "
                        + "sign in too many times with an incorrect user ID or password.", null, null));
            }
            case 1 -> records.add(signIn(now, victim, 500121, "Authentication failed during strong authentication request.",
                    "MFA denied; Phone App Reported Fraud", null));
            case 2 -> records.add(dynamics(now, victim, ORGS.get(0)[0] + "." + ORGS.get(0)[1],
                    DynamicsAccessRecordBuilder.MISSING_ROLE, "The user has not been assigned a security role."));
            case 3 -> records.add(signIn(now, victim, 53004, "Proof up is blocked due to risk on the session.", null, "high"));
            case 4 -> records.add(dynamics(now, victim, ORGS.get(0)[0] + ".crm.dynamics.com",
                    DynamicsAccessRecordBuilder.ORG_NOT_FOUND, "Organization not found in this region."));
            default -> records.add(signIn(now, victim, 500121, "Authentication failed during strong authentication request.",
                    "MFA denied; user declined the authentication", null));
        }
        return records;
    }

    /** A successful request to one org's right host: the background that lets regions be learned. */
    GeneratedRecord dynamicsSuccess(Instant now, Random random) {
        String[] org = ORGS.get(random.nextInt(ORGS.size()));
        return dynamics(now, randomUser(), org[0] + "." + org[1] + "/main.aspx", 0, null);
    }

    private GeneratedRecord signIn(Instant time, SyntheticUser user, int code, String reason, String details,
                                   String risk) {
        SignInSpec spec = new SignInSpec(id(), time, user, SyntheticDirectory.documentationIp(random), user.home(), code,
                reason, details, risk, true, "Office 365 Exchange Online");
        return new GeneratedRecord(GeneratedRecord.Kind.SIGN_IN, AzureMonitorRecordBuilder.build(spec).toString());
    }

    private GeneratedRecord dynamics(Instant time, SyntheticUser user, String host, Object code, String message) {
        return new GeneratedRecord(GeneratedRecord.Kind.DYNAMICS, DynamicsAccessRecordBuilder.build(
                new DynamicsAccessSpec(id(), time, user, user.usualIp(), "https://" + host, code, message)).toString());
    }

    private SyntheticUser randomUser() {
        List<SyntheticUser> users = directory.users(random.nextInt(directory.tenantCount()));
        return users.get(random.nextInt(users.size()));
    }

    private String id() {
        sequence++;
        return "demo-attack-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + "-" + sequence;
    }
}
