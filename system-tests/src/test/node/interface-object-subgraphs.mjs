// The two entity-interface subgraphs of the gateway's InterfaceObjectTests on one port, for the interface-object
// differential test: media (interface Media @key(fields: "id") with Book and Movie) and reviews
// (type Media @key(fields: "id") @interfaceObject), the same data as the Java test subgraphs.
// usage: node interface-object-subgraphs.mjs <port> <sdl dir>
// POST /<subgraph> answers GraphQL over HTTP (the SDL served verbatim as _service { sdl }); GET /health answers OK.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Kind, buildASTSchema, execute, isInterfaceType, parse, validate } from 'graphql';

const [port, sdlDir] = process.argv.slice(2);

const MEDIA = [
  { __typename: 'Book', id: 'b1', title: 'Dune', author: 'Herbert' },
  { __typename: 'Movie', id: 'm1', title: 'Alien', director: 'Scott' },
  { __typename: 'Book', id: 'b2', title: 'Emma', author: 'Austen' },
];
const RATINGS = { b1: 5, m1: 4, b2: 3 };
const review = (id) => ({ __typename: 'Media', id, rating: RATINGS[id] ?? 0, reviews: [`${id} is good`, `${id} is long`] });

const RESOLVERS = {
  media: {
    Query: { media: () => MEDIA, book: (_, { id }) => MEDIA.find((m) => m.id === id && m.__typename === 'Book') },
    // a representation typed as the interface is resolved to the concrete implementation
    entities: (rep) => MEDIA.find((m) => m.id === rep.id) ?? null,
  },
  reviews: {
    Query: { topRated: () => [review('m1'), review('b1')], reviewed: (_, { id }) => review(id) },
    entities: (rep) => (rep.__typename === 'Media' ? review(rep.id) : null),
  },
};

/** The subgraph SDL as plain GraphQL: federation directives and links dropped, _service and _entities added. */
function executableSchema(name, sdl) {
  const definitions = [];
  const entities = [];
  for (const definition of parse(sdl).definitions) {
    if ([Kind.DIRECTIVE_DEFINITION, Kind.SCHEMA_EXTENSION, Kind.SCHEMA_DEFINITION].includes(definition.kind)) continue;
    const keyed = (definition.directives ?? []).some((directive) => directive.name.value === 'key');
    if (keyed && definition.kind === Kind.OBJECT_TYPE_DEFINITION) entities.push(definition.name.value);
    definitions.push({
      ...definition,
      directives: [],
      fields: definition.fields?.map((field) => ({ ...field, directives: [] })),
    });
  }
  const federation = parse(`
    scalar _Any
    type _Service { sdl: String }
    union _Entity = ${entities.join(' | ')}
    extend type Query { _service: _Service! _entities(representations: [_Any!]!): [_Entity]! }`);
  const schema = buildASTSchema(
    { kind: Kind.DOCUMENT, definitions: [...definitions, ...federation.definitions] },
    { assumeValidSDL: true },
  );
  const resolvers = RESOLVERS[name];
  const query = schema.getQueryType().getFields();
  for (const [fieldName, resolve] of Object.entries(resolvers.Query)) query[fieldName].resolve = resolve;
  query._service.resolve = () => ({ sdl });
  query._entities.resolve = (_, { representations }) => representations.map(resolvers.entities);
  schema.getType('_Entity').resolveType = (value) => value.__typename;
  const media = schema.getType('Media');
  if (isInterfaceType(media)) media.resolveType = (value) => value.__typename;
  return schema;
}

const schemas = Object.fromEntries(
  ['media', 'reviews'].map((name) => [name, executableSchema(name, readFileSync(`${sdlDir}/${name}.graphqls`, 'utf8'))]),
);

const answer = (subgraph, body) => {
  const request = JSON.parse(body);
  const document = parse(request.query ?? '');
  const schema = schemas[subgraph];
  const invalid = validate(schema, document);
  if (invalid.length > 0) return { errors: invalid.map((error) => ({ message: error.message })) };
  const result = execute({ schema, document, variableValues: request.variables ?? {}, operationName: request.operationName ?? undefined });
  return JSON.parse(JSON.stringify(result));
};

const server = createServer((req, res) => {
  const subgraph = req.url.replace(/^\//, '').replace(/\?.*$/, '');
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
    return;
  }
  if (!schemas[subgraph]) {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let result;
    try {
      result = answer(subgraph, Buffer.concat(chunks).toString('utf8'));
    } catch (error) {
      result = { errors: [{ message: error.message }] };
    }
    const bytes = Buffer.from(JSON.stringify(result));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length }).end(bytes);
  });
});
server.listen(Number(port), '127.0.0.1', () => console.log(`READY ${port}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
