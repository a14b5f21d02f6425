package com.refractoryatlas.gateway.federation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine stays a plain library: the HTTP edge depends on it, never the other way round. */
class FederationArchitectureTests {

    private final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.refractoryatlas.gateway");

    @Test
    void engineDoesNotDependOnTheHttpEdgeOrOtherGatewayFeatures() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.federation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..gateway.http..", "..gateway.edge..", "..gateway.security..", "..gateway.graphiql..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void engineCoreDoesNotDependOnSpringWeb() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.federation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .check(classes);
    }
}
