/** The registry that gives every normalized alias of a condition or therapy exactly one owner. */
@NullMarked
package com.refractoryatlas.catalog.alias;

import org.jspecify.annotations.NullMarked;
