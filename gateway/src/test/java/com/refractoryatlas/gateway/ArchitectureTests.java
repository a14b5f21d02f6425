package com.refractoryatlas.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "com.refractoryatlas.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("com.refractoryatlas.gateway.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersAndConfigurationsAreNotPublic = classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(Configuration.class)
            .should()
            .notBePublic();

    /** The engine knows nothing of HTTP, security or the edge: it is a plain Java API under them. */
    @ArchTest
    static final ArchRule theFederationEngineDoesNotDependOnTheEdge = noClasses()
            .that()
            .resideInAPackage("..gateway.federation..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..gateway.http..", "..gateway.edge..", "..gateway.security..");

    /** The edge filters run before any GraphQL: they know nothing of the endpoint or the operation checks. */
    @ArchTest
    static final ArchRule theEdgeDoesNotDependOnTheEndpointOrSecurity = noClasses()
            .that()
            .resideInAPackage("..gateway.edge..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..gateway.http..", "..gateway.security..");
}
