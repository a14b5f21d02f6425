// Load with autocannon: one GraphQL POST body, fixed connections and duration.
// usage: node load.mjs <url> <body.json> <connections> <seconds>
// prints one JSON object: {rps, p50, p90, p99, requests, errors, non2xx, timeouts}
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [url, bodyFile, connections, seconds] = process.argv.slice(2);
const result = await autocannon({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: readFileSync(bodyFile, 'utf8'),
  connections: Number(connections),
  duration: Number(seconds),
});
console.log(JSON.stringify({
  rps: result.requests.average,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  requests: result.requests.total,
  errors: result.errors,
  non2xx: result.non2xx,
  timeouts: result.timeouts,
}));
