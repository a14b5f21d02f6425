// Started from a same-origin file so that the Content-Security-Policy needs no inline scripts.
const fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: '{\n  conditions(first: 5) {\n    edges { node { id name specialty } }\n  }\n}\n'
  }));
