package com.refractoryatlas.catalog.node;

/**
 * A reference to an import job, which import-service owns: {@code Query.node} answers it for a job's global id and the
 * gateway asks import-service (through {@code _entities}, with the caller's visibility rules) for everything else.
 */
record ImportJob(String id) {}
