/** The GraphQL API of conditions (look-ups, pages, their treatments, references and articles) over the shared term model. */
@NullMarked
package com.refractoryatlas.catalog.condition;

import org.jspecify.annotations.NullMarked;
