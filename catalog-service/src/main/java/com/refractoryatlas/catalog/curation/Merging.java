package com.refractoryatlas.catalog.curation;

import com.refractoryatlas.catalog.naming.Names;
import com.refractoryatlas.catalog.treatment.Treatment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** How new values join stored ones: lists grow (stored order first), nothing already known is lost. */
final class Merging {

    private Merging() {}

    static List<String> union(List<String> stored, List<String> added) {
        var all = new LinkedHashSet<>(stored);
        added.stream().map(String::strip).forEach(all::add);
        return List.copyOf(all);
    }

    /** Aliases are one alias per slug: "TRD" and "trd" are the same alias, the first spelling stays. */
    static List<String> unionAliases(List<String> stored, List<String> added) {
        return unionBy(stored, added.stream().map(String::strip).toList(), Names::slug);
    }

    static List<String> unionBy(List<String> stored, List<String> added, Function<String, String> key) {
        var seen = new HashSet<String>();
        var all = new ArrayList<String>();
        for (var value : stored) {
            if (seen.add(key.apply(value))) {
                all.add(value);
            }
        }
        for (var value : added) {
            if (seen.add(key.apply(value))) {
                all.add(value);
            }
        }
        return List.copyOf(all);
    }

    /** A known role is never downgraded to UNSPECIFIED by a source that does not state one. */
    static String role(@Nullable String stored, String incoming) {
        if (stored != null && Treatment.UNSPECIFIED.equals(incoming)) {
            return stored;
        }
        return incoming;
    }

    static @Nullable String keep(@Nullable String stored, @Nullable String incoming) {
        return incoming == null || incoming.isBlank() ? stored : incoming.strip();
    }

    /** Two treatments of the same pairing become one, the first one's role and summary winning where set. */
    static Treatment combine(Treatment kept, Treatment other, String conditionId, String therapyId) {
        var role = Treatment.UNSPECIFIED.equals(kept.role()) ? other.role() : kept.role();
        return Treatment.of(
                        conditionId,
                        therapyId,
                        role,
                        kept.summary() != null ? kept.summary() : other.summary(),
                        union(kept.evidenceIds(), other.evidenceIds()),
                        union(kept.articleIds(), other.articleIds()))
                .withVersion(kept.version());
    }
}
