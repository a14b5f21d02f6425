package com.refractoryatlas.references.article;

/** What kind of source document an article is; explainer pages usually have no authors, DOI or references. */
public enum ArticleKind {
    JOURNAL_ARTICLE,
    EXPLAINER,
    /** A reference-manager file or PubMed export imported whole: references only, no sections or citations. */
    REFERENCE_LIST
}
