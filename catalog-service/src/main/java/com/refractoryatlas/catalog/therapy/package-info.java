/** The GraphQL API of therapies (look-ups, pages, their treatments) over the shared term model. */
@NullMarked
package com.refractoryatlas.catalog.therapy;

import org.jspecify.annotations.NullMarked;
