/** Citation exports: formatted citations (citeproc-java with the official CSL styles), BibTeX and RIS. */
@NullMarked
package com.refractoryatlas.references.export;

import org.jspecify.annotations.NullMarked;
