package com.refractoryatlas.catalog.alias;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
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

    void saveAll(Collection<AliasEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        var writes = entries.stream()
                .map(entry -> new ReplaceOneModel<>(eq("_id", entry.id()), entry, new ReplaceOptions().upsert(true)))
                .toList();
        aliases.bulkWrite(writes);
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
