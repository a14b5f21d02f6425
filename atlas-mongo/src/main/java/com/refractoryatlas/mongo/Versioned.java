package com.refractoryatlas.mongo;

/**
 * A document that carries the version it was read at, so that writing it back can be made conditional on nobody
 * having written it since (optimistic concurrency, see {@link VersionedWrites}). A document never stored has version
 * 0; every write stores the next version.
 *
 * @param <T> the document type itself, so that {@link #withVersion} returns it
 */
public interface Versioned<T extends Versioned<T>> {

    /** The stored field holding the version. */
    String VERSION_FIELD = "version";

    /** The {@code _id}. */
    String id();

    /**
     * The version this copy was read at: 0 when not stored yet or stored before documents had versions. Boxed so
     * that a record reading such an old document (no field) can take null and normalize it to 0.
     */
    Long version();

    /** This document at another version, everything else equal. */
    T withVersion(long version);
}
