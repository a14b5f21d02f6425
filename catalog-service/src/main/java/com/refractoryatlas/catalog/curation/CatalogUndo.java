package com.refractoryatlas.catalog.curation;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.refractoryatlas.catalog.alias.AliasRegistry;
import com.refractoryatlas.catalog.mechanism.Mechanism;
import com.refractoryatlas.catalog.mechanism.MechanismCatalog;
import com.refractoryatlas.catalog.term.Condition;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.CuratedTerm;
import com.refractoryatlas.catalog.term.TermCatalog;
import com.refractoryatlas.catalog.term.Therapy;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import com.refractoryatlas.mongo.Versioned;
import com.refractoryatlas.mongo.WriteConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWrapper;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * What an import job's {@code upsertCatalog} replaced, so that a job that fails after its catalog write can take it
 * back ({@code retractCatalogBatch}), as the references service does for the article. One row per document the batch
 * changes: the document as it was (none when the batch created it), the version the batch wrote, and the alias keys
 * it claimed. Recorded before the write, first record wins, so a retried batch never takes its own result for the
 * state before it. The undo puts a document back (or removes one the batch created) only while it is still at the
 * version the batch wrote: a document changed since by anyone else is kept as it is, and counted as kept. There are
 * no multi-document transactions (the embedded server has none), so the undo is idempotent and may be repeated.
 * Records expire after {@link #KEEP_DAYS} days (a real MongoDB's TTL index).
 */
@Repository
class CatalogUndo {

    static final long KEEP_DAYS = 7;

    /** The kinds of document a batch writes, undone in the reverse order of writing (treatments first). */
    enum Kind {
        TREATMENT,
        MECHANISM,
        THERAPY,
        CONDITION
    }

    /** What the undo did. */
    record Result(int restored, int removed, int kept) {}

    private static final String JOB = "importJobId";
    private static final String KIND = "kind";
    private static final String DOCUMENT = "documentId";
    private static final String WRITTEN = "writtenVersion";
    private static final String BEFORE = "before";
    private static final String CLAIMED = "claimedAliasKeys";

    private final MongoCollection<Document> rows;
    private final CodecRegistry codecs;
    private final ConditionCatalog conditions;
    private final TherapyCatalog therapies;
    private final MechanismCatalog mechanisms;
    private final TreatmentCatalog treatments;
    private final AliasRegistry aliases;

    CatalogUndo(
            MongoDatabase database,
            ConditionCatalog conditions,
            TherapyCatalog therapies,
            MechanismCatalog mechanisms,
            TreatmentCatalog treatments,
            AliasRegistry aliases) {
        this.rows = database.getCollection("importUndoCatalog");
        this.codecs = database.getCodecRegistry();
        this.conditions = conditions;
        this.therapies = therapies;
        this.mechanisms = mechanisms;
        this.treatments = treatments;
        this.aliases = aliases;
        rows.createIndex(Indexes.ascending("recordedAt"), new IndexOptions().expireAfter(KEEP_DAYS, TimeUnit.DAYS));
        rows.createIndex(Indexes.ascending(JOB));
    }

    /** Collects the rows of one batch before any of it is written. */
    final class Recording {

        private final String importJobId;
        private final Instant now = Instant.now();
        private final List<Document> pending = new ArrayList<>();

        private Recording(String importJobId) {
            this.importJobId = importJobId;
        }

        <T extends Versioned<T>> Recording add(Kind kind, Collection<CatalogWriter.Planned<T>> planned) {
            return add(kind, planned, Map.of());
        }

        /** Adds the documents the batch changes; {@code claimed} holds the alias keys it claims per document id. */
        <T extends Versioned<T>> Recording add(
                Kind kind, Collection<CatalogWriter.Planned<T>> planned, Map<String, Set<String>> claimed) {
            for (var p : planned) {
                if (!p.changes()) {
                    continue;
                }
                var stored = p.stored();
                pending.add(new Document("_id", importJobId + "|" + kind + "|" + p.id())
                        .append(JOB, importJobId)
                        .append(KIND, kind.name())
                        .append(DOCUMENT, p.id())
                        .append(WRITTEN, p.merged().version() + 1)
                        .append(BEFORE, stored == null ? null : BsonDocumentWrapper.asBsonDocument(stored, codecs))
                        .append(CLAIMED, List.copyOf(claimed.getOrDefault(p.id(), Set.of())))
                        .append("recordedAt", now));
            }
            return this;
        }

        /** Stores the rows; rows an earlier try of the same batch stored are kept as they are. */
        void store() {
            insertKeepingEarlier(pending);
        }
    }

    Recording recording(String importJobId) {
        return new Recording(importJobId);
    }

    private void insertKeepingEarlier(List<Document> pending) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            rows.insertMany(pending, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }

    /** Takes back what {@code importJobId}'s batch wrote, document by document, then forgets the record. */
    Result undo(String importJobId) {
        var all = rows.find(eq(JOB, importJobId)).into(new ArrayList<>());
        all.sort(Comparator.comparing(row -> Kind.valueOf(row.getString(KIND))));
        int restored = 0;
        int removed = 0;
        int kept = 0;
        for (var row : all) {
            switch (undo(row)) {
                case RESTORED -> restored++;
                case REMOVED -> removed++;
                case KEPT -> kept++;
                case GONE -> {
                    // removed by someone else already: nothing to take back
                }
            }
        }
        rows.deleteMany(eq(JOB, importJobId));
        return new Result(restored, removed, kept);
    }

    private enum Outcome {
        RESTORED,
        REMOVED,
        KEPT,
        GONE
    }

    private Outcome undo(Document row) {
        var id = row.getString(DOCUMENT);
        long written = ((Number) row.get(WRITTEN)).longValue();
        var before = row.get(BEFORE, Document.class);
        var claimed = row.getList(CLAIMED, String.class, List.of());
        try {
            return switch (Kind.valueOf(row.getString(KIND))) {
                case CONDITION -> undoTerm(conditions, Condition.class, id, written, before, claimed);
                case THERAPY -> undoTerm(therapies, Therapy.class, id, written, before, claimed);
                case MECHANISM -> undoMechanism(id, written, before);
                case TREATMENT -> undoTreatment(id, written, before);
            };
        } catch (WriteConflictException changedMeanwhile) {
            return Outcome.KEPT;
        }
    }

    private <T extends CuratedTerm<T>> Outcome undoTerm(
            TermCatalog<T> catalog,
            Class<T> type,
            String id,
            long written,
            @Nullable Document before,
            List<String> claimed) {
        var outcome = undo(
                catalog.findAllById(List.of(id)).get(id), type, written, before, catalog::delete, catalog::saveAll);
        switch (outcome) {
            case REMOVED -> aliases.releaseAll(catalog.aliasKind(), id);
            case RESTORED -> aliases.release(catalog.aliasKind(), id, claimed);
            case KEPT, GONE -> {
                // the aliases stay with the document as it is
            }
        }
        return outcome;
    }

    private Outcome undoMechanism(String id, long written, @Nullable Document before) {
        var current = mechanisms.findAllById(List.of(id)).get(id);
        return undo(current, Mechanism.class, written, before, mechanisms::delete, mechanisms::saveAll);
    }

    private Outcome undoTreatment(String id, long written, @Nullable Document before) {
        var current = treatments.findAllById(List.of(id)).stream().findFirst().orElse(null);
        return undo(current, Treatment.class, written, before, treatments::delete, treatments::saveAll);
    }

    /**
     * Puts {@code current} back to {@code before} (or removes it when the batch created it), only while it is still at
     * the version the batch wrote.
     */
    private <T extends Versioned<T>> Outcome undo(
            @Nullable T current,
            Class<T> type,
            long written,
            @Nullable Document before,
            Consumer<T> remove,
            Consumer<List<T>> save) {
        if (current == null) {
            return Outcome.GONE;
        }
        if (current.version() != written) {
            return Outcome.KEPT;
        }
        if (before == null) {
            remove.accept(current);
            return Outcome.REMOVED;
        }
        save.accept(List.of(decode(type, before).withVersion(current.version())));
        return Outcome.RESTORED;
    }

    private <T> T decode(Class<T> type, Document stored) {
        BsonDocument bson = stored.toBsonDocument(Document.class, codecs);
        return codecs.get(type)
                .decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
    }
}
