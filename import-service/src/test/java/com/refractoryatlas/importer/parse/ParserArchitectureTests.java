package com.refractoryatlas.importer.parse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The parser stays a plain library: no Spring, no I/O beyond the bundled vocabulary, no cycles. */
class ParserArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.refractoryatlas.importer.parse", "com.refractoryatlas.importer.extract");

    @Test
    void parserDoesNotDependOnSpringOrTheJobs() {
        noClasses()
                .that()
                .resideInAnyPackage("..importer.parse..", "..importer.extract..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "..importer.job..", "com.mongodb..", "java.nio.file..")
                .check(CLASSES);
    }

    @Test
    void extractionDoesNotDependOnParsing() {
        noClasses()
                .that()
                .resideInAPackage("..importer.extract..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..importer.parse..")
                .check(CLASSES);
        slices().matching("com.refractoryatlas.importer.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }
}
