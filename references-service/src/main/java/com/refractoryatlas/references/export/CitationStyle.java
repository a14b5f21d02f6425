package com.refractoryatlas.references.export;

/** The citation styles {@code Reference.formatted} renders. */
public enum CitationStyle {
    /** Citing Medicine (NLM), the Vancouver system: numbered, so the rendered entry's own number is dropped. */
    VANCOUVER(true),
    /** APA 7th edition, author-date. */
    APA(false);

    private final boolean numbered;

    CitationStyle(boolean numbered) {
        this.numbered = numbered;
    }

    boolean numbered() {
        return numbered;
    }
}
