/** GraphiQL, served from bundled assets so that it works without internet access. */
@NullMarked
package com.refractoryatlas.gateway.graphiql;

import org.jspecify.annotations.NullMarked;
