import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OperationRegistry } from './createOperationRegistry.js';

/** Serves one GET path of the console or the GraphQL IDE; false when the path is not one of them. */
export type StaticRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

interface Asset {
  readonly body: Buffer;
  readonly type: string;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8', '.json': 'application/json' };

/** The package root: the nearest folder above this file that holds package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('console: package.json not found above the gateway code');
    dir = up;
  }
  return dir;
}

function typeOf(path: string): string {
  return TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
}

/**
 * The agent console's routes (issue 14), all served from this process, no CDN:
 * - `GET /console` the page (an import map points `preact`, `preact/hooks` and `htm` at /console/vendor/);
 * - `GET /console/*.js|css` the console, compiled from web/console by `npm run build` into dist/web/console;
 * - `GET /console/vendor/*.js` Preact, its hooks and htm as ES modules, read from node_modules;
 * - `GET /console/operations.json` the registered operations' ids by name (never their text).
 * Files are read once, at the first request, and kept (a few tens of kB). A missing build answers 503 with
 * what to run. Responses carry a Content-Security-Policy that allows only this origin's scripts and the
 * import map (by hash).
 */
export function createConsoleRoutes(registry: OperationRegistry): StaticRoutes {
  const root = packageRoot();
  const require = createRequire(import.meta.url);
  const cache = new Map<string, Asset | null>();
  const vendor: Record<string, string> = {
    'preact.module.js': join(dirname(require.resolve('preact/package.json')), 'dist', 'preact.module.js'),
    'hooks.module.js': join(dirname(require.resolve('preact/package.json')), 'hooks', 'dist', 'hooks.module.js'),
    'htm.module.js': join(dirname(require.resolve('htm')), 'htm.module.js'),
  };
  const importMap = JSON.stringify({ imports: { preact: '/console/vendor/preact.module.js', 'preact/hooks': '/console/vendor/hooks.module.js', htm: '/console/vendor/htm.module.js' } });
  const importMapHash = createHash('sha256').update(importMap).digest('base64');
  const csp = `default-src 'self'; script-src 'self' 'sha256-${importMapHash}'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>c360 agent console</title>
<link rel="stylesheet" href="/console/console.css">
<script type="importmap">${importMap}</script>
<script type="module" src="/console/app.js"></script>
</head>
<body><div id="app"><main><h1>c360 agent console</h1><p>Loading…</p></main></div></body>
</html>
`;
  const operations = JSON.stringify(registry.idsByName);

  function load(path: string): Asset | null {
    if (!cache.has(path)) cache.set(path, existsSync(path) ? { body: readFileSync(path), type: typeOf(path) } : null);
    return cache.get(path) ?? null;
  }

  function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' });
    res.end(body);
  }

  return (req, res, url) => {
    const path = url.pathname;
    if (path !== '/console' && !path.startsWith('/console/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
      return true;
    }
    if (path === '/console' || path === '/console/') {
      send(res, 200, TYPES['.html']!, page);
      return true;
    }
    if (path === '/console/operations.json') {
      send(res, 200, TYPES['.json']!, operations);
      return true;
    }
    const name = path.slice('/console/'.length);
    const file = name.startsWith('vendor/') ? vendor[name.slice('vendor/'.length)] : /^[\w-]+\.(js|css)$/.test(name) ? join(root, 'dist', 'web', 'console', name) : undefined;
    const asset = file ? load(file) : null;
    if (asset) send(res, 200, asset.type, asset.body);
    else if (file && !name.startsWith('vendor/')) send(res, 503, 'text/plain; charset=utf-8', 'console not built: run `npm run build`');
    else send(res, 404, 'text/plain; charset=utf-8', 'not found');
    return true;
  };
}
