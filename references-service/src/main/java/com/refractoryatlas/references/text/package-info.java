/** Text normalization shared by identity derivation and search, so both agree on what "the same words" means. */
@NullMarked
package com.refractoryatlas.references.text;

import org.jspecify.annotations.NullMarked;
