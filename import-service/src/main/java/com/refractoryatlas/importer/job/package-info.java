/** Import jobs: one per imported document, with status, progress, counts and errors. */
@NullMarked
package com.refractoryatlas.importer.job;

import org.jspecify.annotations.NullMarked;
