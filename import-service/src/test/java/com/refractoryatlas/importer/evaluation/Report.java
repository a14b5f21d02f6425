package com.refractoryatlas.importer.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The evaluation as Markdown: per split, one table of reference fields and one of documents, per format group. */
final class Report {

    private Report() {}

    static String markdown(Evaluation e, Corpus corpus, String parserName) {
        StringBuilder b = new StringBuilder();
        b.append("# Parser accuracy on the evaluation corpus\n\n");
        b.append("Parser: ")
                .append(parserName)
                .append(". Corpus: ")
                .append(corpus.golds().size());
        b.append(" articles or reference files, ").append(e.documents()).append(" documents; rules in ");
        b.append("`src/test/resources/corpus/README.md`.\n\n");
        for (var split : List.of("holdout", "dev")) {
            Map<String, Tally> groups = e.bySplit.getOrDefault(split, Map.of());
            b.append("## ").append(split).append("\n\n");
            fieldTable(b, groups);
            b.append('\n');
            documentTable(b, groups);
            b.append('\n');
        }
        b.append("## dev, per document\n\n");
        b.append("| document | group | kind | refs found/gold | spurious | fields exact | whole refs exact |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (var r : e.rows) {
            if (!r.split().equals("dev")) {
                continue;
            }
            Tally t = r.tally();
            b.append("| ").append(r.file()).append(" | ").append(r.group()).append(" | ");
            b.append(r.parsedKind())
                    .append(t.kindCorrect == 1 ? "" : " (wrong)")
                    .append(" | ");
            b.append(t.found)
                    .append('/')
                    .append(t.goldReferences)
                    .append(" | ")
                    .append(t.spurious)
                    .append(" | ");
            b.append(pct(t.pooledExact(), t.pooledEvaluated())).append(" | ");
            b.append(pct(t.wholeExact, t.wholeEvaluated)).append(" |\n");
        }
        if (!e.failures.isEmpty()) {
            b.append("\n## Parser exceptions\n\n");
            e.failures.forEach(f -> b.append("- ").append(f).append('\n'));
        }
        return b.toString();
    }

    private static void fieldTable(StringBuilder b, Map<String, Tally> groups) {
        b.append("Share of reference fields exact (of the gold values the document prints):\n\n");
        b.append("| format | docs |");
        for (Field f : Field.values()) {
            b.append(' ').append(f.label()).append(" |");
        }
        b.append(" all fields | whole refs |\n| --- | ---: |");
        b.append(" ---: |".repeat(Field.values().length + 2)).append('\n');
        Tally all = new Tally();
        for (var g : groups.entrySet()) {
            fieldRow(b, g.getKey(), g.getValue());
            all.add(g.getValue());
        }
        fieldRow(b, "**all**", all);
    }

    private static void fieldRow(StringBuilder b, String name, Tally t) {
        b.append("| ").append(name).append(" | ").append(t.documents).append(" |");
        for (Field f : Field.values()) {
            b.append(' ').append(pct(t.exact(f), t.evaluated(f))).append(" |");
        }
        b.append(' ')
                .append(pct(t.pooledExact(), t.pooledEvaluated()))
                .append(" (")
                .append(t.pooledEvaluated());
        b.append(") | ")
                .append(pct(t.wholeExact, t.wholeEvaluated))
                .append(" (")
                .append(t.wholeEvaluated);
        b.append(") |\n");
    }

    private static void documentTable(StringBuilder b, Map<String, Tally> groups) {
        b.append("| format | docs | kind right | title exact | 1st author exact | refs gold | found (recall) |");
        b.append(" parsed | spurious |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        Tally all = new Tally();
        for (var g : groups.entrySet()) {
            documentRow(b, g.getKey(), g.getValue());
            all.add(g.getValue());
        }
        documentRow(b, "**all**", all);
    }

    private static void documentRow(StringBuilder b, String name, Tally t) {
        b.append("| ").append(name).append(" | ").append(t.documents).append(" | ");
        b.append(pct(t.kindCorrect, t.documents)).append(" | ").append(pct(t.titleExact, t.titleEvaluated));
        b.append(" | ")
                .append(pct(t.authorExact, t.authorEvaluated))
                .append(" | ")
                .append(t.goldReferences);
        b.append(" | ").append(pct(t.found, t.goldReferences)).append(" | ").append(t.parsedReferences);
        b.append(" | ").append(t.spurious).append(" |\n");
    }

    static String pct(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
