/**
 * GraphQL subscriptions at the gateway: graphql-transport-ws over WebSocket and GraphQL over SSE on {@code /graphql},
 * each subscription guarded and budgeted like a query and followed on its subgraph through the federation engine.
 */
@NullMarked
package com.refractoryatlas.gateway.subscription;

import org.jspecify.annotations.NullMarked;
