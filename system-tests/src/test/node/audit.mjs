// The graphql-http server audit (GraphQL over HTTP spec) against one endpoint.
// usage: node audit.mjs <url>   prints one JSON array: [{id, name, status: ok|warn|error, reason}]
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
const results = [];
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null });
}
console.log(JSON.stringify(results));
