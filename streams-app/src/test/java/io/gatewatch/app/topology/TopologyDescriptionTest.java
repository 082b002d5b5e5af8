package io.gatewatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.classify.ClassificationData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The golden topology: any change to processors, stores or internal topics shows up here, so
 * renaming state (and orphaning it in production) is always a deliberate, reviewed change.
 * After an intended change, regenerate with {@code -Dgatewatch.golden.update=true} and review the diff.
 */
class TopologyDescriptionTest {

    private static final String GOLDEN = "/golden/topology.txt";

    @Test
    void topologyMatchesTheGoldenDescription() throws IOException {
        String described = GatewatchTopology.build(ConfigLoader.build(Map.of("emit.classified", "true")),
                ClassificationData.defaults(), new SimpleMeterRegistry()).describe().toString();
        if (Boolean.getBoolean("gatewatch.golden.update")) {
            Path file = Path.of("src/test/resources" + GOLDEN);
            Files.createDirectories(file.getParent());
            Files.writeString(file, described);
        }
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            assertThat(described).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theOnlyRepartitionIsTheOneByTenant() {
        String described = GatewatchTopology.build(ConfigLoader.build(Map.of()), ClassificationData.defaults(),
                new SimpleMeterRegistry()).describe().toString();
        assertThat(described).contains("by-tenant-repartition");
        assertThat(described.replace("by-tenant-repartition", "")).as("no other repartition topic")
                .doesNotContain("repartition");
    }
}
