// Hive Gateway's configuration for the federation benchmark (GuildBenchmarkTests): the Rust query planner
// (@graphql-hive/router-runtime) when HIVE_ROUTER_RUNTIME=true, and deduplication of identical in-flight client
// requests when HIVE_DEDUPLICATION=true (what The Guild's benchmark turns on).
import { defineConfig } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';

export const gatewayConfig = defineConfig({
  ...(process.env.HIVE_ROUTER_RUNTIME === 'true' ? { unifiedGraphHandler } : {}),
  inboundInflightRequestDeduplication: process.env.HIVE_DEDUPLICATION === 'true',
});
