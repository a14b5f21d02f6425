/** MongoDB for every service: the real server named by {@code MONGODB_URI}, else an embedded MongoDB-wire server. */
@NullMarked
package com.refractoryatlas.mongo;

import org.jspecify.annotations.NullMarked;
