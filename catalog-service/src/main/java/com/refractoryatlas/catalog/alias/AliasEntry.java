package com.refractoryatlas.catalog.alias;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One row of the {@code aliases} collection. Its id is {@code kind:key}, so the unique {@code _id} index is what
 * guarantees an alias belongs to one condition or one therapy (and works on the embedded server, which enforces only
 * unique indexes).
 */
public record AliasEntry(@BsonId String id, String kind, String key, String ownerId) {

    static String idOf(AliasKind kind, String key) {
        return kind.name() + ":" + key;
    }
}
