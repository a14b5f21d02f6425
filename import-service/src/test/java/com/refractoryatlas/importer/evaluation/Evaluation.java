package com.refractoryatlas.importer.evaluation;

import com.refractoryatlas.importer.parse.DocumentParser;
import com.refractoryatlas.importer.parse.ParsedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the parser on every document of the corpus and tallies the results per split and per format group, and per
 * document for the dev split (the figures to work from; holdout is reported only in aggregate).
 *
 * <p>Each document is given to {@link DocumentParser#parse(String, byte[], String)} with its file name as the source
 * and no media type: the format must be found from the content, as for a curator's upload without one.
 */
final class Evaluation {

    /** One document's result. */
    record Row(String split, String group, String file, Tally tally, String parsedKind) {}

    final Map<String, Map<String, Tally>> bySplit = new TreeMap<>();
    final List<Row> rows = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    static Evaluation run(DocumentParser parser, Corpus corpus) {
        Evaluation e = new Evaluation();
        for (Gold gold : corpus.golds()) {
            for (GoldDocument d : gold.documents()) {
                byte[] bytes = corpus.bytes(gold, d);
                ParsedView view;
                try {
                    ParsedDocument doc = parser.parse(d.file(), bytes, null);
                    view = ParsedView.of(doc);
                } catch (RuntimeException ex) {
                    e.failures.add(gold.split() + "/" + d.file() + ": " + ex);
                    view = new ParsedView("EXCEPTION", null, null, List.of());
                }
                Tally t = Scoring.score(gold, d, view);
                e.bySplit
                        .computeIfAbsent(gold.split(), s -> new TreeMap<>())
                        .computeIfAbsent(d.group(), g -> new Tally())
                        .add(t);
                e.rows.add(new Row(gold.split(), d.group(), d.file(), t, view.kind()));
            }
        }
        return e;
    }

    int documents() {
        return rows.size();
    }
}
