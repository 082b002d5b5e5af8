package io.gatewatch.cli;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.detect.OfflineAnalyzer;
import io.gatewatch.diagnose.Diagnoser;
import io.gatewatch.diagnose.Diagnosis;
import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.diagnose.UserAlerts;
import io.gatewatch.diagnose.UserHistory;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gatewatch diagnose}: the helpdesk checklist for one user from exported logs — the same
 * history and diagnosis code the API's {@code /users/{upn}/diagnosis} runs on live data — and the
 * security alerts on the user, from the same detection {@code analyze} runs over the logs.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Why can't this user sign in? The troubleshooting checklist, the security alerts on the user and "
                + "the support-ticket fields, from exported logs.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:diagnosed", "2:usage error", "3:some records were unreadable (reported on stderr)"})
final class DiagnoseCommand implements Callable<Integer> {

    @Option(names = "--user", paramLabel = "UPN", required = true, description = "The user principal name.")
    String user;

    @Option(names = "--json", description = "Print the API's JSON instead of the readable checklist.")
    boolean json;

    @Mixin
    OfflineAnalysis analysis;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        analysis.requireReadable(spec.commandLine());
        ClassificationData data = ClassificationData.defaults();
        String upn = user.toLowerCase(Locale.ROOT);
        String wantedTenant = analysis.input.defaultTenant;
        // every event is classified, not only the user's: other users' successes teach where Dynamics orgs live
        EventClassifier classifier = EventClassifier.offline(data, analysis.orgs.regionHosts());
        // every event is analysed too: an attack on the user shows in other users' and addresses' records
        OfflineAnalyzer detection = analysis.analyzer(analysis.rules.offlineConfig());
        UserHistory history = new UserHistory();
        UserAlerts alerts = new UserAlerts(wantedTenant, upn, history);
        String[] tenant = {wantedTenant};
        Instant[] newest = {Instant.MIN};
        long[] withoutTenant = {0};
        PrintWriter err = spec.commandLine().getErr();
        long unreadable = analysis.input.readAll(event -> {
            var classification = classifier.classify(event);
            boolean inTenant = wantedTenant == null || wantedTenant.equals(event.tenantId());
            if (inTenant && upn.equalsIgnoreCase(event.userPrincipalName())) {
                history.add(SignInSummary.of(new ClassifiedEvent(event, classification)));
                tenant[0] = event.tenantId();
            }
            newest[0] = event.createdDateTime().isAfter(newest[0]) ? event.createdDateTime() : newest[0];
            // after the history took the event: an alert it raises may name it as evidence
            if (!detection.process(event, found -> offer(alerts, found))) {
                withoutTenant[0]++;
            }
        }, err);
        if (withoutTenant[0] > 0) {
            err.println("gatewatch: " + withoutTenant[0] + " record(s) carry no tenant: they are in the checklist but were"
                    + " not searched for security alerts; give --tenant for Graph v1.0 exports");
            err.flush();
        }
        // the window ends at the newest record, not now: exports are diagnosed after the fact
        Instant since = newest[0].equals(Instant.MIN) ? Instant.MIN : newest[0].minus(UserAlerts.WINDOW);
        Diagnosis diagnosis = new Diagnoser(data).diagnose(upn, tenant[0], history, alerts.newestFirst(since));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonMappers.internal().writerWithDefaultPrettyPrinter().writeValueAsString(diagnosis));
        } else {
            DiagnosisText.print(diagnosis, out);
        }
        out.flush();
        return unreadable == 0 ? 0 : Gatewatch.EXIT_UNREADABLE_RECORDS;
    }

    private static void offer(UserAlerts alerts, Object found) {
        if (found instanceof Alert alert) { // the analyzer's other output, closed windows, is no concern of a diagnosis
            alerts.offer(alert);
        }
    }
}
