import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** A file of an installed package, past its `exports` map. */
const packageFile = (name: string, file: string) => join(dirname(require.resolve(`${name}/package.json`)), file);

/** GraphiQL's files, served from our own node_modules: the page works offline. */
const assets: Record<string, { file: string; type: string }> = {
  '/graphiql/react.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  '/graphiql/react-dom.js': {
    file: packageFile('react-dom', 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  '/graphiql/graphiql.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  '/graphiql/graphiql.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
};

const cache = new Map<string, Buffer>();

export function graphiqlAsset(path: string): { body: Buffer; type: string } | undefined {
  const asset = assets[path];
  if (!asset) return undefined;
  let body = cache.get(path);
  if (!body) {
    body = readFileSync(asset.file);
    cache.set(path, body);
  }
  return { body, type: asset.type };
}

/** The GraphiQL page; the token is kept in the headers tab (demo tokens are listed in the README). */
export function graphiqlPage(defaultToken: string | undefined): string {
  const headers = JSON.stringify(
    JSON.stringify(defaultToken ? { Authorization: `Bearer ${defaultToken}` } : {}, null, 2),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Werkbezoek GraphQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/react.js"></script>
<script src="/graphiql/react-dom.js"></script>
<script src="/graphiql/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    headers: ${headers},
    shouldPersistHeaders: true,
    defaultQuery: '# Werkbezoek: the GraphQL API of VVSG\\'s accompanied work visits.\\n# Authenticate in the Headers tab (demo tokens: demo-management, demo-planner,\\n# demo-analyst, demo-staff, demo-coordinator-<NIS code>).\\n\\nquery Requests {\\n  accompanimentRequests(first: 5) {\\n    edges { node { id status missionType startDate municipality { name } assessment { recommendation explanation } } }\\n    pageInfo { hasNextPage endCursor }\\n  }\\n}\\n',
  }));
</script>
</body>
</html>`;
}
