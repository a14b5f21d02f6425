package com.refractoryatlas.importer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The import service's package rules: features without cycles, storage private, writes only through clients. */
class ArchitectureTests {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.refractoryatlas.importer");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.refractoryatlas.importer.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .should()
                .notBePublic()
                .check(classes);
    }

    @Test
    void onlyTheJobsAndSeedingTouchTheDatabase() {
        noClasses()
                .that()
                .resideOutsideOfPackages("com.refractoryatlas.importer.job..", "com.refractoryatlas.importer.seed..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.mongodb..")
                .check(classes);
    }

    @Test
    void theParserKnowsNothingOfJobsOrWrites() {
        noClasses()
                .that()
                .resideInAnyPackage("com.refractoryatlas.importer.parse..", "com.refractoryatlas.importer.extract..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.refractoryatlas.importer.job..",
                        "com.refractoryatlas.importer.write..",
                        "com.refractoryatlas.importer.plan..")
                .check(classes);
    }
}
