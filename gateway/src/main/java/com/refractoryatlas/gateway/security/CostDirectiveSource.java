package com.refractoryatlas.gateway.security;

import graphql.schema.GraphQLSchema;

/** Where the demand-control directives of the supergraph in service come from. */
@FunctionalInterface
interface CostDirectiveSource {

    /** No directives: every field is weighed by the specification's defaults. */
    CostDirectiveSource NONE = schema -> CostDirectives.NONE;

    /** The directives of the subgraphs the given supergraph was composed from. */
    CostDirectives forSchema(GraphQLSchema schema);
}
