package com.refractoryatlas.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

/** The shape the catalog keeps as it grows: feature packages without cycles, small public surfaces. */
@AnalyzeClasses(packages = "com.refractoryatlas.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCycles =
            slices().matching("com.refractoryatlas.catalog.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule repositoriesStayInsideTheirFeature =
            classes().that().areAnnotatedWith(Repository.class).should().notBePublic();

    @ArchTest
    static final ArchRule controllersAndConfigurationStayInsideTheirFeature = classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(Configuration.class)
            .should()
            .notBePublic();

    @ArchTest
    static final ArchRule onlyRepositoriesTouchCollections = noClasses()
            .that()
            .areNotAnnotatedWith(Repository.class)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("com.mongodb.client.MongoCollection");

    @ArchTest
    static final ArchRule nothingDependsOnTheWriteSide = noClasses()
            .that()
            .resideOutsideOfPackage("..curation..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..curation..");
}
