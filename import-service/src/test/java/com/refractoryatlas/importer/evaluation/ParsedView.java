package com.refractoryatlas.importer.evaluation;

import com.refractoryatlas.importer.parse.ExplainerPage;
import com.refractoryatlas.importer.parse.JournalArticle;
import com.refractoryatlas.importer.parse.ParsedDocument;
import com.refractoryatlas.importer.parse.ParsedReference;
import com.refractoryatlas.importer.parse.Unrecognized;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the evaluation reads from a parsed document: its kind, title, first author and references. The known kinds
 * are read directly; a kind added later (a reference file's own kind, say) is read through its record accessors
 * {@code title()} and {@code references()}, so the benchmark keeps working while the parser grows.
 */
record ParsedView(
        String kind, @Nullable String title, @Nullable String firstAuthorFamily, List<Candidate> references) {

    static ParsedView of(ParsedDocument doc) {
        if (doc instanceof JournalArticle a) {
            var authors = a.metadata().authors();
            return new ParsedView(
                    "JOURNAL_ARTICLE",
                    a.metadata().title(),
                    authors.isEmpty() ? null : authors.getFirst().family(),
                    candidates(a.references()));
        }
        if (doc instanceof ExplainerPage e) {
            return new ParsedView("EXPLAINER", e.title(), null, List.of());
        }
        if (doc instanceof Unrecognized) {
            return new ParsedView("UNRECOGNIZED", null, null, List.of());
        }
        return reflected(doc);
    }

    private static List<Candidate> candidates(List<ParsedReference> refs) {
        return refs.stream().map(Candidate::of).toList();
    }

    private static ParsedView reflected(ParsedDocument doc) {
        String name = doc.getClass().getSimpleName();
        String kind = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        if (kind.contains("REFERENCE") || kind.contains("BIBLIOGRAPHY")) {
            kind = "REFERENCE_LIST";
        }
        Object title = call(doc, "title");
        Object refs = call(doc, "references");
        List<Candidate> candidates = refs instanceof List<?> list
                ? list.stream()
                        .filter(ParsedReference.class::isInstance)
                        .map(r -> Candidate.of((ParsedReference) r))
                        .toList()
                : List.of();
        return new ParsedView(kind, title instanceof String s ? s : null, null, candidates);
    }

    private static @Nullable Object call(Object target, String accessor) {
        try {
            Method m = target.getClass().getMethod(accessor);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
