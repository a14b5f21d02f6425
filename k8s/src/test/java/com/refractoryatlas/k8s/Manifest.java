package com.refractoryatlas.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One Kubernetes object as rendered YAML: its identity plus the raw tree the checks read.
 *
 * @param kind the object's {@code kind}, empty when missing
 * @param name its {@code metadata.name}, empty when missing
 * @param body the whole parsed document
 */
record Manifest(String kind, String name, Map<String, Object> body) {

    /** Parses a multi-document YAML stream (what {@code kubectl kustomize} prints) with a safe constructor. */
    @SuppressWarnings("unchecked")
    static List<Manifest> parseAll(String yaml) {
        Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Manifest> manifests = new ArrayList<>();
        for (Object document : parser.loadAll(yaml)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("not a Kubernetes object: " + document);
            }
            manifests.add(of((Map<String, Object>) map));
        }
        return manifests;
    }

    static Manifest of(Map<String, Object> body) {
        String kind = Tree.string(body, "kind");
        String name = Tree.string(body, "metadata.name");
        return new Manifest(kind == null ? "" : kind, name == null ? "" : name, body);
    }

    @Nullable
    Object at(String path) {
        return Tree.at(body, path);
    }

    Map<String, Object> map(String path) {
        return Tree.map(body, path);
    }

    List<Map<String, Object>> maps(String path) {
        return Tree.maps(body, path);
    }

    @Nullable
    String string(String path) {
        return Tree.string(body, path);
    }

    boolean is(String expectedKind) {
        return kind.equals(expectedKind);
    }

    boolean isWorkload() {
        return is("Deployment") || is("StatefulSet") || is("Job");
    }

    /** The pod template's labels, for Deployments, StatefulSets and Jobs. */
    Map<String, Object> podLabels() {
        return map("spec.template.metadata.labels");
    }

    @Override
    public String toString() {
        return kind + "/" + name;
    }
}
