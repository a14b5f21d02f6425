package com.refractoryatlas.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Proves each invariant can fail: a minimal valid manifest set passes, and breaking it one way yields exactly the
 * violation of that rule. Also breaks the real rendered overlays where a rule concerns the whole system.
 */
class ManifestValidatorTests {

    private static final Expectations FIXTURE = new Expectations(
            Environment.PROD,
            Set.of("gateway"),
            "gateway",
            null,
            Set.of(Expectations.INGRESS_CONTROLLER + "->gateway", Expectations.PROMETHEUS + "->gateway"),
            Set.of("atlas-service-token", "atlas-tls"));

    private final List<Manifest> manifests = fixture();

    private static List<Manifest> fixture() {
        try (InputStream in = ManifestValidatorTests.class.getResourceAsStream("/fixtures/minimal-valid.yaml")) {
            return new ArrayList<>(
                    Manifest.parseAll(new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Manifest get(String kind, String name) {
        return manifests.stream()
                .filter(m -> m.is(kind) && m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private Map<String, Object> container() {
        return get("Deployment", "gateway").map("spec.template.spec.containers[0]");
    }

    private void add(String yaml) {
        manifests.addAll(Manifest.parseAll(yaml));
    }

    private List<Rule> violatedRules() {
        return ManifestValidator.validate(manifests, FIXTURE).stream()
                .map(Violation::rule)
                .distinct()
                .toList();
    }

    @Test
    void acceptsTheMinimalValidFixture() {
        assertThat(ManifestValidator.validate(manifests, FIXTURE)).isEmpty();
    }

    @Nested
    class Shape {

        @Test
        void rejectsAnUnknownKind() {
            add("apiVersion: v1\nkind: Sevrice\nmetadata:\n  name: typo\n");

            assertThat(violatedRules()).containsExactly(Rule.SHAPE);
        }

        @Test
        void rejectsAWrongApiVersion() {
            get("HorizontalPodAutoscaler", "gateway").body().put("apiVersion", "autoscaling/v1");

            assertThat(violatedRules()).containsExactly(Rule.SHAPE);
        }

        @Test
        void rejectsAnObjectWithoutName() {
            add("apiVersion: v1\nkind: ConfigMap\nmetadata: {}\ndata: {}\n");

            assertThat(violatedRules()).containsExactly(Rule.SHAPE);
        }

        @Test
        void rejectsAKindWithoutItsRequiredFields() {
            get("PodDisruptionBudget", "gateway").map("spec").put("minAvailable", 1);

            assertThat(violatedRules()).containsExactly(Rule.SHAPE);
        }
    }

    @Test
    void rejectsAMissingProbe() {
        container().remove("startupProbe");

        assertThat(violatedRules()).containsExactly(Rule.PROBES);
    }

    @Test
    void rejectsAReadinessProbeOnTheWrongEndpoint() {
        Tree.map(container(), "readinessProbe.httpGet").put("path", "/actuator/health");

        assertThat(violatedRules()).containsExactly(Rule.PROBES);
    }

    @Test
    void rejectsMissingLimits() {
        Tree.map(container(), "resources").remove("limits");

        assertThat(violatedRules()).containsExactly(Rule.RESOURCES);
    }

    @Nested
    class SecurityContext {

        @Test
        void rejectsRunningAsRoot() {
            get("Deployment", "gateway")
                    .map("spec.template.spec.securityContext")
                    .put("runAsNonRoot", false);

            assertThat(violatedRules()).containsExactly(Rule.SECURITY_CONTEXT);
        }

        @Test
        void rejectsAWritableRootFilesystem() {
            Tree.map(container(), "securityContext").put("readOnlyRootFilesystem", false);

            assertThat(violatedRules()).containsExactly(Rule.SECURITY_CONTEXT);
        }

        @Test
        void rejectsPrivilegeEscalation() {
            Tree.map(container(), "securityContext").remove("allowPrivilegeEscalation");

            assertThat(violatedRules()).containsExactly(Rule.SECURITY_CONTEXT);
        }

        @Test
        void rejectsKeptCapabilities() {
            Tree.map(container(), "securityContext").remove("capabilities");

            assertThat(violatedRules()).containsExactly(Rule.SECURITY_CONTEXT);
        }

        @Test
        void rejectsAReadOnlyPodWithoutWritableTmp() {
            container().remove("volumeMounts");

            assertThat(violatedRules()).containsExactly(Rule.SECURITY_CONTEXT);
        }
    }

    @Test
    void rejectsAnUnnamedServicePort() {
        get("Service", "gateway").maps("spec.ports").get(0).remove("name");

        assertThat(violatedRules()).containsExactly(Rule.HTTP_PORT);
    }

    @Test
    void rejectsAContainerWithoutAnHttpPort() {
        Tree.maps(container(), "ports").get(0).put("name", "web");
        get("Service", "gateway").maps("spec.ports").get(0).put("targetPort", "web");

        // the network policies name the port http too: with it gone they block the ingress controller
        assertThat(violatedRules()).containsExactlyInAnyOrder(Rule.HTTP_PORT, Rule.NETWORK_POLICY);
    }

    @Test
    void rejectsTheLatestTag() {
        container().put("image", "registry.example.com/atlas/gateway:latest");

        assertThat(violatedRules()).containsExactly(Rule.IMAGE_TAG);
    }

    @Test
    void rejectsAnUntaggedImageEvenWithARegistryPort() {
        container().put("image", "localhost:5000/atlas/gateway");

        assertThat(violatedRules()).containsExactly(Rule.IMAGE_TAG);
    }

    @Test
    void acceptsAnImagePinnedByDigest() {
        container().put("image", "registry.example.com/atlas/gateway@sha256:" + "0".repeat(64));

        assertThat(violatedRules()).isEmpty();
    }

    @Nested
    class Secrets {

        @Test
        void rejectsASecretObjectInProduction() {
            add("apiVersion: v1\nkind: Secret\nmetadata:\n  name: atlas-service-token\nstringData:\n  token: x\n");

            assertThat(violatedRules()).containsExactly(Rule.INLINE_SECRET);
        }

        @Test
        void rejectsACredentialAsLiteralEnvValue() {
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("name", "MONGODB_URI");
            env.put("value", "mongodb://catalog:hunter2@mongo-0.mongo/catalog");
            Tree.list(container(), "env").add(env);

            assertThat(violatedRules()).containsExactly(Rule.INLINE_SECRET);
        }

        @Test
        void rejectsACredentialInAConfigMap() {
            get("ConfigMap", "gateway-config").map("data").put("ATLAS_JWT_SECRET", "s3cr3t");

            assertThat(violatedRules()).containsExactly(Rule.INLINE_SECRET);
        }

        @Test
        void rejectsAnUndocumentedExternalSecret() {
            Tree.map(Tree.list(container(), "env").get(0), "valueFrom.secretKeyRef")
                    .put("name", "surprise");

            assertThat(violatedRules()).containsExactly(Rule.CONFIG_REFERENCE);
        }

        @Test
        void rejectsAReferenceToAConfigMapThatIsNotRendered() {
            Tree.map(Tree.list(container(), "envFrom").get(0), "configMapRef").put("name", "gateway-config-x1");

            assertThat(violatedRules()).containsExactly(Rule.CONFIG_REFERENCE);
        }
    }

    @Test
    void rejectsAServiceSelectingNoPods() {
        get("Service", "gateway").map("spec.selector").put("app.kubernetes.io/name", "gatewy");

        assertThat(violatedRules()).containsExactly(Rule.SERVICE_SELECTOR);
    }

    @Test
    void rejectsAServiceTargetingAnUndeclaredPort() {
        get("Service", "gateway").maps("spec.ports").get(0).put("targetPort", 9999);

        assertThat(violatedRules()).containsExactly(Rule.SERVICE_SELECTOR);
    }

    @Test
    void rejectsAServiceExposingTheManagementPort() {
        get("Service", "gateway").maps("spec.ports").get(0).put("targetPort", "management");

        assertThat(violatedRules()).containsExactly(Rule.METRICS);
    }

    @Test
    void rejectsProbesOnThePublicPort() {
        get("Deployment", "gateway")
                .maps("spec.template.spec.containers")
                .get(0)
                .put("readinessProbe", Map.of("httpGet", Map.of("path", "/actuator/health/readiness", "port", "http")));

        assertThat(violatedRules()).containsExactly(Rule.PROBES);
    }

    @Test
    void rejectsAMissingDisruptionBudget() {
        manifests.remove(get("PodDisruptionBudget", "gateway"));

        assertThat(violatedRules()).containsExactly(Rule.DISRUPTION_BUDGET);
    }

    @Test
    void rejectsADisruptionBudgetThatBlocksDrains() {
        get("PodDisruptionBudget", "gateway").map("spec").put("maxUnavailable", 0);

        assertThat(violatedRules()).containsExactly(Rule.DISRUPTION_BUDGET);
    }

    @Test
    void rejectsAMissingAutoscaler() {
        manifests.remove(get("HorizontalPodAutoscaler", "gateway"));

        assertThat(violatedRules()).containsExactly(Rule.AUTOSCALER);
    }

    @Test
    void rejectsASingleReplicaInProduction() {
        get("HorizontalPodAutoscaler", "gateway").map("spec").put("minReplicas", 1);

        assertThat(violatedRules()).containsExactly(Rule.REPLICAS);
    }

    @Test
    void rejectsReplicasFixedInTheDeployment() {
        get("Deployment", "gateway").map("spec").put("replicas", 3);

        assertThat(violatedRules()).containsExactly(Rule.REPLICAS);
    }

    @Nested
    class Exposure {

        @Test
        void rejectsAnIngressForAnotherService() {
            add("""
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata:
                      name: catalog
                    spec:
                      tls: [{hosts: [c.example.com], secretName: atlas-tls}]
                      rules:
                        - http:
                            paths:
                              - path: /
                                pathType: Prefix
                                backend: {service: {name: catalog-service, port: {name: http}}}
                    """);

            assertThat(violatedRules()).containsExactly(Rule.INGRESS);
        }

        @Test
        void rejectsALoadBalancerService() {
            get("Service", "gateway").map("spec").put("type", "LoadBalancer");

            assertThat(violatedRules()).containsExactly(Rule.INGRESS);
        }

        @Test
        void rejectsAProductionIngressWithoutTls() {
            get("Ingress", "gateway").map("spec").remove("tls");

            assertThat(violatedRules()).containsExactly(Rule.INGRESS);
        }
    }

    @Nested
    class NetworkPolicies {

        @Test
        void rejectsAMissingDefaultDeny() {
            manifests.remove(get("NetworkPolicy", "default-deny-all"));

            assertThat(violatedRules()).containsExactly(Rule.NETWORK_POLICY);
        }

        @Test
        void rejectsAPolicyOpeningTheGatewayToEveryNamespace() {
            Map<String, Object> rule = get("NetworkPolicy", "gateway-from-ingress-controller-and-prometheus")
                    .maps("spec.ingress")
                    .get(0);
            rule.remove("from");

            List<Violation> violations = ManifestValidator.validate(manifests, FIXTURE);

            assertThat(violations).extracting(Violation::rule).containsExactly(Rule.NETWORK_POLICY);
            assertThat(violations.get(0).message()).contains("namespace:elsewhere->gateway");
        }

        @Test
        void rejectsAPolicyThatNoLongerLetsTheIngressControllerIn() {
            get("NetworkPolicy", "gateway-from-ingress-controller-and-prometheus")
                    .maps("spec.ingress")
                    .get(0)
                    .put("ports", List.of(Map.of("protocol", "TCP", "port", 8443)));

            List<Violation> violations = ManifestValidator.validate(manifests, FIXTURE);

            assertThat(violations).extracting(Violation::rule).containsExactly(Rule.NETWORK_POLICY);
            assertThat(violations.get(0).message()).contains("blocks", "namespace:ingress-nginx->gateway");
        }

        @Test
        void rejectsBlockedDns() {
            manifests.remove(get("NetworkPolicy", "allow-dns-egress"));

            assertThat(violatedRules()).containsExactly(Rule.NETWORK_POLICY);
        }
    }

    @Nested
    class ZeroDowntime {

        @Test
        void rejectsRollingUpdatesThatDropCapacity() {
            get("Deployment", "gateway").map("spec.strategy.rollingUpdate").put("maxUnavailable", 1);

            assertThat(violatedRules()).containsExactly(Rule.ZERO_DOWNTIME);
        }

        @Test
        void rejectsAPreStopPauseLongerThanTheGracePeriod() {
            get("Deployment", "gateway").map("spec.template.spec").put("terminationGracePeriodSeconds", 5);

            assertThat(violatedRules()).containsExactly(Rule.ZERO_DOWNTIME);
        }
    }

    @Test
    void rejectsMissingScrapeAnnotations() {
        get("Deployment", "gateway").map("spec.template.metadata.annotations").remove("prometheus.io/scrape");

        assertThat(violatedRules()).containsExactly(Rule.METRICS);
    }

    /** Rules about the whole system, broken in the real rendered dev overlay (skipped without kubectl). */
    @Nested
    class WholeSystem {

        private final List<Manifest> dev = new ArrayList<>(Manifest.parseAll(new org.yaml.snakeyaml.Yaml()
                .dumpAll(RenderedOverlaysTests.render(Environment.DEV).stream()
                        .map(Manifest::body)
                        .iterator())));

        private List<Violation> validate() {
            return ManifestValidator.validate(dev, Expectations.refractoryAtlas(Environment.DEV));
        }

        private Manifest find(String kind, String namePrefix) {
            return dev.stream()
                    .filter(m -> m.is(kind) && m.name().startsWith(namePrefix))
                    .findFirst()
                    .orElseThrow();
        }

        @Test
        void rejectsAConnectionStringWithoutMajorityWrites() {
            Manifest secret = find("Secret", "catalog-service-mongodb");
            String uri = ManifestValidator.secretValue(secret, "uri").replace("&w=majority", "");
            secret.map("data").put("uri", Base64.getEncoder().encodeToString(uri.getBytes(StandardCharsets.UTF_8)));

            assertThat(validate()).extracting(Violation::rule).containsExactly(Rule.REPLICA_SET);
        }

        @Test
        void rejectsAConnectionStringToAnotherServicesDatabase() {
            Manifest secret = find("Secret", "import-service-mongodb");
            String uri = ManifestValidator.secretValue(secret, "uri").replace("/imports?", "/catalog?");
            secret.map("data").put("uri", Base64.getEncoder().encodeToString(uri.getBytes(StandardCharsets.UTF_8)));

            assertThat(validate()).extracting(Violation::rule).containsExactly(Rule.REPLICA_SET);
        }

        @Test
        void rejectsMongodWithoutKeyfileAuthentication() {
            Tree.list(find("StatefulSet", "mongo").body(), "spec.template.spec.containers[0].args")
                    .removeIf(arg -> String.valueOf(arg).startsWith("--keyFile"));

            assertThat(validate()).extracting(Violation::rule).containsExactly(Rule.REPLICA_SET);
        }

        @Test
        void acceptsAHalfOpenedConnectionBecauseEgressIsDeniedToo() {
            Manifest policy = find("NetworkPolicy", "references-from-gateway-and-import");
            Tree.list(policy.maps("spec.ingress").get(0), "from[0].podSelector.matchExpressions[0].values")
                    .add("catalog-service");

            assertThat(validate()).isEmpty();
        }

        @Test
        void rejectsTheGatewayReachingMongo() {
            for (String name : List.of("mongo-from-services", "mongo-clients-to-mongo")) {
                Manifest policy = find("NetworkPolicy", name);
                String rule = name.equals("mongo-from-services")
                        ? "spec.ingress[0].from[0].podSelector.matchExpressions[0].values"
                        : "spec.podSelector.matchExpressions[0].values";
                Tree.list(policy.body(), rule).add("gateway");
            }

            assertThat(validate()).singleElement().satisfies(violation -> assertThat(violation.toString())
                    .startsWith("NETWORK_POLICY")
                    .contains("unexpected connections [gateway->mongo]"));
        }

        @Test
        void rejectsAStatelessServiceWithoutAutoscaler() {
            dev.remove(find("HorizontalPodAutoscaler", "import-service"));

            assertThat(validate()).extracting(Violation::rule).containsExactly(Rule.AUTOSCALER);
        }
    }
}
