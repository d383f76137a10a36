package dev.relance.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The module boundaries of DESIGN.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.relance");

    @Test
    void templates_is_pure_java_without_spring_database_or_the_other_modules() {
        noClasses().that().resideInAPackage("dev.relance.templates..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "dev.relance.engine..", "dev.relance.api..")
                .check(CLASSES);
    }

    @Test
    void engine_knows_nothing_of_http_or_the_api() {
        noClasses().that().resideInAPackage("dev.relance.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.relance.api..", "org.springframework.web..",
                        "jakarta.servlet..", "org.springframework.http..", "org.springframework.security.web..")
                .check(CLASSES);
    }

    @Test
    void engine_features_do_not_depend_on_each_other_in_cycles() {
        SlicesRuleDefinition.slices().matching("dev.relance.engine.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void the_api_reaches_the_database_only_through_engine_services() {
        noClasses().that().resideInAPackage("dev.relance.api..").and().resideOutsideOfPackage("dev.relance.api.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void nothing_in_the_engine_reads_the_system_clock_directly() {
        noClasses().that().resideInAPackage("dev.relance.engine..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(CLASSES);
    }
}
