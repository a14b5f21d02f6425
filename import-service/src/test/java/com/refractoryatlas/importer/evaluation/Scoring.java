package com.refractoryatlas.importer.evaluation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Scores one parsed document against its gold. Fields are scored where the gold has a value that the document
 * prints; a gold reference that was not found counts as wrong in every such field. A reference is whole-exact when
 * every scored field is exact. Unlabelled gold entries count only for recall.
 */
final class Scoring {

    private Scoring() {}

    static Tally score(Gold gold, GoldDocument document, ParsedView parsed) {
        Tally t = new Tally();
        t.documents = 1;
        t.kindCorrect = gold.kind().equals(parsed.kind()) ? 1 : 0;
        if (gold.title() != null) {
            t.titleEvaluated = 1;
            t.titleExact = parsed.title() != null && Exactness.sameText(gold.title(), parsed.title()) ? 1 : 0;
        }
        if (gold.firstAuthorFamily() != null) {
            t.authorEvaluated = 1;
            String p = parsed.firstAuthorFamily();
            t.authorExact = p != null && Exactness.sameText(gold.firstAuthorFamily(), p) ? 1 : 0;
        }
        List<GoldReference> refs = gold.references();
        Alignment alignment = Alignment.of(refs, parsed.references(), document.numbered());
        t.goldReferences = refs.size();
        t.found = alignment.pairs().size();
        t.parsedReferences = parsed.references().size();
        t.spurious = gold.partial() ? 0 : alignment.spurious().size();
        for (GoldReference r : refs) {
            if (r.labelled()) {
                scoreReference(t, r, alignment.get(r.number()), document);
            }
        }
        return t;
    }

    private static void scoreReference(Tally t, GoldReference r, @Nullable Candidate parsed, GoldDocument document) {
        Candidate g = r.asCandidate();
        boolean whole = true;
        boolean any = false;
        for (Field f : Field.values()) {
            String gv = f.of(g);
            if (gv == null || !document.prints(r.number(), f)) {
                continue;
            }
            boolean exact = parsed != null && f.exact(gv, f.of(parsed));
            t.field(f, exact);
            whole &= exact;
            any = true;
        }
        if (any) {
            t.wholeEvaluated++;
            t.wholeExact += whole ? 1 : 0;
        }
    }
}
