package com.refractoryatlas.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates NetworkPolicies the way a policy-enforcing CNI does (a pod selected by a policy of a direction accepts
 * only what one of those policies allows; a connection needs the source's egress and the destination's ingress), so
 * that the test checks who can really talk to whom rather than whether some policy object exists. Handles pod and
 * namespace selectors with matchLabels and matchExpressions and named or numbered ports; an {@code ipBlock} peer is
 * reported as unsupported rather than guessed.
 */
final class NetworkReachability {

    /** A pod (or every pod of a namespace outside ours) that may open or accept connections. */
    record Peer(String id, String namespace, Map<String, Object> labels, Map<String, Integer> ports) {}

    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private final List<Manifest> policies;
    private final String namespace;
    private final List<String> unsupported = new ArrayList<>();

    NetworkReachability(List<Manifest> policies, String namespace) {
        this.policies = policies;
        this.namespace = namespace;
    }

    /** Workloads of our namespace as peers, named after the workload, with their containers' named ports. */
    static List<Peer> workloads(List<Manifest> manifests, String namespace) {
        List<Peer> peers = new ArrayList<>();
        for (Manifest workload : manifests) {
            if (!workload.isWorkload()) {
                continue;
            }
            Map<String, Integer> ports = new HashMap<>();
            for (Map<String, Object> container : workload.maps("spec.template.spec.containers")) {
                for (Map<String, Object> port : Tree.maps(container, "ports")) {
                    Integer number = Tree.integer(port, "containerPort");
                    String name = Tree.string(port, "name");
                    if (number != null) {
                        ports.put(name == null ? "#" + number : name, number);
                    }
                }
            }
            peers.add(new Peer(workload.name(), namespace, workload.podLabels(), ports));
        }
        return peers;
    }

    /** Every pod of another namespace, e.g. the ingress controller's. */
    static Peer namespace(String name) {
        return new Peer("namespace:" + name, name, Map.of(), Map.of());
    }

    /** The cluster DNS pods every workload must reach. */
    static Peer clusterDns() {
        return new Peer("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of("dns", 53));
    }

    /** Every {@code source->destination} allowed on one of the destination's declared TCP ports. */
    Set<String> allowedConnections(List<Peer> sources, List<Peer> destinations) {
        Set<String> allowed = new TreeSet<>();
        for (Peer source : sources) {
            for (Peer destination : destinations) {
                boolean any = destination.ports().values().stream()
                        .anyMatch(port -> allows(source, destination, port, "TCP"));
                if (any) {
                    allowed.add(source.id() + "->" + destination.id());
                }
            }
        }
        return allowed;
    }

    boolean allows(Peer source, Peer destination, int port, String protocol) {
        boolean egress = !source.namespace().equals(namespace) || permitted(source, destination, port, protocol, false);
        boolean ingress =
                !destination.namespace().equals(namespace) || permitted(destination, source, port, protocol, true);
        return egress && ingress;
    }

    List<String> unsupported() {
        return List.copyOf(new TreeSet<>(unsupported));
    }

    /** Whether the policies selecting {@code subject} in one direction let it talk to {@code other}. */
    private boolean permitted(Peer subject, Peer other, int port, String protocol, boolean ingress) {
        String direction = ingress ? "Ingress" : "Egress";
        boolean selected = false;
        for (Manifest policy : policies) {
            if (!policyTypes(policy).contains(direction)
                    || !matches(policy.map("spec.podSelector"), subject.labels())) {
                continue;
            }
            selected = true;
            for (Map<String, Object> rule : policy.maps(ingress ? "spec.ingress" : "spec.egress")) {
                Peer target = ingress ? subject : other;
                if (peersMatch(rule, ingress ? "from" : "to", other) && portsMatch(rule, target, port, protocol)) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static Set<String> policyTypes(Manifest policy) {
        List<Object> declared = Tree.list(policy.body(), "spec.policyTypes");
        if (!declared.isEmpty()) {
            return Set.copyOf(declared.stream().map(String::valueOf).toList());
        }
        return policy.at("spec.egress") == null ? Set.of("Ingress") : Set.of("Ingress", "Egress");
    }

    private boolean peersMatch(Map<String, Object> rule, String key, Peer other) {
        List<Map<String, Object>> peers = Tree.maps(rule, key);
        if (Tree.at(rule, key) == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, other));
    }

    private boolean peerMatches(Map<String, Object> peer, Peer other) {
        if (peer.containsKey("ipBlock")) {
            unsupported.add("ipBlock peers are not evaluated: " + peer);
            return false;
        }
        Object namespaceSelector = peer.get("namespaceSelector");
        Object podSelector = peer.get("podSelector");
        boolean namespaceMatches = namespaceSelector == null
                ? other.namespace().equals(namespace)
                : matches(Tree.map(peer, "namespaceSelector"), Map.of(NAMESPACE_NAME_LABEL, other.namespace()));
        boolean podMatches = podSelector == null || matches(Tree.map(peer, "podSelector"), other.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean portsMatch(Map<String, Object> rule, Peer target, int port, String protocol) {
        List<Map<String, Object>> ports = Tree.maps(rule, "ports");
        if (ports.isEmpty()) {
            return true;
        }
        for (Map<String, Object> candidate : ports) {
            String candidateProtocol = Objects.requireNonNullElse(Tree.string(candidate, "protocol"), "TCP");
            Object value = candidate.get("port");
            boolean portMatches = value == null
                    || (value instanceof Integer number && number == port)
                    || (value instanceof String name
                            && Integer.valueOf(port).equals(target.ports().get(name)));
            if (candidateProtocol.equals(protocol) && portMatches) {
                return true;
            }
        }
        return false;
    }

    /** A label selector against labels: matchLabels all equal, every matchExpression holds; empty selects all. */
    static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        for (Map.Entry<String, Object> required :
                Tree.map(selector, "matchLabels").entrySet()) {
            if (!String.valueOf(required.getValue()).equals(String.valueOf(labels.get(required.getKey())))) {
                return false;
            }
        }
        for (Map<String, Object> expression : Tree.maps(selector, "matchExpressions")) {
            if (!expressionHolds(expression, labels)) {
                return false;
            }
        }
        return true;
    }

    private static boolean expressionHolds(Map<String, Object> expression, Map<String, Object> labels) {
        String key = String.valueOf(expression.get("key"));
        Object value = labels.get(key);
        List<String> values =
                Tree.list(expression, "values").stream().map(String::valueOf).toList();
        return switch (String.valueOf(expression.get("operator"))) {
            case "In" -> value != null && values.contains(String.valueOf(value));
            case "NotIn" -> value == null || !values.contains(String.valueOf(value));
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }
}
