package com.refractoryatlas.importer.plan;

import com.refractoryatlas.importer.write.CatalogBatchInput.ConditionInput;
import com.refractoryatlas.importer.write.CatalogBatchInput.MechanismInput;
import com.refractoryatlas.importer.write.CatalogBatchInput.TherapyInput;
import com.refractoryatlas.subgraph.VisibleText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Fits what the extractor found into what the catalog accepts, before anything is written: the catalog refuses a
 * whole batch for one summary over its length, one invisible character, one list too long, and a job whose catalog
 * write is refused after its article was written had to be taken back whole. Real documents produce such values
 * (a "sentence" of a flattened table without a full stop, a soft hyphen or zero-width space from a PDF, a review
 * citing hundreds of references for one pairing), so instead of failing the import each value is cleaned and, when
 * still too long, shortened, each with a typed warning on the job ({@code CATALOG_VALUE_SHORTENED},
 * {@code CATALOG_ITEMS_DROPPED}).
 *
 * <p>The bounds are the catalog's documented defaults ({@code atlas.catalog.limits}: names 200 characters, texts
 * 4,000, lists 200 entries, ids 120, items of a kind 1,000 per batch). One pass over each value.
 */
final class CatalogFit {

    static final int NAME_CHARS = 200;
    static final int TEXT_CHARS = 4000;
    static final int LIST_ITEMS = 200;
    static final int ID_CHARS = 120;
    static final int BATCH_ITEMS = 1000;

    static final String VALUE_SHORTENED = "CATALOG_VALUE_SHORTENED";
    static final String ITEMS_DROPPED = "CATALOG_ITEMS_DROPPED";

    /** The fitted draft and what fitting changed. */
    record Fitted(DocumentPlan.CatalogDraft draft, List<DocumentPlan.Issue> warnings) {}

    private final Set<String> shortened = new LinkedHashSet<>();
    private final List<String> dropped = new ArrayList<>();

    private CatalogFit() {}

    static Fitted fit(DocumentPlan.CatalogDraft draft) {
        var fit = new CatalogFit();
        var conditions = fit.conditions(draft.conditions());
        var therapies = fit.therapies(draft.therapies());
        var conditionIds = new HashSet<String>();
        conditions.forEach(c -> conditionIds.add(c.id()));
        var therapyIds = new HashSet<String>();
        therapies.forEach(t -> therapyIds.add(t.id()));
        var mechanisms = fit.mechanisms(draft.mechanisms(), conditionIds);
        var treatments = fit.treatments(draft.treatments(), conditionIds, therapyIds);
        return new Fitted(new DocumentPlan.CatalogDraft(conditions, therapies, mechanisms, treatments), fit.warnings());
    }

    private List<ConditionInput> conditions(List<ConditionInput> inputs) {
        var kept = new ArrayList<ConditionInput>();
        for (var c : inputs) {
            var name = name("condition name", c.name());
            if (!fits("condition", c.id(), name, kept.size())) {
                continue;
            }
            kept.add(new ConditionInput(
                    c.id(),
                    name,
                    texts("condition aliases", c.aliases(), false),
                    c.specialty(),
                    texts("refractory criteria", c.refractoryCriteria(), true),
                    c.articleIds()));
        }
        return kept;
    }

    private List<TherapyInput> therapies(List<TherapyInput> inputs) {
        var kept = new ArrayList<TherapyInput>();
        for (var t : inputs) {
            var name = name("therapy name", t.name());
            if (!fits("therapy", t.id(), name, kept.size())) {
                continue;
            }
            kept.add(new TherapyInput(
                    t.id(),
                    name,
                    texts("therapy aliases", t.aliases(), false),
                    t.kind(),
                    text("drug class", t.drugClass(), TEXT_CHARS, true)));
        }
        return kept;
    }

    private List<MechanismInput> mechanisms(List<MechanismInput> inputs, Set<String> conditionIds) {
        var kept = new ArrayList<MechanismInput>();
        for (var m : inputs) {
            var name = name("mechanism name", m.name());
            if (!fits("mechanism", m.id(), name, kept.size())) {
                continue;
            }
            var linked =
                    m.conditionIds().stream().filter(conditionIds::contains).toList();
            kept.add(new MechanismInput(
                    m.id(),
                    name,
                    text("mechanism description", m.description(), TEXT_CHARS, true),
                    cap("mechanism conditions", linked)));
        }
        return kept;
    }

    private List<DocumentPlan.TreatmentDraft> treatments(
            List<DocumentPlan.TreatmentDraft> inputs, Set<String> conditionIds, Set<String> therapyIds) {
        var kept = new ArrayList<DocumentPlan.TreatmentDraft>();
        for (var t : inputs) {
            if (!conditionIds.contains(t.conditionId()) || !therapyIds.contains(t.therapyId())) {
                dropped.add("a treatment whose condition or therapy was dropped");
                continue;
            }
            if (kept.size() >= BATCH_ITEMS) {
                dropped.add("treatments beyond " + BATCH_ITEMS);
                continue;
            }
            var numbers = new ArrayList<>(new LinkedHashSet<>(t.citationNumbers()));
            kept.add(new DocumentPlan.TreatmentDraft(
                    t.conditionId(),
                    t.therapyId(),
                    t.role(),
                    text("treatment summary", t.summary(), TEXT_CHARS, true),
                    cap("treatment evidence", numbers)));
        }
        return kept;
    }

    /** Whether an item may go into the batch: an id the catalog takes, a name, and room in its kind. */
    private boolean fits(String kind, String id, @Nullable String name, int keptOfKind) {
        if (id.isBlank() || id.length() > ID_CHARS) {
            dropped.add("a " + kind + " whose id is over " + ID_CHARS + " characters");
            return false;
        }
        if (name == null) {
            dropped.add("a " + kind + " without a visible name");
            return false;
        }
        if (keptOfKind >= BATCH_ITEMS) {
            dropped.add(kind + " items beyond " + BATCH_ITEMS);
            return false;
        }
        return true;
    }

    private @Nullable String name(String what, String value) {
        return text(what, value, NAME_CHARS, false);
    }

    private List<String> texts(String what, List<String> values, boolean prose) {
        var kept = new LinkedHashSet<String>();
        for (var value : values) {
            var text = text(what, value, TEXT_CHARS, prose);
            if (text != null) {
                kept.add(text);
            }
        }
        return cap(what, new ArrayList<>(kept));
    }

    private <T> List<T> cap(String what, List<T> values) {
        if (values.size() <= LIST_ITEMS) {
            return values;
        }
        shortened.add(what + " (first " + LIST_ITEMS + " of " + values.size() + " kept)");
        return List.copyOf(values.subList(0, LIST_ITEMS));
    }

    /**
     * The value without the characters the catalog refuses ({@link VisibleText}: control characters become spaces,
     * except line breaks and tabs in prose; format characters such as soft hyphens, zero-width spaces and bidi controls, and lone
     * surrogates, are removed), shortened at a word to {@code max} characters with an ellipsis; null when nothing
     * visible is left.
     */
    private @Nullable String text(String what, @Nullable String value, int max, boolean prose) {
        if (value == null) {
            return null;
        }
        var clean = new StringBuilder(Math.min(value.length(), max + 1));
        for (int i = 0; i < value.length() && clean.length() <= max; ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (VisibleText.allowed(c, prose)) {
                clean.appendCodePoint(c);
            } else if (Character.getType(c) == Character.CONTROL) {
                clean.append(' ');
            }
        }
        if (clean.length() > max) {
            shortened.add(what + " (at most " + max + " characters)");
        }
        var text = Shortening.atWord(clean, max).strip();
        return text.isEmpty() ? null : text;
    }

    private List<DocumentPlan.Issue> warnings() {
        var warnings = new ArrayList<DocumentPlan.Issue>();
        if (!shortened.isEmpty()) {
            warnings.add(new DocumentPlan.Issue(
                    VALUE_SHORTENED, "shortened to fit the catalog's limits: " + String.join("; ", shortened), null));
        }
        if (!dropped.isEmpty()) {
            warnings.add(new DocumentPlan.Issue(
                    ITEMS_DROPPED,
                    dropped.size() + " extracted items left out of the catalog batch, e.g. "
                            + String.join("; ", new LinkedHashSet<>(dropped.subList(0, Math.min(3, dropped.size())))),
                    null));
        }
        return warnings;
    }
}
