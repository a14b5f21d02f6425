// Started from a same-origin file so that the Content-Security-Policy needs no inline scripts.
//
// Queries and mutations go over HTTP to /graphql; subscriptions over graphql-transport-ws to the same host and
// path (http -> ws, https -> wss), so the page works behind any host name or TLS proxy. GraphiQL's bundle carries
// the graphql-ws client: for each subscription it opens a socket whose connection_init payload is the object in
// the headers editor, so {"Authorization": "Bearer <token>"} there authenticates subscriptions as it does queries.
const graphqlUrl = new URL('/graphql', window.location.href);
const subscriptionUrl = new URL(graphqlUrl.href);
subscriptionUrl.protocol = graphqlUrl.protocol === 'https:' ? 'wss:' : 'ws:';
const fetcher = GraphiQL.createFetcher({ url: graphqlUrl.href, subscriptionUrl: subscriptionUrl.href });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: '{\n  conditions(first: 5) {\n    edges { node { id name specialty } }\n  }\n}\n'
  }));
