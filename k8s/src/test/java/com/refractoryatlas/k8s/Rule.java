package com.refractoryatlas.k8s;

/** The deployment invariants {@link ManifestValidator} checks; each violation names the one it breaks. */
enum Rule {
    /** apiVersion, kind, metadata.name and the fields the kind requires. */
    SHAPE,
    /** liveness, readiness and startup probes on the actuator health groups, on the management port. */
    PROBES,
    /** CPU and memory requests and limits on every container. */
    RESOURCES,
    /** non-root, read-only root filesystem, no privilege escalation, no capabilities, writable /tmp. */
    SECURITY_CONTEXT,
    /** a container port and a Service port named {@code http}; every Service port named. */
    HTTP_PORT,
    /** every image tagged (or pinned by digest), none {@code latest}. */
    IMAGE_TAG,
    /** no secret values in manifests where they must be referenced, credentials only through secretKeyRef. */
    INLINE_SECRET,
    /** ConfigMaps and Secrets referenced by workloads exist (or are documented external Secrets). */
    CONFIG_REFERENCE,
    /** every Service selects the pods of exactly one Deployment or StatefulSet and targets a port they declare. */
    SERVICE_SELECTOR,
    /** a PodDisruptionBudget for every stateless service and the database that allows some eviction. */
    DISRUPTION_BUDGET,
    /** a HorizontalPodAutoscaler for every stateless service, owning its replica count. */
    AUTOSCALER,
    /** the replica counts the environment promises. */
    REPLICAS,
    /** only the public service is exposed: one Ingress, no LoadBalancer or NodePort Services. */
    INGRESS,
    /** default deny, and exactly the expected connections allowed. */
    NETWORK_POLICY,
    /** rolling updates never below capacity, preStop pause inside the grace period. */
    ZERO_DOWNTIME,
    /**
     * Prometheus scrape annotations pointing at /actuator/prometheus on a management port apart from http, which no
     * Service exposes.
     */
    METRICS,
    /** MongoDB as a replica set with keyfile auth and persistent volumes; services connect with w=majority. */
    REPLICA_SET
}
