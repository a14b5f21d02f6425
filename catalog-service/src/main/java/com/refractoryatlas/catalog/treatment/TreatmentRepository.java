package com.refractoryatlas.catalog.treatment;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.refractoryatlas.catalog.CatalogProperties;
import com.refractoryatlas.mongo.VersionedWrites;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Treatments, plus {@code treatmentLinks}: for each condition ({@code C:id}) and therapy ({@code T:id}) the ids of
 * its treatments. The links make "the treatments of these N conditions" two look-ups by {@code _id}, which every
 * MongoDB serves from the unique {@code _id} index — the embedded server ignores non-unique indexes, so a query on
 * {@code conditionId} would scan every treatment. Links are written before the treatments they list and removed
 * after them, so a crash leaves at most a link to a missing treatment, which reads skip.
 */
@Repository
class TreatmentRepository {

    private static final String CONDITION_LINK = "C:";
    private static final String THERAPY_LINK = "T:";
    private static final String LINKED_IDS = "treatmentIds";
    private static final String PAIR_SEPARATOR = "|";

    private final MongoCollection<Treatment> treatments;
    private final MongoCollection<Document> links;
    private final int batchSize;

    TreatmentRepository(MongoDatabase database, CatalogProperties properties) {
        this.treatments = database.getCollection("treatments", Treatment.class);
        this.links = database.getCollection("treatmentLinks");
        this.batchSize = properties.fetchBatchSize();
        treatments.createIndex(Indexes.ascending("conditionId"));
        treatments.createIndex(Indexes.ascending("therapyId"));
        treatments.createIndex(Indexes.ascending("evidenceIds"));
        treatments.createIndex(Indexes.ascending("articleIds"));
        rebuildLinksIfMissing();
    }

    List<Treatment> findAllById(Collection<String> ids) {
        return find(in("_id", ids), ids);
    }

    List<Treatment> findByConditionIds(Collection<String> conditionIds) {
        return findAllById(linkedIds(CONDITION_LINK, conditionIds));
    }

    List<Treatment> findByTherapyIds(Collection<String> therapyIds) {
        return findAllById(linkedIds(THERAPY_LINK, therapyIds));
    }

    List<Treatment> findByEvidenceIds(Collection<String> referenceIds) {
        return find(in("evidenceIds", referenceIds), referenceIds);
    }

    List<Treatment> findByArticleIds(Collection<String> articleIds) {
        return find(in("articleIds", articleIds), articleIds);
    }

    /** The ids of the conditions a therapy treats, read from its link document alone. */
    List<String> conditionIdsOf(String therapyId) {
        return linkedIds(THERAPY_LINK, List.of(therapyId)).stream()
                .map(id -> id.substring(0, id.indexOf(PAIR_SEPARATOR)))
                .distinct()
                .toList();
    }

    List<String> therapyIdsOf(String conditionId) {
        return linkedIds(CONDITION_LINK, List.of(conditionId)).stream()
                .map(id -> id.substring(id.indexOf(PAIR_SEPARATOR) + 1))
                .distinct()
                .toList();
    }

    void saveAll(Collection<Treatment> batch) {
        if (batch.isEmpty()) {
            return;
        }
        link(batch);
        VersionedWrites.replaceAll(treatments, batch);
    }

    /** Deletes the treatment only if it is still at the version it was read at (else a write conflict). */
    void delete(Treatment stored) {
        VersionedWrites.delete(treatments, stored);
        unlink(List.of(stored.id()));
    }

    void deleteAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        treatments.deleteMany(in("_id", ids));
        unlink(ids);
    }

    private void unlink(Collection<String> ids) {
        var pulls = new ArrayList<WriteModel<Document>>();
        for (var id : ids) {
            int separator = id.indexOf(PAIR_SEPARATOR);
            if (separator < 0) {
                continue;
            }
            var pull = Updates.pull(LINKED_IDS, id);
            pulls.add(new UpdateOneModel<>(eq("_id", CONDITION_LINK + id.substring(0, separator)), pull));
            pulls.add(new UpdateOneModel<>(eq("_id", THERAPY_LINK + id.substring(separator + 1)), pull));
        }
        if (!pulls.isEmpty()) {
            links.bulkWrite(pulls, new BulkWriteOptions().ordered(false));
        }
    }

    long count() {
        return treatments.countDocuments();
    }

    private void link(Collection<Treatment> batch) {
        var byKey = new LinkedHashMap<String, Set<String>>();
        for (var treatment : batch) {
            byKey.computeIfAbsent(CONDITION_LINK + treatment.conditionId(), k -> new LinkedHashSet<>())
                    .add(treatment.id());
            byKey.computeIfAbsent(THERAPY_LINK + treatment.therapyId(), k -> new LinkedHashSet<>())
                    .add(treatment.id());
        }
        var writes = new ArrayList<WriteModel<Document>>();
        for (Map.Entry<String, Set<String>> entry : byKey.entrySet()) {
            writes.add(new UpdateOneModel<>(
                    eq("_id", entry.getKey()),
                    Updates.addEachToSet(LINKED_IDS, List.copyOf(entry.getValue())),
                    new UpdateOptions().upsert(true)));
        }
        links.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private List<String> linkedIds(String prefix, Collection<String> ownerIds) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        var keys = ownerIds.stream().map(id -> prefix + id).toList();
        var ids = new LinkedHashSet<String>();
        for (var link : links.find(in("_id", keys)).batchSize(batchSize)) {
            ids.addAll(link.getList(LINKED_IDS, String.class, List.of()));
        }
        return List.copyOf(ids);
    }

    /** Data written before the links existed gets them on start-up. */
    private void rebuildLinksIfMissing() {
        if (links.estimatedDocumentCount() > 0 || treatments.estimatedDocumentCount() == 0) {
            return;
        }
        var batch = new ArrayList<Treatment>();
        for (var treatment : treatments.find().batchSize(batchSize)) {
            batch.add(treatment);
            if (batch.size() == batchSize) {
                link(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            link(batch);
        }
    }

    private List<Treatment> find(Bson filter, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return treatments.find(filter).batchSize(batchSize).into(new ArrayList<>());
    }
}
