// Apollo's reference gateway (@apollo/gateway + @apollo/server standalone) against running subgraphs, for the
// differential tests and the benchmarks. usage: node apollo-gateway.mjs <port> <name>=<url> ...
// Prints "READY <url>" once it serves; exposes query plans when asked (header Apollo-Query-Plan-Experimental: 1).
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';

const [port, ...subgraphArgs] = process.argv.slice(2);
const subgraphs = subgraphArgs.map((arg) => {
  const [name, url] = arg.split('=');
  return { name, url };
});
// the subgraphs answer _service (composition) and _entities only with the internal credential, as our gateway sends
// it; the differential clients are anonymous, so, like our gateway, this one says so (a credential without a user is
// one of our own services, which may see every import job)
const serviceToken = process.env.ATLAS_SERVICE_TOKEN ?? '';
class CredentialedDataSource extends RemoteGraphQLDataSource {
  willSendRequest({ request }) {
    if (serviceToken) {
      request.http.headers.set('x-atlas-service-token', serviceToken);
      request.http.headers.set('x-atlas-user-roles', 'anonymous');
    }
  }
}
const gateway = new ApolloGateway({
  supergraphSdl: new IntrospectAndCompose({ subgraphs }),
  buildService: ({ url }) => new CredentialedDataSource({ url }),
  __exposeQueryPlanExperimental: true,
});
const server = new ApolloServer({
  gateway,
  introspection: true,
  csrfPrevention: false,
  includeStacktraceInErrorResponses: false,
});
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
console.log(`READY ${url}`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
