// The standard tools' schema downloads, run for real against one GraphQL endpoint:
//   graphql-js getIntrospectionQuery with every option + buildClientSchema,
//   GraphiQL (the @graphiql/react provider the bundled GraphiQL 2.4.7 is built on, with @graphiql/toolkit's fetcher),
//   graphql-codegen (@graphql-codegen/cli generate, schema-ast plugin, schema loaded from the URL).
// usage: node introspection.mjs <url> <workDir>   prints one JSON object: { tool: { ok, ... } }
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { getIntrospectionQuery, buildClientSchema, buildSchema } from 'graphql';

const [url, workDir] = process.argv.slice(2);
mkdirSync(workDir, { recursive: true });
const results = {};

async function graphqlJs() {
  const query = getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, operationName: 'IntrospectionQuery' }),
  });
  const body = await response.json();
  if (body.errors) return { ok: false, status: response.status, errors: body.errors };
  const schema = buildClientSchema(body.data);
  return { ok: true, status: response.status, types: Object.keys(schema.getTypeMap()).length };
}

async function graphiql() {
  // @graphiql/react reads window, navigator and localStorage when it loads; give it the minimum of a browser
  const store = new Map();
  globalThis.window = globalThis;
  Object.defineProperty(globalThis, 'navigator', { value: { platform: 'Linux', userAgent: 'node' }, configurable: true });
  globalThis.localStorage = {
    getItem: (key) => store.get(key) ?? null,
    setItem: (key, value) => store.set(key, String(value)),
    removeItem: (key) => store.delete(key),
    clear: () => store.clear(),
    key: (index) => [...store.keys()][index] ?? null,
    get length() { return store.size; },
  };
  window.addEventListener = () => {};
  window.removeEventListener = () => {};
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  const React = (await import('react')).default;
  const TestRenderer = (await import('react-test-renderer')).default;
  const { GraphiQLProvider, useSchemaContext } = await import('@graphiql/react');
  const { createGraphiQLFetcher } = await import('@graphiql/toolkit');
  const sent = [];
  const realFetcher = createGraphiQLFetcher({ url });
  const fetcher = (params, options) => {
    sent.push(params.operationName ?? null);
    return realFetcher(params, options);
  };
  let context = null;
  function Probe() {
    context = useSchemaContext({ nonNull: true });
    return null;
  }
  let renderer;
  await TestRenderer.act(async () => {
    renderer = TestRenderer.create(React.createElement(GraphiQLProvider, { fetcher }, React.createElement(Probe)));
  });
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline && !(context && (context.schema || context.fetchError))) {
    await TestRenderer.act(async () => { await new Promise((resolve) => setTimeout(resolve, 100)); });
  }
  const outcome = context?.schema
    ? { ok: true, requests: sent, types: Object.keys(context.schema.getTypeMap()).length,
        validationErrors: context.validationErrors.map((e) => e.message) }
    : { ok: false, requests: sent, fetchError: context?.fetchError ?? 'no schema within 30 s' };
  renderer.unmount();
  return outcome;
}

async function codegen() {
  const { generate } = await import('@graphql-codegen/cli');
  const output = join(workDir, 'codegen-schema.graphql');
  await generate({ schema: url, generates: { [output]: { plugins: ['schema-ast'] } }, silent: true }, true);
  const schema = buildSchema(readFileSync(output, 'utf8'));
  return { ok: true, types: Object.keys(schema.getTypeMap()).length, output };
}

for (const [name, run] of Object.entries({ graphqlJs, graphiql, codegen })) {
  try {
    results[name] = await run();
  } catch (e) {
    results[name] = { ok: false, reason: String(e?.stack ?? e) };
  }
}
writeFileSync(join(workDir, 'introspection-results.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results));
process.exit(0);
