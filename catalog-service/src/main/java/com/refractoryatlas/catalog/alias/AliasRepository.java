package com.refractoryatlas.catalog.alias;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.refractoryatlas.mongo.WriteConflictException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
class AliasRepository {

    private final MongoCollection<AliasEntry> aliases;

    AliasRepository(MongoDatabase database) {
        this.aliases = database.getCollection("aliases", AliasEntry.class);
        aliases.createIndex(Indexes.ascending("kind", "ownerId"));
    }

    List<AliasEntry> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return aliases.find(in("_id", ids)).into(new ArrayList<>());
    }

    /**
     * Inserts each entry unless its key is taken, in one unordered bulk write. An entry already held by the same
     * owner is left as it is; one held by another owner makes the upsert collide on the unique {@code _id}, which is
     * a {@link WriteConflictException}: another writer claimed the alias first, on whichever replica.
     */
    void claimAll(Collection<AliasEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        var writes = entries.stream()
                .map(entry -> new ReplaceOneModel<>(
                        and(eq("_id", entry.id()), eq("ownerId", entry.ownerId())),
                        entry,
                        new ReplaceOptions().upsert(true)))
                .toList();
        try {
            aliases.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                throw new WriteConflictException("an alias was claimed by another writer", e);
            }
            throw e;
        }
    }

    void deleteOwned(AliasKind kind, String ownerId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        aliases.deleteMany(and(in("_id", ids), eq("ownerId", ownerId), eq("kind", kind.name())));
    }

    void deleteAllOwnedBy(AliasKind kind, String ownerId) {
        aliases.deleteMany(and(eq("kind", kind.name()), eq("ownerId", ownerId)));
    }

    void transfer(AliasKind kind, String fromOwnerId, String toOwnerId) {
        aliases.updateMany(and(eq("kind", kind.name()), eq("ownerId", fromOwnerId)), Updates.set("ownerId", toOwnerId));
    }
}
