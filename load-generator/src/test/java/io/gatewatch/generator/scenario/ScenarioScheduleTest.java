package io.gatewatch.generator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.generator.GeneratedEvent;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.TrafficStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioScheduleTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private final SyntheticDirectory directory = SyntheticDirectory.generate(7, 10, 500);
    private final ScenarioSchedule schedule = new ScenarioSchedule(directory, 1.0);

    @Test
    void everyScenarioLandsInsideATwoDayRunAndExpectsSomething() {
        List<String> notes = new ArrayList<>();
        List<ScenarioBuilder.Injection> injections = schedule.place(all(), START, Duration.ofDays(2), notes::add);

        assertThat(notes).isEmpty();
        assertThat(injections).extracting(ScenarioBuilder.Injection::scenario)
                .containsExactlyElementsOf(ScenarioCatalog.all().stream()
                        .sorted((a, b) -> Boolean.compare(b.needsBaseline(), a.needsBaseline()))
                        .map(ScenarioType::name).toList());
        for (ScenarioBuilder.Injection injection : injections) {
            assertThat(injection.events()).as(injection.scenario()).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.time()).isBetween(START, START.plus(Duration.ofDays(2))));
            Label.Expect wanted = injection.scenario().endsWith("-near-miss") ? Label.Expect.NONE : Label.Expect.ALERT;
            assertThat(injection.labels()).as(injection.scenario()).anyMatch(l -> l.expect() == wanted);
        }
    }

    @Test
    void baselineScenariosWaitForTheWarmUpDayAndStartOnTheHour() {
        List<ScenarioBuilder.Injection> injections = schedule.place(all(), START, Duration.ofDays(2), n -> { });

        for (ScenarioType type : ScenarioCatalog.all().stream().filter(ScenarioType::needsBaseline).toList()) {
            Instant first = injections.stream().filter(i -> i.scenario().equals(type.name())).findFirst().orElseThrow()
                    .events().get(0).time();
            // rule.BASELINE.warmup-hours is 24, plus the hour in progress
            assertThat(first).isAfter(START.plus(Duration.ofHours(25)));
            assertThat(first.getEpochSecond() % 3600).isEqualTo(300);
        }
    }

    @Test
    void aShortRunSkipsWhatCannotFitAndSaysSo() {
        List<String> notes = new ArrayList<>();
        List<ScenarioBuilder.Injection> injections = schedule.place(all(), START, Duration.ofHours(3), notes::add);

        assertThat(notes).anyMatch(n -> n.contains("ca-block-spike") && n.contains("warm-up"))
                .anyMatch(n -> n.contains("distributed-cracking"));
        assertThat(injections).extracting(ScenarioBuilder.Injection::scenario)
                .contains("brute-force", "mfa-fraud").doesNotContain("ca-block-spike", "distributed-cracking");
    }

    @Test
    void aPlacedScenarioRunsAtItsOffsetOnItsTenant() {
        ScenarioType bruteForce = ScenarioCatalog.named("brute-force").orElseThrow();
        List<ScenarioBuilder.Injection> injections = schedule.place(
                List.of(new ScenarioSchedule.Request(bruteForce, Duration.ofMinutes(90), 4)), START, Duration.ofHours(3),
                n -> { });

        GeneratedEvent first = injections.get(0).events().get(0);
        assertThat(first.time()).isEqualTo(START.plus(Duration.ofMinutes(90)));
        assertThat(first.tenantId()).isEqualTo(directory.tenantId(3));
    }

    @Test
    void backgroundTrafficNeverTouchesScenarioUsersOrAddresses() {
        List<ScenarioBuilder.Injection> injections = schedule.place(all(), START, Duration.ofDays(2), n -> { });
        Set<String> scenarioUsers = new HashSet<>();
        injections.forEach(i -> i.events().forEach(e -> scenarioUsers.add(upn(e))));
        TrafficStream background = new TrafficStream(directory, 7, START, Duration.ofHours(6), 1.0, List.of());

        while (background.hasNext()) {
            GeneratedEvent event = background.next();
            assertThat(scenarioUsers).doesNotContain(upn(event));
        }
    }

    @Test
    void trafficComesOutInEventTimeOrder() {
        List<GeneratedEvent> injected = schedule.place(all(), START, Duration.ofDays(2), n -> { }).stream()
                .flatMap(i -> i.events().stream()).toList();
        TrafficStream traffic = new TrafficStream(directory, 7, START, Duration.ofDays(2), 0.2, injected);

        Instant previous = Instant.MIN;
        long count = 0;
        while (traffic.hasNext()) {
            Instant time = traffic.next().time();
            assertThat(time).isAfterOrEqualTo(previous);
            previous = time;
            count++;
        }
        assertThat(count).isEqualTo(traffic.backgroundEvents() + injected.size());
    }

    private static List<ScenarioSchedule.Request> all() {
        return ScenarioCatalog.all().stream().map(t -> new ScenarioSchedule.Request(t, null, null)).toList();
    }

    private static String upn(GeneratedEvent event) {
        return event instanceof GeneratedEvent.SignIn s ? s.spec().user().userPrincipalName()
                : ((GeneratedEvent.DynamicsAccess) event).spec().user().userPrincipalName();
    }
}
