package com.refractoryatlas.catalog.benchmark;

import com.refractoryatlas.catalog.alias.AliasKind;
import com.refractoryatlas.catalog.alias.AliasRegistry;
import com.refractoryatlas.catalog.mechanism.Mechanism;
import com.refractoryatlas.catalog.mechanism.MechanismCatalog;
import com.refractoryatlas.catalog.term.Condition;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.Therapy;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Writes a synthetic catalog of any size straight through the features' bulk upserts (not through GraphQL), so that
 * benchmarks and batching tests can load 10⁵ treatments in seconds. Output is deterministic: the same sizes give the
 * same ids, so a second run upserts the same documents. Each condition gets {@code treatments / conditions} treatments
 * with distinct therapies, two evidence references and one article each; every tenth condition is linked to a
 * mechanism. A {@link Start} offsets the ids so that successive runs against one database add a new block of
 * documents instead of upserting the same ones (the system tests' scale test grows the data this way).
 */
public final class CatalogDataGenerator {

    /** How many documents go into one bulk write. */
    public static final int BULK_SIZE = 5_000;

    private static final String[] SPECIALTIES = {
        "PSYCHIATRY", "NEUROLOGY", "RHEUMATOLOGY", "ONCOLOGY", "OPHTHALMOLOGY", "CRITICAL_CARE", "CARDIOLOGY"
    };
    private static final String[] KINDS = {"DRUG", "BIOLOGIC", "PROCEDURE", "DEVICE", "NEUROMODULATION"};
    private static final String[] ROLES = {"STANDARD", "AUGMENTATION", "RESCUE", "SALVAGE", "EMERGING"};
    private static final int THERAPY_STRIDE = 1_009;
    private static final int CONDITION_SPREAD = 13;
    private static final int MECHANISM_EVERY = 10;
    private static final int REFERENCE_POOL = 50_000;

    private final ConditionCatalog conditions;
    private final TherapyCatalog therapies;
    private final TreatmentCatalog treatments;
    private final MechanismCatalog mechanisms;
    private final AliasRegistry aliases;

    public CatalogDataGenerator(
            ConditionCatalog conditions,
            TherapyCatalog therapies,
            TreatmentCatalog treatments,
            MechanismCatalog mechanisms,
            AliasRegistry aliases) {
        this.conditions = conditions;
        this.therapies = therapies;
        this.treatments = treatments;
        this.mechanisms = mechanisms;
        this.aliases = aliases;
    }

    /** The sizes of one generated catalog. */
    public record Size(int conditions, int therapies, int treatments) {

        public Size {
            if (conditions <= 0 || therapies <= 0 || treatments < 0) {
                throw new IllegalArgumentException("sizes must be positive");
            }
            if ((treatments + conditions - 1) / conditions > therapies) {
                throw new IllegalArgumentException("more treatments per condition than therapies");
            }
        }
    }

    /**
     * The first condition, therapy and treatment index of one generated block: ids start there, and the block's
     * treatments pair its own conditions with its own therapies.
     */
    public record Start(int condition, int therapy, int treatment) {

        public static final Start ZERO = new Start(0, 0, 0);

        public Start {
            if (condition < 0 || therapy < 0 || treatment < 0) {
                throw new IllegalArgumentException("start indexes must not be negative");
            }
        }
    }

    public static String conditionId(int index) {
        return "condition-%06d".formatted(index);
    }

    public static String therapyId(int index) {
        return "therapy-%06d".formatted(index);
    }

    public void generate(Size size) {
        generate(size, Start.ZERO);
    }

    /** Generates one block of {@code size} documents whose indexes begin at {@code start}. */
    public void generate(Size size, Start start) {
        generate(size, start, List.of());
    }

    /**
     * Like {@link #generate(Size, Start)}, with the treatments' evidence drawn from {@code evidencePool} (ids of
     * references that exist, e.g. the ones the references service's generator wrote) instead of synthetic
     * {@code ref-N} ids that resolve to nothing; an empty pool keeps the synthetic ids.
     */
    public void generate(Size size, Start start, List<String> evidencePool) {
        inBatches(size.conditions(), i -> condition(start.condition() + i), batch -> {
            conditions.saveAll(batch);
            aliases.claimAll(AliasKind.CONDITION, keys(batch, c -> List.of(c.id(), c.id() + "-refractory")));
        });
        inBatches(size.therapies(), i -> therapy(start.therapy() + i), batch -> {
            therapies.saveAll(batch);
            aliases.claimAll(AliasKind.THERAPY, keys(batch, t -> List.of(t.id(), "t" + t.id().substring(8))));
        });
        inBatches(size.treatments(), index -> treatment(index, size, start, evidencePool), treatments::saveAll);
        // a later block links its conditions to mechanisms of its own: an upsert replaces a mechanism's links
        var suffix = start.condition() == 0 ? "" : "-" + start.condition();
        var linked = new HashMap<String, List<String>>();
        for (int i = 0; i < size.conditions(); i += MECHANISM_EVERY) {
            int condition = start.condition() + i;
            linked.computeIfAbsent(
                            "mechanism-" + (condition / MECHANISM_EVERY) % CONDITION_SPREAD + suffix,
                            k -> new ArrayList<>())
                    .add(conditionId(condition));
        }
        mechanisms.saveAll(linked.entrySet().stream()
                .map(e -> Mechanism.of(e.getKey(), "Mechanism " + e.getKey(), "Synthetic", e.getValue()))
                .toList());
    }

    private Condition condition(int index) {
        var id = conditionId(index);
        return Condition.of(
                id,
                "Condition " + index,
                List.of("refractory condition " + index),
                SPECIALTIES[index % SPECIALTIES.length],
                List.of("Failure of two adequate trials (" + index + ")"),
                List.of("article-" + index % REFERENCE_POOL));
    }

    private Therapy therapy(int index) {
        return Therapy.of(
                therapyId(index),
                "Therapy " + index,
                List.of("T" + index),
                KINDS[index % KINDS.length],
                index % 2 == 0 ? "Class " + index % CONDITION_SPREAD : null);
    }

    /**
     * The k-th treatment of the block's condition c pairs it with the block's therapy (c·13 + k·1009) mod T: distinct
     * per condition.
     */
    private Treatment treatment(int local, Size size, Start start, List<String> evidencePool) {
        int condition = local % size.conditions();
        int k = local / size.conditions();
        int therapy = (int) (((long) condition * CONDITION_SPREAD + (long) k * THERAPY_STRIDE) % size.therapies());
        int index = start.treatment() + local;
        int conditionIndex = start.condition() + condition;
        return Treatment.of(
                conditionId(conditionIndex),
                therapyId(start.therapy() + therapy),
                ROLES[index % ROLES.length],
                "Synthetic evidence summary " + index,
                List.of(evidenceId(index, evidencePool), evidenceId(index + 1, evidencePool)),
                List.of("article-" + conditionIndex % REFERENCE_POOL));
    }

    private static String evidenceId(int index, List<String> pool) {
        return pool.isEmpty() ? "ref-" + index % REFERENCE_POOL : pool.get(index % pool.size());
    }

    private static <T> Map<String, Set<String>> keys(List<T> batch, java.util.function.Function<T, List<String>> of) {
        var keys = new HashMap<String, Set<String>>();
        for (var item : batch) {
            var list = of.apply(item);
            keys.put(list.getFirst(), Set.copyOf(list));
        }
        return keys;
    }

    private static <T> void inBatches(int count, IntFunction<T> make, java.util.function.Consumer<List<T>> write) {
        var batch = new ArrayList<T>(Math.min(count, BULK_SIZE));
        for (int i = 0; i < count; i++) {
            batch.add(make.apply(i));
            if (batch.size() == BULK_SIZE) {
                write.accept(List.copyOf(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            write.accept(List.copyOf(batch));
        }
    }
}
