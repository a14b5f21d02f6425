// The four subgraphs of The Guild's federation gateway benchmark (accounts, inventory, products, reviews) on one
// port, with the benchmark's static data and the resolver semantics of its async-graphql subgraphs, for our
// benchmark and differential tests. usage:
//   node guild-subgraphs.mjs <port> <sdl dir> [--replay recorded.jsonl] [--record recorded.jsonl] [--workers N]
// POST /<subgraph> answers GraphQL over HTTP; GET /health answers OK; GET /stats gives {replayed, computed}.
//
// Each distinct request body is executed once by the implementation below (graphql-js over the subgraph's own SDL,
// read from <sdl dir>/<subgraph>.graphql and served verbatim as _service { sdl }) and its answer kept as bytes; every
// later request with the same body is answered from memory, so that the subgraphs cost next to nothing under load.
// --replay preloads answers recorded earlier (one JSON object per line: subgraph, body, answer); --record appends
// every answer computed here to that file. Prints "READY <port>" when listening.
import { readFileSync, appendFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import cluster from 'node:cluster';
import { Kind, buildASTSchema, execute, parse, validate } from 'graphql';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args.splice(index, 2)[1] : undefined;
};
const replayFile = option('--replay');
const recordFile = option('--record');
const workers = Number(option('--workers') ?? '1');
const [port, sdlDir] = args;

// ---------------------------------------------------------------- the benchmark's data

const USERS = [
  ['1', 'Uri Goldshtein', 'urigo'],
  ['2', 'Dotan Simha', 'dotansimha'],
  ['3', 'Kamil Kisiela', 'kamilkisiela'],
  ['4', 'Arda Tanrikulu', 'ardatan'],
  ['5', 'Gil Gardosh', 'gilgardosh'],
  ['6', 'Laurin Quast', 'laurin'],
].map(([id, name, username]) => ({ __typename: 'User', id, name, username, birthday: 1234567890 }));

const PRODUCTS = [
  ['1', 'Table', 899, 100],
  ['2', 'Couch', 1299, 1000],
  ['3', 'Glass', 15, 20],
  ['4', 'Chair', 499, 100],
  ['5', 'TV', 1299, 1000],
  ['6', 'Lamp', 6999, 300],
  ['7', 'Grill', 3999, 2000],
  ['8', 'Fridge', 100000, 6000],
  ['9', 'Sofa', 9999, 800],
].map(([upc, name, price, weight]) => ({ __typename: 'Product', upc, name, price, weight }));

const IN_STOCK = { 1: true, 2: false, 3: false, 4: false, 5: true, 6: true, 7: true, 8: false, 9: true };

const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.';
const SED =
  'Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi';
const QUIA =
  'sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.';
const MINIMA =
  'Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem';
const VERO =
  'At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat.';

const REVIEWS = [
  ['1', LOREM, '1'],
  ['2', SED, '1'],
  ['3', QUIA, '1'],
  ['4', MINIMA, '1'],
  ['5', LOREM, '2'],
  ['6', SED, '2'],
  ['7', QUIA, '2'],
  ['8', MINIMA, '2'],
  ['9', MINIMA, '3'],
  ['10', MINIMA, '4'],
  ['11', VERO, '4'],
].map(([id, body, upc]) => ({ __typename: 'Review', id, body, product: { __typename: 'Product', upc } }));

// ---------------------------------------------------------------- resolvers, as the benchmark's subgraphs answer

// reviews: every author is user 1 with the username it provides; a User entity has reviews 1 and 2 and the
// username "user"; a Product entity's reviews are those of its upc.
const reviewsOfUser = () => REVIEWS.slice(0, 2);
const reviewsResolvers = {
  Review: { author: () => ({ __typename: 'User', id: '1', username: 'urigo' }) },
  User: { reviews: reviewsOfUser },
  Product: { reviews: (product) => REVIEWS.filter((review) => review.product.upc === product.upc) },
  entities: {
    Review: (rep) => REVIEWS.find((review) => review.id === rep.id),
    User: (rep) => ({ __typename: 'User', id: rep.id, username: 'user' }),
    Product: (rep) => ({ __typename: 'Product', upc: rep.upc }),
  },
};

// inventory: the entity resolver reads only the upc, so price and weight stay unset and shippingEstimate is null,
// as the benchmark's inventory subgraph answers (its published expected answer has shippingEstimate: null).
const inventoryResolvers = {
  Product: {
    shippingEstimate: (product) => {
      if (product.price == null) return null;
      if (product.price > 1000) return 0;
      return product.weight == null ? null : Math.trunc(product.weight / 2);
    },
  },
  entities: {
    Product: (rep) => ({ __typename: 'Product', upc: rep.upc, inStock: IN_STOCK[rep.upc], price: null, weight: null }),
  },
};

const RESOLVERS = {
  accounts: {
    Query: {
      me: () => USERS[0],
      user: (_, { id }) => USERS.find((user) => user.id === id),
      users: () => USERS,
    },
    entities: { User: (rep) => USERS.find((user) => user.id === rep.id) },
  },
  inventory: inventoryResolvers,
  products: {
    Query: { topProducts: (_, { first }) => PRODUCTS.slice(0, first ?? 5) },
    entities: { Product: (rep) => PRODUCTS.find((product) => product.upc === rep.upc) },
  },
  reviews: reviewsResolvers,
};

// ---------------------------------------------------------------- executable schemas from the subgraph SDLs

/** The subgraph SDL as plain GraphQL: type extensions become types, federation directives and links are dropped. */
function executableSchema(name, sdl) {
  const document = parse(sdl);
  const definitions = [];
  const entities = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.DIRECTIVE_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) continue;
    if (definition.kind === Kind.SCHEMA_DEFINITION) continue;
    const kind = definition.kind === Kind.OBJECT_TYPE_EXTENSION ? Kind.OBJECT_TYPE_DEFINITION : definition.kind;
    if ((definition.directives ?? []).some((directive) => directive.name.value === 'key')) {
      entities.push(definition.name.value);
    }
    definitions.push({
      ...definition,
      kind,
      directives: [],
      fields: definition.fields?.map((field) => ({ ...field, directives: [] })),
    });
  }
  const hasQuery = definitions.some((definition) => definition.name?.value === 'Query');
  const federation = parse(`
    scalar _Any
    type _Service { sdl: String }
    ${entities.length ? `union _Entity = ${entities.join(' | ')}` : ''}
    ${hasQuery ? 'extend type Query' : 'type Query'} {
      _service: _Service!
      ${entities.length ? '_entities(representations: [_Any!]!): [_Entity]!' : ''}
    }`);
  const schema = buildASTSchema(
    { kind: Kind.DOCUMENT, definitions: [...definitions, ...federation.definitions] },
    { assumeValidSDL: true },
  );
  const resolvers = RESOLVERS[name];
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (typeName === 'entities') continue;
    const type = schema.getType(typeName);
    for (const [fieldName, resolve] of Object.entries(fields)) {
      type.getFields()[fieldName].resolve = resolve;
    }
  }
  const query = schema.getQueryType().getFields();
  query._service.resolve = () => ({ sdl });
  if (query._entities) {
    query._entities.resolve = (_, { representations }) =>
      representations.map((rep) => resolvers.entities[rep.__typename]?.(rep) ?? null);
    schema.getType('_Entity').resolveType = (value) => value.__typename;
  }
  return schema;
}

// ---------------------------------------------------------------- the server

const SUBGRAPHS = ['accounts', 'inventory', 'products', 'reviews'];

function start() {
  const schemas = Object.fromEntries(
    SUBGRAPHS.map((name) => [name, executableSchema(name, readFileSync(`${sdlDir}/${name}.graphql`, 'utf8'))]),
  );
  const answers = new Map();
  const stats = { replayed: 0, computed: 0 };
  if (replayFile && existsSync(replayFile)) {
    for (const line of readFileSync(replayFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { subgraph, body, answer } = JSON.parse(line);
      answers.set(`${subgraph}\n${body}`, Buffer.from(JSON.stringify(answer)));
    }
  }

  const compute = (subgraph, body) => {
    let request;
    try {
      request = JSON.parse(body);
    } catch {
      return { errors: [{ message: 'request body is not JSON' }] };
    }
    let document;
    try {
      document = parse(request.query ?? '');
    } catch (error) {
      return { errors: [{ message: error.message }] };
    }
    const schema = schemas[subgraph];
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      return { errors: invalid.map((error) => ({ message: error.message })) };
    }
    const result = execute({
      schema,
      document,
      variableValues: request.variables ?? {},
      operationName: request.operationName ?? undefined,
    });
    return JSON.parse(JSON.stringify(result));
  };

  const server = createServer((req, res) => {
    const subgraph = req.url.replace(/^\//, '').replace(/\?.*$/, '');
    if (req.method === 'GET') {
      const text = subgraph === 'stats' ? JSON.stringify(stats) : 'OK';
      res.writeHead(200, { 'content-type': 'text/plain' }).end(text);
      return;
    }
    if (!schemas[subgraph]) {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const key = `${subgraph}\n${body}`;
      let answer = answers.get(key);
      if (answer) {
        stats.replayed++;
      } else {
        stats.computed++;
        const computed = compute(subgraph, body);
        answer = Buffer.from(JSON.stringify(computed));
        answers.set(key, answer);
        if (recordFile) {
          appendFileSync(recordFile, JSON.stringify({ subgraph, body, answer: computed }) + '\n');
        }
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length }).end(answer);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(port), '127.0.0.1', () => console.log(`READY ${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  const stop = () => {
    for (const worker of Object.values(cluster.workers)) worker.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  start();
}
