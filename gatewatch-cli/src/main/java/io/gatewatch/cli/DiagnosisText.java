package io.gatewatch.cli;

import io.gatewatch.diagnose.Diagnosis;
import io.gatewatch.diagnose.SignInSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A diagnosis as a helpdesk reads it: the verdict, the security alerts, the current problems, the
 * checklist, the ticket fields.
 */
final class DiagnosisText {

    private DiagnosisText() {
    }

    static void print(Diagnosis d, PrintWriter out) {
        out.println(d.userPrincipalName() + (d.tenantId() == null ? "" : " (tenant " + d.tenantId() + ")") + ": "
                + d.status().toUpperCase(Locale.ROOT));
        if (d.headline() != null) {
            out.println(d.headline());
        }
        // ahead of the checklist: the caller may be the attacker an alert is about
        if (!d.alerts().isEmpty()) {
            out.println();
            out.println("Security alerts on this user, newest first:");
            for (Diagnosis.SecurityAlert a : d.alerts()) {
                out.printf(Locale.ROOT, "  %-8s %s at %s (first %s), alert id %s%n", a.severity(), a.rule(), a.lastSeen(),
                        a.firstSeen(), a.alertId());
                out.println("     " + a.summary());
                a.remediation().forEach(step -> out.println("     - " + step));
            }
        }
        if (d.recentSignIns().isEmpty()) {
            out.println();
            out.println("No sign-in of this user in the input.");
            return;
        }
        if (!d.problems().isEmpty()) {
            out.println();
            out.println("Current problems, the one blocking the user now first:");
            int n = 1;
            for (Diagnosis.Problem p : d.problems()) {
                out.printf(Locale.ROOT, "  %d. %s [%s] since %s, last %s, %d time(s)%n", n++, p.category(), p.check(),
                        p.since(), p.lastSeen(), p.count());
                out.println("     " + p.evidence());
                p.remediation().forEach(step -> out.println("     - " + step));
            }
        }
        out.println();
        out.println("Checklist:");
        for (Diagnosis.CheckStatus c : d.checks()) {
            String mark = switch (c.status()) {
                case "ok" -> "ok     ";
                case "problem" -> "PROBLEM";
                default -> "?      ";
            };
            out.println("  [" + mark + "] " + c.check() + (c.status().equals("problem") ? " (" + c.category() + ")" : ""));
        }
        out.println();
        out.println("Recent sign-ins, newest first (support-ticket fields):");
        for (SignInSummary s : d.recentSignIns()) {
            out.println("  " + s.createdDateTime() + "  " + s.category() + (s.errorCode() == 0 ? "" : " " + s.errorCode())
                    + "  " + String.join(", ", fields(s)));
        }
    }

    private static List<String> fields(SignInSummary s) {
        List<String> fields = new ArrayList<>();
        add(fields, "app", s.appDisplayName());
        add(fields, "resource", s.resource());
        add(fields, "ip", s.ipAddress());
        add(fields, "browser", s.browser());
        add(fields, "os", s.operatingSystem());
        add(fields, "location", s.location());
        add(fields, "correlation id", s.correlationId());
        return fields;
    }

    private static void add(List<String> fields, String name, String value) {
        if (value != null) {
            fields.add(name + " " + value);
        }
    }
}
