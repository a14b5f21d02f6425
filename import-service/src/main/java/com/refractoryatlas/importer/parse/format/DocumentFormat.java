package com.refractoryatlas.importer.parse.format;

/** The formats the parser reads. Add, never rename: jobs store the name. */
public enum DocumentFormat {
    /** A PDF file (PDFBox). */
    PDF,
    /** JATS or NLM XML of an article (PubMed Central, eLife, publishers). */
    JATS_XML,
    /** A PubMed/MEDLINE XML export ({@code PubmedArticleSet}). */
    PUBMED_XML,
    /** An EndNote XML export ({@code <xml><records>}). */
    ENDNOTE_XML,
    /** A BibTeX file. */
    BIBTEX,
    /** A RIS file. */
    RIS,
    /** CSL-JSON (an array of items, or one item). */
    CSL_JSON,
    /** PubMed's MEDLINE text ({@code PMID- }, {@code TI  - }, {@code FAU - } ...; .nbib, PubMed's "PubMed" format). */
    MEDLINE,
    /** EndNote's tagged export ({@code %0 Journal Article}, {@code %A}, {@code %T}...; .enw). */
    ENDNOTE,
    /** Text: the seed layouts, Markdown, plain text and the text a PDF viewer or pdftotext gives. */
    TEXT
}
