package com.refractoryatlas.importer.evaluation;

import java.util.EnumMap;
import java.util.Map;

/** Counts for one group of documents (a format in a split); mutable, filled by {@link Scoring}. */
final class Tally {

    int documents;
    int kindCorrect;
    int titleEvaluated;
    int titleExact;
    int authorEvaluated;
    int authorExact;
    int goldReferences;
    int found;
    int parsedReferences;
    int spurious;
    int wholeEvaluated;
    int wholeExact;
    final Map<Field, int[]> fields = new EnumMap<>(Field.class);

    Tally() {
        for (Field f : Field.values()) {
            fields.put(f, new int[2]);
        }
    }

    void field(Field f, boolean exact) {
        int[] c = fields.get(f);
        c[0]++;
        if (exact) {
            c[1]++;
        }
    }

    int evaluated(Field f) {
        return fields.get(f)[0];
    }

    int exact(Field f) {
        return fields.get(f)[1];
    }

    int pooledEvaluated() {
        return fields.values().stream().mapToInt(c -> c[0]).sum();
    }

    int pooledExact() {
        return fields.values().stream().mapToInt(c -> c[1]).sum();
    }

    void add(Tally o) {
        documents += o.documents;
        kindCorrect += o.kindCorrect;
        titleEvaluated += o.titleEvaluated;
        titleExact += o.titleExact;
        authorEvaluated += o.authorEvaluated;
        authorExact += o.authorExact;
        goldReferences += o.goldReferences;
        found += o.found;
        parsedReferences += o.parsedReferences;
        spurious += o.spurious;
        wholeEvaluated += o.wholeEvaluated;
        wholeExact += o.wholeExact;
        for (Field f : Field.values()) {
            fields.get(f)[0] += o.fields.get(f)[0];
            fields.get(f)[1] += o.fields.get(f)[1];
        }
    }
}
