/** Ingested source documents (journal articles and explainer pages) and their numbered citations. */
@NullMarked
package com.refractoryatlas.references.article;

import org.jspecify.annotations.NullMarked;
