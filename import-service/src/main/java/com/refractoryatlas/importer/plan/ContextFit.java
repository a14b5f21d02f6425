package com.refractoryatlas.importer.plan;

import com.refractoryatlas.importer.parse.ParsedCitation;
import com.refractoryatlas.importer.write.ArticleInput.CitationInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what an article stores of its citing sentences in proportion to the document. Each reference keeps the
 * sentences that cite it, so a sentence citing a range ({@code [1-90]}) is stored once per reference, and a "sentence"
 * that never ends (text without full stops) is stored whole each time: a 70 KB document made 14.5 MB of contexts
 * (202 times its size; real articles make 0.1 to 0.3 times), enough to exhaust a small database node. So each context
 * is shortened at a word to {@value #CONTEXT_CHARS} characters (a citing sentence is rarely a fifth of that), and all
 * of them together to {@code max(}{@value #MIN_BUDGET}{@code , }{@value #BUDGET_PER_CHARACTER}{@code  × the
 * document's characters)}; contexts past the budget are left out, in document order of the citations, each citation
 * keeping its first. Either change is one warning, {@code CITATION_CONTEXTS_SHORTENED}. One pass.
 */
final class ContextFit {

    static final int CONTEXT_CHARS = 1000;
    static final long MIN_BUDGET = 200_000;
    static final int BUDGET_PER_CHARACTER = 2;
    static final String SHORTENED = "CITATION_CONTEXTS_SHORTENED";

    /** The citations to store and what fitting changed. */
    record Fitted(List<CitationInput> citations, List<DocumentPlan.Issue> warnings) {}

    private ContextFit() {}

    static Fitted fit(List<ParsedCitation> citations, long documentCharacters) {
        long budget = Math.max(MIN_BUDGET, BUDGET_PER_CHARACTER * documentCharacters);
        long used = 0;
        int clipped = 0;
        int dropped = 0;
        var fitted = new ArrayList<CitationInput>(citations.size());
        for (var citation : citations) {
            var kept = new ArrayList<String>(citation.contexts().size());
            for (var context : citation.contexts()) {
                var text = Shortening.atWord(context, CONTEXT_CHARS);
                if (text.length() < context.length()) {
                    clipped++;
                }
                if (used + text.length() > budget && !kept.isEmpty()) {
                    dropped++;
                    continue;
                }
                used += text.length();
                kept.add(text);
            }
            fitted.add(new CitationInput(citation.number(), kept));
        }
        return new Fitted(fitted, warnings(clipped, dropped, budget));
    }

    private static List<DocumentPlan.Issue> warnings(int clipped, int dropped, long budget) {
        if (clipped == 0 && dropped == 0) {
            return List.of();
        }
        var message = new StringBuilder("citing sentences kept in proportion to the document:");
        if (clipped > 0) {
            message.append(' ')
                    .append(clipped)
                    .append(" shortened to ")
                    .append(CONTEXT_CHARS)
                    .append(" characters");
        }
        if (dropped > 0) {
            message.append(clipped > 0 ? ";" : "")
                    .append(' ')
                    .append(dropped)
                    .append(" left out past ")
                    .append(budget)
                    .append(" characters in all");
        }
        return List.of(new DocumentPlan.Issue(SHORTENED, message.toString(), null));
    }
}
