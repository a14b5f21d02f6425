package com.refractoryatlas.k8s;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Checks a rendered overlay against the invariants an operator relies on (probes, resources, hardening, secrets
 * handling, exposure, network isolation, disruption budgets, autoscaling, the MongoDB replica set). It reads the
 * objects as plain YAML trees, so a field under the wrong name is a missing field, and it reports every violation
 * rather than stopping at the first, so that one run shows everything to fix.
 */
final class ManifestValidator {

    private static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Namespace", "v1"),
            Map.entry("ServiceAccount", "v1"),
            Map.entry("ConfigMap", "v1"),
            Map.entry("Secret", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"),
            Map.entry("Job", "batch/v1"),
            Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"));

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern SECRET_LOOKING_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|MONGODB_URI|KEY).*");
    private static final Pattern CREDENTIALS_IN_URI = Pattern.compile("://[^/@\\s:]+:[^/@\\s]+@");
    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";
    private static final String PROMETHEUS = "/actuator/prometheus";
    /** The actuator's own port: probes and metrics only, never in a Service. */
    private static final String MANAGEMENT = "management";

    private static final int REPLICA_SET_MEMBERS = 3;
    private static final int DNS_PORT = 53;

    private final Expectations expected;
    private final List<Violation> violations = new ArrayList<>();

    private ManifestValidator(Expectations expected) {
        this.expected = expected;
    }

    static List<Violation> validate(List<Manifest> manifests, Expectations expected) {
        ManifestValidator validator = new ManifestValidator(expected);
        validator.check(manifests);
        return List.copyOf(validator.violations);
    }

    private void check(List<Manifest> manifests) {
        manifests.forEach(this::checkShape);
        Map<String, Manifest> configMaps = byName(manifests, "ConfigMap");
        Map<String, Manifest> secrets = byName(manifests, "Secret");
        for (Manifest workload : manifests) {
            if (workload.isWorkload()) {
                checkPodHardening(workload);
                checkImages(workload);
                checkResources(workload);
                checkCredentials(workload);
                checkReferences(workload, configMaps, secrets);
            }
            if (workload.is("Deployment")) {
                checkServiceDeployment(workload);
            }
        }
        manifests.stream().filter(m -> m.is("StatefulSet")).forEach(this::checkProbesPresent);
        manifests.stream().filter(m -> m.is("ConfigMap")).forEach(this::checkConfigMapHoldsNoCredentials);
        checkSecrets(secrets.values());
        checkServices(manifests);
        checkDisruptionBudgets(manifests);
        checkAutoscalers(manifests);
        checkExposure(manifests);
        checkNetworkPolicies(manifests);
        checkReplicaSet(manifests, configMaps, secrets);
    }

    // ---------------------------------------------------------------------------------------------------- shape

    private void checkShape(Manifest manifest) {
        String apiVersion = manifest.string("apiVersion");
        String expectedVersion = API_VERSIONS.get(manifest.kind());
        if (expectedVersion == null) {
            violation(Rule.SHAPE, manifest, "unexpected kind '" + manifest.kind() + "'");
            return;
        }
        if (!expectedVersion.equals(apiVersion)) {
            violation(Rule.SHAPE, manifest, "apiVersion " + apiVersion + ", expected " + expectedVersion);
        }
        if (manifest.name().isEmpty() || !DNS_LABEL.matcher(manifest.name()).matches()) {
            violation(Rule.SHAPE, manifest, "metadata.name missing or not a DNS name: '" + manifest.name() + "'");
        }
        for (String field : requiredFields(manifest)) {
            boolean presenceOnly = field.equals("spec.podSelector");
            if (presenceOnly ? manifest.at(field) == null : isEmpty(manifest.at(field))) {
                violation(Rule.SHAPE, manifest, field + " is required");
            }
        }
        if (manifest.isWorkload()) {
            checkPodTemplateShape(manifest);
        }
        if (manifest.is("PodDisruptionBudget")
                && (manifest.at("spec.minAvailable") == null) == (manifest.at("spec.maxUnavailable") == null)) {
            violation(Rule.SHAPE, manifest, "exactly one of spec.minAvailable and spec.maxUnavailable");
        }
    }

    private static List<String> requiredFields(Manifest manifest) {
        return switch (manifest.kind()) {
            case "Deployment" -> List.of("spec.selector.matchLabels", "spec.template.spec.containers");
            case "StatefulSet" ->
                List.of("spec.selector.matchLabels", "spec.serviceName", "spec.template.spec.containers");
            case "Job" -> List.of("spec.template.spec.containers", "spec.template.spec.restartPolicy");
            case "Service" -> List.of("spec.ports");
            case "PodDisruptionBudget" -> List.of("spec.selector");
            case "HorizontalPodAutoscaler" ->
                List.of("spec.scaleTargetRef.kind", "spec.scaleTargetRef.name", "spec.maxReplicas", "spec.metrics");
            case "Ingress" -> List.of("spec.rules");
            case "NetworkPolicy" -> List.of("spec.podSelector");
            default -> List.of();
        };
    }

    private void checkPodTemplateShape(Manifest workload) {
        Map<String, Object> selector = workload.map("spec.selector.matchLabels");
        if (!workload.is("Job")
                && !NetworkReachability.matches(Map.of("matchLabels", selector), workload.podLabels())) {
            violation(Rule.SHAPE, workload, "spec.selector does not match the pod template's labels");
        }
        for (Map<String, Object> container : containers(workload, true)) {
            if (isEmpty(container.get("name")) || isEmpty(container.get("image"))) {
                violation(Rule.SHAPE, workload, "a container without name or image");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- pods

    private void checkPodHardening(Manifest workload) {
        Map<String, Object> pod = workload.map("spec.template.spec");
        boolean podNonRoot = Tree.isTrue(pod, "securityContext.runAsNonRoot");
        if (!"RuntimeDefault".equals(Tree.string(pod, "securityContext.seccompProfile.type"))) {
            violation(Rule.SECURITY_CONTEXT, workload, "pod seccompProfile must be RuntimeDefault");
        }
        if (Objects.equals(Tree.integer(pod, "securityContext.runAsUser"), 0)) {
            violation(Rule.SECURITY_CONTEXT, workload, "pod runs as uid 0");
        }
        Set<String> tmpVolumes = emptyDirs(pod);
        for (Map<String, Object> container : containers(workload, true)) {
            String name = Tree.string(container, "name");
            if (!podNonRoot && !Tree.isTrue(container, "securityContext.runAsNonRoot")) {
                violation(Rule.SECURITY_CONTEXT, workload, name + ": runAsNonRoot is not true");
            }
            if (Objects.equals(Tree.integer(container, "securityContext.runAsUser"), 0)) {
                violation(Rule.SECURITY_CONTEXT, workload, name + ": runs as uid 0");
            }
            if (!Boolean.FALSE.equals(Tree.at(container, "securityContext.allowPrivilegeEscalation"))) {
                violation(Rule.SECURITY_CONTEXT, workload, name + ": allowPrivilegeEscalation is not false");
            }
            if (Tree.isTrue(container, "securityContext.privileged")) {
                violation(Rule.SECURITY_CONTEXT, workload, name + ": privileged");
            }
            if (!Tree.isTrue(container, "securityContext.readOnlyRootFilesystem")) {
                violation(Rule.SECURITY_CONTEXT, workload, name + ": readOnlyRootFilesystem is not true");
            }
            if (!Tree.list(container, "securityContext.capabilities.drop").contains("ALL")) {
                violation(Rule.SECURITY_CONTEXT, workload, name + ": capabilities.drop lacks ALL");
            }
            if (!Tree.list(container, "securityContext.capabilities.add").isEmpty()) {
                violation(Rule.SECURITY_CONTEXT, workload, name + ": adds capabilities");
            }
        }
        for (Map<String, Object> container : containers(workload, false)) {
            boolean writableTmp = Tree.maps(container, "volumeMounts").stream()
                    .anyMatch(mount -> "/tmp".equals(mount.get("mountPath")) && tmpVolumes.contains(mount.get("name")));
            if (!writableTmp) {
                violation(
                        Rule.SECURITY_CONTEXT,
                        workload,
                        Tree.string(container, "name") + ": no writable emptyDir mounted at /tmp");
            }
        }
    }

    private static Set<String> emptyDirs(Map<String, Object> pod) {
        Set<String> names = new HashSet<>();
        for (Map<String, Object> volume : Tree.maps(pod, "volumes")) {
            if (volume.get("emptyDir") != null) {
                names.add(String.valueOf(volume.get("name")));
            }
        }
        return names;
    }

    private void checkImages(Manifest workload) {
        for (Map<String, Object> container : containers(workload, true)) {
            String image = Objects.requireNonNullElse(Tree.string(container, "image"), "");
            if (image.contains("@sha256:")) {
                continue;
            }
            String afterRepository = image.substring(image.lastIndexOf('/') + 1);
            int colon = afterRepository.lastIndexOf(':');
            String tag = colon < 0 ? "" : afterRepository.substring(colon + 1);
            if (tag.isEmpty() || tag.equals("latest")) {
                violation(Rule.IMAGE_TAG, workload, "image '" + image + "' has no pinned tag");
            }
        }
    }

    private void checkResources(Manifest workload) {
        for (Map<String, Object> container : containers(workload, true)) {
            for (String field : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
                if (isEmpty(Tree.at(container, "resources." + field))) {
                    violation(
                            Rule.RESOURCES,
                            workload,
                            Tree.string(container, "name") + ": resources." + field + " missing");
                }
            }
        }
    }

    /** Credentials reach containers only through secretKeyRef, never as a literal value. */
    private void checkCredentials(Manifest workload) {
        for (Map<String, Object> container : containers(workload, true)) {
            for (Map<String, Object> env : Tree.maps(container, "env")) {
                String name = String.valueOf(env.get("name"));
                String value = Tree.string(env, "value");
                boolean secretLooking = SECRET_LOOKING_NAME.matcher(name).matches();
                if (value != null
                        && (secretLooking || CREDENTIALS_IN_URI.matcher(value).find())) {
                    violation(Rule.INLINE_SECRET, workload, "env " + name + " holds a literal credential");
                }
                if (secretLooking && value == null && Tree.at(env, "valueFrom.secretKeyRef") == null) {
                    violation(Rule.INLINE_SECRET, workload, "env " + name + " must come from a secretKeyRef");
                }
            }
        }
    }

    private void checkConfigMapHoldsNoCredentials(Manifest configMap) {
        for (Map.Entry<String, Object> entry : configMap.map("data").entrySet()) {
            String value = String.valueOf(entry.getValue());
            if (SECRET_LOOKING_NAME.matcher(entry.getKey()).matches()
                    || CREDENTIALS_IN_URI.matcher(value).find()) {
                violation(Rule.INLINE_SECRET, configMap, "key " + entry.getKey() + " looks like a credential");
            }
        }
    }

    private void checkSecrets(Iterable<Manifest> secrets) {
        if (expected.environment() != Environment.PROD) {
            return;
        }
        for (Manifest secret : secrets) {
            violation(
                    Rule.INLINE_SECRET,
                    secret,
                    "production Secrets are created out of band, never rendered from the repository");
        }
    }

    private void checkReferences(Manifest workload, Map<String, Manifest> configMaps, Map<String, Manifest> secrets) {
        Map<String, Object> pod = workload.map("spec.template.spec");
        for (Map<String, Object> container : containers(workload, true)) {
            for (Map<String, Object> source : Tree.maps(container, "envFrom")) {
                requireConfigMap(workload, Tree.string(source, "configMapRef.name"), configMaps);
                requireSecret(workload, Tree.string(source, "secretRef.name"), false, secrets);
            }
            for (Map<String, Object> env : Tree.maps(container, "env")) {
                requireConfigMap(workload, Tree.string(env, "valueFrom.configMapKeyRef.name"), configMaps);
                requireSecret(
                        workload,
                        Tree.string(env, "valueFrom.secretKeyRef.name"),
                        Tree.isTrue(env, "valueFrom.secretKeyRef.optional"),
                        secrets);
            }
        }
        for (Map<String, Object> volume : Tree.maps(pod, "volumes")) {
            requireConfigMap(workload, Tree.string(volume, "configMap.name"), configMaps);
            requireSecret(workload, Tree.string(volume, "secret.secretName"), false, secrets);
        }
    }

    private void requireConfigMap(Manifest workload, @Nullable String name, Map<String, Manifest> configMaps) {
        if (name != null && !configMaps.containsKey(name)) {
            violation(Rule.CONFIG_REFERENCE, workload, "ConfigMap " + name + " is referenced but not rendered");
        }
    }

    private void requireSecret(
            Manifest workload, @Nullable String name, boolean optional, Map<String, Manifest> secrets) {
        if (name == null || secrets.containsKey(name)) {
            return;
        }
        boolean external = expected.environment() == Environment.PROD;
        if (!external && !optional) {
            violation(Rule.CONFIG_REFERENCE, workload, "Secret " + name + " is referenced but not generated");
        }
        if (!expected.externalSecrets().contains(name)) {
            violation(Rule.CONFIG_REFERENCE, workload, "Secret " + name + " is not a documented external Secret");
        }
    }

    // ---------------------------------------------------------------------------------------------------- services

    private void checkServiceDeployment(Manifest deployment) {
        checkProbesPresent(deployment);
        Map<String, Object> container =
                containers(deployment, false).stream().findFirst().orElse(Map.of());
        checkActuatorProbes(deployment, container);
        Integer httpPort = Tree.maps(container, "ports").stream()
                .filter(port -> "http".equals(port.get("name")))
                .map(port -> Tree.integer(port, "containerPort"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (httpPort == null) {
            violation(Rule.HTTP_PORT, deployment, "no container port named http");
        }
        Integer managementPort = Tree.maps(container, "ports").stream()
                .filter(port -> MANAGEMENT.equals(port.get("name")))
                .map(port -> Tree.integer(port, "containerPort"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (managementPort == null || managementPort.equals(httpPort)) {
            violation(Rule.METRICS, deployment, "no container port named management apart from http");
        }
        Map<String, Object> annotations = deployment.map("spec.template.metadata.annotations");
        boolean portMatches =
                managementPort == null || String.valueOf(managementPort).equals(annotations.get("prometheus.io/port"));
        if (!"true".equals(annotations.get("prometheus.io/scrape"))
                || !PROMETHEUS.equals(annotations.get("prometheus.io/path"))
                || !portMatches) {
            violation(
                    Rule.METRICS, deployment, "prometheus.io annotations must scrape " + PROMETHEUS + " on management");
        }
        checkZeroDowntime(deployment, container);
        if (expected.statelessServices().contains(deployment.name()) && deployment.at("spec.replicas") != null) {
            violation(Rule.REPLICAS, deployment, "spec.replicas set: the HorizontalPodAutoscaler owns the count");
        }
    }

    private void checkProbesPresent(Manifest workload) {
        for (Map<String, Object> container : containers(workload, false)) {
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                if (isEmpty(container.get(probe))) {
                    violation(Rule.PROBES, workload, Tree.string(container, "name") + ": no " + probe);
                }
            }
        }
    }

    private void checkActuatorProbes(Manifest deployment, Map<String, Object> container) {
        Map<String, String> paths = Map.of(
                "livenessProbe", LIVENESS,
                "startupProbe", LIVENESS,
                "readinessProbe", READINESS);
        paths.forEach((probe, path) -> {
            if (!path.equals(Tree.string(container, probe + ".httpGet.path"))
                    || !MANAGEMENT.equals(Tree.string(container, probe + ".httpGet.port"))) {
                violation(Rule.PROBES, deployment, probe + " must GET " + path + " on port management");
            }
        });
    }

    private void checkZeroDowntime(Manifest deployment, Map<String, Object> container) {
        Object maxUnavailable = deployment.at("spec.strategy.rollingUpdate.maxUnavailable");
        if (!"RollingUpdate".equals(deployment.string("spec.strategy.type"))
                || !(Objects.equals(maxUnavailable, 0) || "0%".equals(maxUnavailable))) {
            violation(Rule.ZERO_DOWNTIME, deployment, "rolling update must keep maxUnavailable 0");
        }
        List<Object> preStop = Tree.list(container, "lifecycle.preStop.exec.command");
        Integer grace = deployment.map("spec.template.spec").get("terminationGracePeriodSeconds") instanceof Integer g
                ? g
                : null;
        int pause = preStop.size() == 2 && "sleep".equals(preStop.get(0)) ? parseInt(preStop.get(1)) : -1;
        if (pause <= 0) {
            violation(Rule.ZERO_DOWNTIME, deployment, "no preStop sleep to let endpoints drain");
        } else if (grace == null || grace <= pause) {
            violation(Rule.ZERO_DOWNTIME, deployment, "terminationGracePeriodSeconds must exceed the preStop sleep");
        }
    }

    private void checkServices(List<Manifest> manifests) {
        List<Manifest> podOwners = manifests.stream()
                .filter(m -> m.is("Deployment") || m.is("StatefulSet"))
                .toList();
        for (Manifest service : manifests) {
            if (!service.is("Service")) {
                continue;
            }
            for (Map<String, Object> port : service.maps("spec.ports")) {
                if (isEmpty(port.get("name"))) {
                    violation(Rule.HTTP_PORT, service, "port " + port.get("port") + " has no name");
                }
            }
            Map<String, Object> selector = service.map("spec.selector");
            List<Manifest> selected = selector.isEmpty()
                    ? List.of()
                    : podOwners.stream()
                            .filter(owner ->
                                    NetworkReachability.matches(Map.of("matchLabels", selector), owner.podLabels()))
                            .toList();
            if (selected.size() != 1) {
                violation(
                        Rule.SERVICE_SELECTOR,
                        service,
                        "selects the pods of " + selected + ", expected exactly one Deployment or StatefulSet");
                continue;
            }
            checkServiceTargetsDeclaredPorts(service, selected.get(0));
        }
    }

    private void checkServiceTargetsDeclaredPorts(Manifest service, Manifest owner) {
        Set<Object> declared = new HashSet<>();
        for (Map<String, Object> container : containers(owner, false)) {
            for (Map<String, Object> port : Tree.maps(container, "ports")) {
                declared.add(port.get("name"));
                declared.add(port.get("containerPort"));
            }
        }
        Set<Object> management = new HashSet<>();
        for (Map<String, Object> container : containers(owner, false)) {
            for (Map<String, Object> port : Tree.maps(container, "ports")) {
                if (MANAGEMENT.equals(port.get("name"))) {
                    management.add(MANAGEMENT);
                    management.add(port.get("containerPort"));
                }
            }
        }
        for (Map<String, Object> port : service.maps("spec.ports")) {
            Object target = Objects.requireNonNullElse(port.get("targetPort"), port.get("port"));
            if (management.contains(target)) {
                violation(Rule.METRICS, service, "exposes the management port " + target);
            }
            if (!declared.contains(target)) {
                violation(Rule.SERVICE_SELECTOR, service, "targetPort " + target + " is no port of " + owner);
            }
        }
        if (owner.is("Deployment")
                && service.maps("spec.ports").stream().noneMatch(p -> "http".equals(p.get("name")))) {
            violation(Rule.HTTP_PORT, service, "no port named http");
        }
    }

    private void checkDisruptionBudgets(List<Manifest> manifests) {
        List<Manifest> budgets =
                manifests.stream().filter(m -> m.is("PodDisruptionBudget")).toList();
        Stream<String> protectedWorkloads =
                Stream.concat(expected.statelessServices().stream(), Stream.ofNullable(expected.database()));
        protectedWorkloads.forEach(name -> {
            Manifest workload = find(manifests, name, "Deployment", "StatefulSet");
            if (workload == null) {
                violation(Rule.DISRUPTION_BUDGET, "Workload/" + name, "expected workload is missing");
                return;
            }
            List<Manifest> covering = budgets.stream()
                    .filter(pdb -> NetworkReachability.matches(pdb.map("spec.selector"), workload.podLabels()))
                    .toList();
            if (covering.size() != 1) {
                violation(Rule.DISRUPTION_BUDGET, workload, covering.size() + " PodDisruptionBudgets, expected 1");
                return;
            }
            Object maxUnavailable = covering.get(0).at("spec.maxUnavailable");
            if (Objects.equals(maxUnavailable, 0) || "0%".equals(maxUnavailable)) {
                violation(Rule.DISRUPTION_BUDGET, covering.get(0), "maxUnavailable 0 blocks every node drain");
            }
        });
    }

    private void checkAutoscalers(List<Manifest> manifests) {
        List<Manifest> autoscalers =
                manifests.stream().filter(m -> m.is("HorizontalPodAutoscaler")).toList();
        for (String name : expected.statelessServices()) {
            List<Manifest> targeting = autoscalers.stream()
                    .filter(hpa -> "Deployment".equals(hpa.string("spec.scaleTargetRef.kind"))
                            && name.equals(hpa.string("spec.scaleTargetRef.name")))
                    .toList();
            if (targeting.size() != 1) {
                violation(Rule.AUTOSCALER, "Deployment/" + name, targeting.size() + " autoscalers, expected 1");
                continue;
            }
            checkReplicaRange(targeting.get(0));
        }
        for (Manifest hpa : autoscalers) {
            String target = hpa.string("spec.scaleTargetRef.name");
            if (!expected.statelessServices().contains(target)) {
                violation(Rule.AUTOSCALER, hpa, "targets " + target + ", which is no stateless service");
            }
        }
    }

    private void checkReplicaRange(Manifest hpa) {
        int min = Objects.requireNonNullElse(Tree.integer(hpa.body(), "spec.minReplicas"), 1);
        int max = Objects.requireNonNullElse(Tree.integer(hpa.body(), "spec.maxReplicas"), 0);
        boolean fits = expected.environment() == Environment.DEV ? min == 1 && max == 1 : min >= 2 && max >= min;
        if (!fits) {
            String promise = expected.environment() == Environment.DEV ? "exactly 1" : "at least 2, max >= min";
            violation(Rule.REPLICAS, hpa, "replicas " + min + ".." + max + ", expected " + promise);
        }
    }

    private void checkExposure(List<Manifest> manifests) {
        List<Manifest> ingresses =
                manifests.stream().filter(m -> m.is("Ingress")).toList();
        if (ingresses.size() != 1) {
            violation(Rule.INGRESS, "Ingress/*", ingresses.size() + " Ingresses, expected 1 for the public service");
        }
        for (Manifest ingress : ingresses) {
            Set<String> backends = new TreeSet<>();
            Stream.concat(
                            ingress.maps("spec.rules").stream()
                                    .flatMap(rule -> Tree.maps(rule, "http.paths").stream())
                                    .map(path -> Tree.string(path, "backend.service.name")),
                            Stream.of(ingress.string("spec.defaultBackend.service.name")))
                    .filter(Objects::nonNull)
                    .forEach(backends::add);
            if (!Set.of(expected.publicService()).equals(backends)) {
                violation(Rule.INGRESS, ingress, "routes to " + backends + ", only " + expected.publicService());
            }
            if (expected.environment() == Environment.PROD
                    && ingress.maps("spec.tls").isEmpty()) {
                violation(Rule.INGRESS, ingress, "production Ingress without TLS");
            }
        }
        for (Manifest service : manifests) {
            String type = service.string("spec.type");
            if (service.is("Service") && ("LoadBalancer".equals(type) || "NodePort".equals(type))) {
                violation(Rule.INGRESS, service, "type " + type + " exposes it outside the cluster");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- network

    private void checkNetworkPolicies(List<Manifest> manifests) {
        List<Manifest> policies =
                manifests.stream().filter(m -> m.is("NetworkPolicy")).toList();
        boolean defaultDeny = policies.stream()
                .anyMatch(policy -> policy.map("spec.podSelector").isEmpty()
                        && Tree.list(policy.body(), "spec.policyTypes").containsAll(List.of("Ingress", "Egress"))
                        && policy.maps("spec.ingress").isEmpty()
                        && policy.maps("spec.egress").isEmpty());
        if (!defaultDeny) {
            violation(Rule.NETWORK_POLICY, "NetworkPolicy/*", "no default-deny policy for ingress and egress");
        }
        String namespace = manifests.stream()
                .map(m -> m.string("metadata.namespace"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse("default");
        NetworkReachability network = new NetworkReachability(policies, namespace);
        List<NetworkReachability.Peer> workloads = NetworkReachability.workloads(manifests, namespace);
        List<NetworkReachability.Peer> sources = new ArrayList<>(workloads);
        sources.add(NetworkReachability.namespace("ingress-nginx"));
        sources.add(NetworkReachability.namespace("monitoring"));
        sources.add(NetworkReachability.namespace("elsewhere"));
        Set<String> allowed = network.allowedConnections(sources, workloads);
        Set<String> unexpected = new TreeSet<>(allowed);
        unexpected.removeAll(expected.allowedConnections());
        Set<String> missing = new TreeSet<>(expected.allowedConnections());
        missing.removeAll(allowed);
        if (!unexpected.isEmpty()) {
            violation(Rule.NETWORK_POLICY, "NetworkPolicy/*", "allows unexpected connections " + unexpected);
        }
        if (!missing.isEmpty()) {
            violation(Rule.NETWORK_POLICY, "NetworkPolicy/*", "blocks required connections " + missing);
        }
        NetworkReachability.Peer dns = NetworkReachability.clusterDns();
        for (NetworkReachability.Peer workload : workloads) {
            if (!network.allows(workload, dns, DNS_PORT, "UDP")) {
                violation(Rule.NETWORK_POLICY, "Workload/" + workload.id(), "cannot resolve names (DNS blocked)");
            }
        }
        network.unsupported().forEach(reason -> violation(Rule.NETWORK_POLICY, "NetworkPolicy/*", reason));
    }

    // ---------------------------------------------------------------------------------------------------- mongodb

    private void checkReplicaSet(
            List<Manifest> manifests, Map<String, Manifest> configMaps, Map<String, Manifest> secrets) {
        String name = expected.database();
        if (name == null) {
            return;
        }
        Manifest mongo = find(manifests, name, "StatefulSet");
        if (mongo == null) {
            violation(Rule.REPLICA_SET, "StatefulSet/" + name, "missing");
            return;
        }
        if (!Objects.equals(Tree.integer(mongo.body(), "spec.replicas"), REPLICA_SET_MEMBERS)) {
            violation(Rule.REPLICA_SET, mongo, "spec.replicas must be " + REPLICA_SET_MEMBERS);
        }
        Manifest headless = find(manifests, mongo.string("spec.serviceName"), "Service");
        if (headless == null || !"None".equals(headless.string("spec.clusterIP"))) {
            violation(Rule.REPLICA_SET, mongo, "spec.serviceName must name a headless Service");
        }
        if (mongo.maps("spec.volumeClaimTemplates").isEmpty()) {
            violation(Rule.REPLICA_SET, mongo, "no volumeClaimTemplates: data would not survive a restart");
        }
        List<Object> args = Tree.list(mongo.body(), "spec.template.spec.containers[0].args");
        for (String flag : List.of("--replSet", "--keyFile")) {
            if (args.stream().map(String::valueOf).noneMatch(arg -> arg.startsWith(flag))) {
                violation(Rule.REPLICA_SET, mongo, "mongod without " + flag);
            }
        }
        for (String service : expected.statelessServices()) {
            checkServiceConnection(manifests, service, name, configMaps, secrets);
        }
    }

    /** In dev the generated connection strings are checked; in prod they are external, so only referenced. */
    private void checkServiceConnection(
            List<Manifest> manifests,
            String service,
            String mongo,
            Map<String, Manifest> configMaps,
            Map<String, Manifest> secrets) {
        Manifest deployment = find(manifests, service, "Deployment");
        if (deployment == null) {
            return;
        }
        Map<String, Object> container =
                containers(deployment, false).stream().findFirst().orElse(Map.of());
        Map<String, Object> uriEnv = Tree.maps(container, "env").stream()
                .filter(env -> "MONGODB_URI".equals(env.get("name")))
                .findFirst()
                .orElse(null);
        if (uriEnv == null) {
            return;
        }
        String database = Tree.maps(container, "envFrom").stream()
                .map(source -> configMaps.get(Tree.string(source, "configMapRef.name")))
                .filter(Objects::nonNull)
                .map(configMap -> configMap.string("data.MONGODB_DATABASE"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (database == null) {
            violation(Rule.REPLICA_SET, deployment, "MONGODB_URI without MONGODB_DATABASE in its ConfigMap");
            return;
        }
        Manifest secret = secrets.get(Tree.string(uriEnv, "valueFrom.secretKeyRef.name"));
        String key = Tree.string(uriEnv, "valueFrom.secretKeyRef.key");
        if (secret == null || key == null) {
            return;
        }
        String uri = secretValue(secret, key);
        List<String> required = new ArrayList<>();
        for (int member = 0; member < REPLICA_SET_MEMBERS; member++) {
            required.add(mongo + "-" + member + "." + mongo);
        }
        required.addAll(List.of("/" + database + "?", "replicaSet=", "w=majority", "authSource=" + database));
        List<String> absent =
                required.stream().filter(part -> !uri.contains(part)).toList();
        if (!uri.startsWith("mongodb://") || !absent.isEmpty()) {
            violation(Rule.REPLICA_SET, secret, key + " lacks " + absent + " (replica set, w=majority, own db)");
        }
    }

    static String secretValue(Manifest secret, String key) {
        String plain = secret.string("stringData." + key);
        if (plain != null) {
            return plain;
        }
        String encoded = secret.string("data." + key);
        return encoded == null ? "" : new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static List<Map<String, Object>> containers(Manifest workload, boolean withInit) {
        List<Map<String, Object>> containers = new ArrayList<>(workload.maps("spec.template.spec.containers"));
        if (withInit) {
            containers.addAll(workload.maps("spec.template.spec.initContainers"));
        }
        return containers;
    }

    private static Map<String, Manifest> byName(List<Manifest> manifests, String kind) {
        Map<String, Manifest> byName = new LinkedHashMap<>();
        manifests.stream().filter(m -> m.is(kind)).forEach(m -> byName.put(m.name(), m));
        return byName;
    }

    private static @Nullable Manifest find(List<Manifest> manifests, @Nullable String name, String... kinds) {
        return manifests.stream()
                .filter(m -> m.name().equals(name) && List.of(kinds).contains(m.kind()))
                .findFirst()
                .orElse(null);
    }

    private static boolean isEmpty(@Nullable Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof Map<?, ?> map && map.isEmpty())
                || (value instanceof List<?> list && list.isEmpty());
    }

    private static int parseInt(Object value) {
        try {
            return Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void violation(Rule rule, Manifest manifest, String message) {
        violations.add(new Violation(rule, manifest.toString(), message));
    }

    private void violation(Rule rule, String object, String message) {
        violations.add(new Violation(rule, object, message));
    }
}
