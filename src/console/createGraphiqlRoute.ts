import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { StaticRoutes } from './createConsoleRoutes.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>c360 GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script src="/graphiql/init.js"></script>
</body>
</html>
`;

// Sends the headers typed in GraphiQL's header editor (e.g. the demo token) with every request.
const INIT = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultHeaders: JSON.stringify({ authorization: 'Bearer <paste the token or API key npm start printed>' }, null, 2),
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers',
  }));
})();
`;

/**
 * The offline GraphQL IDE (issue 14): `GET /graphql` from a browser (Accept: text/html) answers GraphiQL 3
 * (React 18 UMD builds), and `GET /graphiql/*` its assets, all read from node_modules: no CDN. Sign in by
 * putting `authorization: Bearer <token>` in GraphiQL's headers editor. Introspection must be open for the
 * caller (server.introspection or the `schema:read` scope). Files are read once and kept.
 */
export function createGraphiqlRoute(): StaticRoutes {
  const require = createRequire(import.meta.url);
  const files: Record<string, string> = {
    'react.production.min.js': join(dirname(require.resolve('react/package.json')), 'umd', 'react.production.min.js'),
    'react-dom.production.min.js': join(dirname(require.resolve('react-dom/package.json')), 'umd', 'react-dom.production.min.js'),
    'graphiql.min.js': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
    'graphiql.min.css': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
  };
  const cache = new Map<string, Buffer | null>();
  const send = (res: Parameters<StaticRoutes>[1], status: number, type: string, body: string | Buffer): void => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' });
    res.end(body);
  };
  return (req, res, url) => {
    const get = req.method === 'GET' || req.method === 'HEAD';
    if (url.pathname === '/graphql') {
      const accept = req.headers.accept ?? '';
      if (!get || !accept.includes('text/html') || url.searchParams.has('query')) return false;
      send(res, 200, 'text/html; charset=utf-8', PAGE);
      return true;
    }
    if (!url.pathname.startsWith('/graphiql/') || !get) return false;
    const name = url.pathname.slice('/graphiql/'.length);
    if (name === 'init.js') {
      send(res, 200, 'text/javascript; charset=utf-8', INIT);
      return true;
    }
    const file = files[name];
    if (file && !cache.has(name)) cache.set(name, existsSync(file) ? readFileSync(file) : null);
    const body = file ? cache.get(name) : null;
    if (body) send(res, 200, name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8', body);
    else send(res, 404, 'text/plain; charset=utf-8', 'not found');
    return true;
  };
}
