package com.refractoryatlas.k8s;

/** What an overlay promises beyond the shared invariants. */
enum Environment {
    /** one replica of each service; fake Secrets generated in the overlay. */
    DEV,
    /** several replicas; Secrets referenced only, created out of band. */
    PROD
}
