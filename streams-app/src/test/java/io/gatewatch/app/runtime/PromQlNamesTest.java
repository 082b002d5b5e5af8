package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dashboard check's reading of PromQL and of a scrape: labels, functions and ranges are not metrics. */
class PromQlNamesTest {

    @Test
    void readsOnlyTheMetricNamesOfAQuery() {
        assertThat(PromQlNames.metrics("sum by (instance, error) (rate(gatewatch_ingest_events_total{topic=\"a\"}[1m]))"
                + " / max without (job) (kafka_stream_thread_process_rate offset 5m) > bool 0"))
                .containsExactly("gatewatch_ingest_events_total", "kafka_stream_thread_process_rate");
    }

    @Test
    void readsTheSeriesOfAScrape() {
        assertThat(PromQlNames.samples("# HELP x_total Events\n# TYPE x_total counter\nx_total{topic=\"a\"} 3.0\n"
                + "y_seconds_max 0.1\n")).containsExactly("x_total", "y_seconds_max");
    }
}
