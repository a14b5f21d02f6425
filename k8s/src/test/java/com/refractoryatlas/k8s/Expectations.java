package com.refractoryatlas.k8s;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a rendered overlay must contain, beyond the invariants every object keeps.
 *
 * @param environment dev or prod
 * @param statelessServices the Deployments that need a PodDisruptionBudget and a HorizontalPodAutoscaler
 * @param publicService the one Service an Ingress may route to
 * @param database the MongoDB StatefulSet's name, or null when the manifests hold no database
 * @param allowedConnections every connection the network policies must allow, as {@code source->destination}
 *     (sources are workload names or {@code namespace:<name>} for pods of another namespace); any other is a
 *     violation
 * @param externalSecrets the Secrets production creates out of band (documented in docs/kubernetes.md)
 */
record Expectations(
        Environment environment,
        Set<String> statelessServices,
        String publicService,
        @Nullable String database,
        Set<String> allowedConnections,
        Set<String> externalSecrets) {

    static final String INGRESS_CONTROLLER = "namespace:ingress-nginx";
    static final String PROMETHEUS = "namespace:monitoring";

    private static final Set<String> SERVICES =
            Set.of("gateway", "catalog-service", "references-service", "import-service");

    /** The whole Refractory Atlas system as docs/kubernetes.md describes it. */
    static Expectations refractoryAtlas(Environment environment) {
        return new Expectations(
                environment,
                SERVICES,
                "gateway",
                "mongo",
                Set.of(
                        INGRESS_CONTROLLER + "->gateway",
                        PROMETHEUS + "->gateway",
                        PROMETHEUS + "->catalog-service",
                        PROMETHEUS + "->references-service",
                        PROMETHEUS + "->import-service",
                        "gateway->catalog-service",
                        "gateway->references-service",
                        "gateway->import-service",
                        "import-service->catalog-service",
                        "import-service->references-service",
                        "catalog-service->mongo",
                        "references-service->mongo",
                        "import-service->mongo",
                        "mongo-init->mongo",
                        "mongo->mongo"),
                Set.of(
                        "mongo-keyfile",
                        "mongo-admin",
                        "catalog-service-mongodb",
                        "references-service-mongodb",
                        "import-service-mongodb",
                        "atlas-service-token",
                        "gateway-auth",
                        "atlas-tls"));
    }
}
