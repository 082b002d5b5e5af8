package io.gatewatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module graph as rules over the code itself (docs/architecture.md#2-modules-and-data-flow):
 * event-schema → detection core → streams-app → launcher, the generator beside the core. Run in
 * the launcher's tests because its classpath holds every module.
 */
class ArchitectureTest {

    private static final String[] CORE = {"io.gatewatch.schema..", "io.gatewatch.classify..", "io.gatewatch.rules..",
            "io.gatewatch.aggregate..", "io.gatewatch.detect..", "io.gatewatch.state.."};

    private static final JavaClasses GATEWATCH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gatewatch");

    @Test
    void theCoreAndTheSchemaKnowNothingOfKafka() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.rocksdb..")
                .because("the classifier and rules are plain Java; Kafka wiring stays at the edge")
                .check(GATEWATCH);
    }

    @Test
    void theCoreDependsOnNothingAboveIt() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("io.gatewatch.app..", "io.gatewatch.cli..",
                        "io.gatewatch.generator..", "io.gatewatch.kafka..", "io.gatewatch.bench..")
                .check(GATEWATCH);
    }

    @Test
    void theDeployableCarriesNoGeneratorBrokerOrLauncher() {
        noClasses().that().resideInAPackage("io.gatewatch.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatewatch.cli..", "io.gatewatch.generator..",
                        "io.gatewatch.kafka..", "org.apache.kafka.streams.TopologyTestDriver", "kafka..")
                .check(GATEWATCH);
    }

    @Test
    void kafkaStreamsInternalsStayInTheStatePackage() {
        noClasses().that().resideInAPackage("io.gatewatch.app..").and().resideOutsideOfPackage("io.gatewatch.app.state")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.streams..internals..")
                .because("the decoded stores rest on Kafka Streams internals (store builders, WrappedStateStore, "
                        + "flushCache/clearCache); one package to check when Kafka is upgraded, with "
                        + "state.cache=kafka as the fallback")
                .check(GATEWATCH);
    }

    @Test
    void theGeneratorStandsBesideTheCore() {
        noClasses().that().resideInAPackage("io.gatewatch.generator..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatewatch.classify..", "io.gatewatch.rules..",
                        "io.gatewatch.aggregate..", "io.gatewatch.detect..", "io.gatewatch.app..", "io.gatewatch.cli..")
                .check(GATEWATCH);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.gatewatch.(**)").should().beFreeOfCycles().check(GATEWATCH);
    }
}
