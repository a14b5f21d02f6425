package com.refractoryatlas.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Collection;
import org.bson.conversions.Bson;

/**
 * Conditional writes of {@link Versioned} documents: a document is replaced only if it is still at the version it was
 * read at, and a new one is inserted only if nobody inserted it first (the unique {@code _id} index decides). These
 * are single-document operations, so they hold on a real replica set with any number of writers, and on the embedded
 * server, which has no transactions. A lost race surfaces as a {@link WriteConflictException}.
 */
public final class VersionedWrites {

    private VersionedWrites() {}

    /** Matches the document only at the version {@code document} was read at; documents stored before versions had none. */
    public static Bson atVersion(Versioned<?> document) {
        var id = eq("_id", document.id());
        if (document.version() == 0) {
            return and(id, or(exists(Versioned.VERSION_FIELD, false), eq(Versioned.VERSION_FIELD, 0L)));
        }
        return and(id, eq(Versioned.VERSION_FIELD, document.version()));
    }

    /**
     * Writes each document at its next version, in one unordered bulk write. Throws {@link WriteConflictException}
     * when any of them was changed or created by someone else since it was read; the others are written.
     */
    public static <T extends Versioned<T>> void replaceAll(MongoCollection<T> collection, Collection<T> documents) {
        if (documents.isEmpty()) {
            return;
        }
        var writes = documents.stream()
                .map(document -> new ReplaceOneModel<>(
                        atVersion(document),
                        document.withVersion(document.version() + 1),
                        new ReplaceOptions().upsert(document.version() == 0)))
                .toList();
        try {
            var result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            int written = result.getMatchedCount() + result.getUpserts().size();
            if (written != writes.size()) {
                throw new WriteConflictException((writes.size() - written) + " of " + writes.size() + " documents in "
                        + collection.getNamespace().getCollectionName() + " changed since they were read");
            }
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                throw new WriteConflictException(
                        "documents in " + collection.getNamespace().getCollectionName() + " were created concurrently",
                        e);
            }
            throw e;
        }
    }

    /** Deletes the document if it is still at the version it was read at; else {@link WriteConflictException}. */
    public static <T extends Versioned<T>> void delete(MongoCollection<T> collection, T document) {
        if (collection.deleteOne(atVersion(document)).getDeletedCount() == 0
                && collection.countDocuments(eq("_id", document.id())) > 0) {
            throw new WriteConflictException(document.id() + " in "
                    + collection.getNamespace().getCollectionName() + " changed since it was read");
        }
    }
}
