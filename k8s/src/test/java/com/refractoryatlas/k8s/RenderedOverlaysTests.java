package com.refractoryatlas.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Renders every overlay as {@code kubectl apply -k} would and holds it to the deployment invariants. */
class RenderedOverlaysTests {

    private static final Map<Environment, List<Manifest>> RENDERED = new ConcurrentHashMap<>();

    /** Rendered once per overlay and shared: the tests only read it. */
    static List<Manifest> render(Environment environment) {
        return RENDERED.computeIfAbsent(
                environment, env -> Kustomize.render("overlays/" + env.name().toLowerCase(Locale.ROOT)));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void overlayKeepsEveryInvariant(Environment environment) {
        List<Manifest> manifests = render(environment);

        assertThat(ManifestValidator.validate(manifests, Expectations.refractoryAtlas(environment)))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void overlayDeploysTheWholeSystemIntoOneNamespace(Environment environment) {
        List<Manifest> manifests = render(environment);

        assertThat(manifests)
                .filteredOn(m -> m.is("Deployment"))
                .extracting(Manifest::name)
                .containsExactlyInAnyOrder("gateway", "catalog-service", "references-service", "import-service");
        assertThat(manifests)
                .filteredOn(m -> m.is("StatefulSet"))
                .extracting(Manifest::name)
                .containsExactly("mongo");
        assertThat(manifests)
                .filteredOn(m -> !m.is("Namespace"))
                .extracting(m -> m.string("metadata.namespace"))
                .containsOnly("refractory-atlas");
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void servicesFindTheirSubgraphsByServiceName(Environment environment) {
        List<Manifest> manifests = render(environment);

        Map<String, Object> gateway = configOf(manifests, "gateway");
        Map<String, Object> importer = configOf(manifests, "import-service");
        assertThat(gateway)
                .containsEntry("PORT", "8080")
                .containsEntry("CATALOG_URL", "http://catalog-service:8081/graphql")
                .containsEntry("REFERENCES_URL", "http://references-service:8082/graphql")
                .containsEntry("IMPORT_URL", "http://import-service:8083/graphql");
        assertThat(importer)
                .containsEntry("PORT", "8083")
                .containsEntry("MONGODB_DATABASE", "imports")
                .containsEntry("CATALOG_URL", "http://catalog-service:8081/graphql")
                .containsEntry("REFERENCES_URL", "http://references-service:8082/graphql");
        assertThat(configOf(manifests, "catalog-service")).containsEntry("MONGODB_DATABASE", "catalog");
        assertThat(configOf(manifests, "references-service")).containsEntry("MONGODB_DATABASE", "references");
    }

    private static Map<String, Object> configOf(List<Manifest> manifests, String service) {
        return manifests.stream()
                .filter(m -> m.is("ConfigMap") && m.name().startsWith(service + "-config-"))
                .findFirst()
                .orElseThrow()
                .map("data");
    }

    @Nested
    class Dev {

        private final List<Manifest> manifests = render(Environment.DEV);

        @Test
        void runsOneReplicaOfEachStatelessService() {
            assertThat(manifests)
                    .filteredOn(m -> m.is("HorizontalPodAutoscaler"))
                    .allSatisfy(hpa -> {
                        assertThat(hpa.at("spec.minReplicas")).isEqualTo(1);
                        assertThat(hpa.at("spec.maxReplicas")).isEqualTo(1);
                    })
                    .hasSize(4);
        }

        @Test
        void generatesOnlyObviouslyFakeCredentials() {
            List<Manifest> secrets =
                    manifests.stream().filter(m -> m.is("Secret")).toList();

            assertThat(secrets).isNotEmpty();
            for (Manifest secret : secrets) {
                for (String key : secret.map("data").keySet()) {
                    if (!key.equals("username")) {
                        assertThat(ManifestValidator.secretValue(secret, key))
                                .as("%s %s", secret, key)
                                .containsIgnoringCase("fake");
                    }
                }
            }
        }

        @Test
        void connectsEachServiceToItsOwnDatabaseThroughTheReplicaSetWithMajorityWrites() {
            Manifest catalog = manifests.stream()
                    .filter(m -> m.is("Secret") && m.name().startsWith("catalog-service-mongodb-"))
                    .findFirst()
                    .orElseThrow();

            assertThat(ManifestValidator.secretValue(catalog, "uri"))
                    .isEqualTo("mongodb://catalog:dev-only-fake-catalog-password@mongo-0.mongo,mongo-1.mongo,"
                            + "mongo-2.mongo/catalog?replicaSet=rs0&w=majority&authSource=catalog");
        }

        @Test
        void turnsGraphiqlOn() {
            assertThat(configOf(manifests, "gateway")).containsEntry("ATLAS_GRAPHIQL_ENABLED", "true");
        }
    }

    @Nested
    class Prod {

        private final List<Manifest> manifests = render(Environment.PROD);

        @Test
        void rendersNoSecretObjects() {
            assertThat(manifests).noneMatch(m -> m.is("Secret"));
        }

        @Test
        void runsSeveralReplicasOfEachStatelessService() {
            assertThat(manifests)
                    .filteredOn(m -> m.is("HorizontalPodAutoscaler"))
                    .allSatisfy(hpa ->
                            assertThat((Integer) hpa.at("spec.minReplicas")).isGreaterThanOrEqualTo(2))
                    .hasSize(4);
        }

        @Test
        void keepsGraphiqlOff() {
            assertThat(configOf(manifests, "gateway")).containsEntry("ATLAS_GRAPHIQL_ENABLED", "false");
        }

        @Test
        void pullsReleaseImagesNotSnapshots() {
            assertThat(manifests)
                    .filteredOn(m -> m.is("Deployment"))
                    .extracting(m -> m.string("spec.template.spec.containers[0].image"))
                    .allSatisfy(image -> assertThat(image).doesNotContain("SNAPSHOT"));
        }

        @Test
        void documentsEverySecretItReferences() throws IOException {
            String guide = Files.readString(Kustomize.moduleDirectory().resolve("../docs/kubernetes.md"));
            Set<String> referenced = new TreeSet<>();
            for (Manifest workload : manifests) {
                collectSecretNames(workload.body(), referenced);
            }
            referenced.add(Objects.requireNonNull(Tree.string(
                    manifests.stream()
                            .filter(m -> m.is("Ingress"))
                            .findFirst()
                            .orElseThrow()
                            .body(),
                    "spec.tls[0].secretName")));

            assertThat(referenced).hasSizeGreaterThanOrEqualTo(7);
            assertThat(referenced).allSatisfy(name -> assertThat(guide).contains("`" + name + "`"));
        }

        private static void collectSecretNames(Object node, Set<String> names) {
            if (node instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    boolean secretRef = entry.getKey().equals("secretKeyRef")
                            || entry.getKey().equals("secret");
                    if (secretRef && entry.getValue() instanceof Map<?, ?> ref) {
                        Object name = ref.containsKey("secretName") ? ref.get("secretName") : ref.get("name");
                        names.add(String.valueOf(name));
                    }
                    collectSecretNames(entry.getValue(), names);
                }
            } else if (node instanceof List<?> list) {
                list.forEach(item -> collectSecretNames(item, names));
            }
        }
    }
}
