// Composes subgraph SDLs with Apollo's own composition (@apollo/composition), the rules Apollo Router/Gateway apply.
// usage: node compose.mjs <name>=<sdl file>[=<subgraph url>] ... [--out supergraph.graphql]
// exit 0 and "COMPOSED" when the SDLs compose; exit 1 with every composition error otherwise.
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args.splice(outIndex, 2)[1] : undefined;
const services = args.map((arg) => {
  const [name, file, url] = arg.split('=');
  return { name, url: url ?? `http://${name}.invalid/graphql`, typeDefs: parse(readFileSync(file, 'utf8')) };
});
const result = composeServices(services);
for (const hint of result.hints ?? []) {
  console.log(`HINT ${hint.definition?.code ?? ''}: ${hint.message}`);
}
if (result.errors && result.errors.length > 0) {
  for (const error of result.errors) {
    console.log(`ERROR ${error.extensions?.code ?? ''}: ${error.message}`);
  }
  process.exit(1);
}
if (out) {
  writeFileSync(out, result.supergraphSdl);
}
console.log('COMPOSED');
