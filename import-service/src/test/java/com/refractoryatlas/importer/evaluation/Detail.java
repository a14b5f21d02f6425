package com.refractoryatlas.importer.evaluation;

import java.util.List;

/**
 * One dev document's references side by side with their gold, field by field, for whoever improves a reader. Only
 * for the dev split: the holdout stays unseen, so its figures stay honest.
 */
final class Detail {

    private Detail() {}

    static String markdown(Gold gold, GoldDocument document, ParsedView parsed) {
        if (!gold.split().equals("dev")) {
            throw new IllegalArgumentException(document.file() + " is a holdout document: no detail is shown for it");
        }
        StringBuilder b = new StringBuilder();
        b.append("# ")
                .append(document.file())
                .append("\n\nkind: ")
                .append(parsed.kind())
                .append(" (gold ");
        b.append(gold.kind()).append("), title: ").append(parsed.title()).append("\n\n");
        Alignment alignment = Alignment.of(gold.references(), parsed.references(), document.numbered());
        b.append("| # | field | gold | parsed | exact |\n| --- | --- | --- | --- | --- |\n");
        for (GoldReference r : gold.references()) {
            Candidate p = alignment.get(r.number());
            if (!r.labelled()) {
                b.append("| ").append(r.number()).append(" | (unstructured) | | ");
                b.append(p == null ? "not found" : "found").append(" | |\n");
                continue;
            }
            for (Field f : Field.values()) {
                String g = f.of(r.asCandidate());
                if (g == null || !document.prints(r.number(), f)) {
                    continue;
                }
                String v = p == null ? null : f.of(p);
                b.append("| ")
                        .append(r.number())
                        .append(" | ")
                        .append(f.label())
                        .append(" | ")
                        .append(cell(g));
                b.append(" | ").append(p == null ? "*not found*" : cell(v)).append(" | ");
                b.append(f.exact(g, v) ? "yes" : "**no**").append(" |\n");
            }
        }
        List<Candidate> spurious = alignment.spurious();
        b.append("\nspurious: ").append(spurious.size()).append('\n');
        spurious.forEach(c -> b.append("- ")
                .append(c.number())
                .append(": ")
                .append(cell(c.title()))
                .append('\n'));
        return b.toString();
    }

    private static String cell(String s) {
        return s == null ? "–" : s.replace("|", "\\|").replace("\n", " ");
    }
}
