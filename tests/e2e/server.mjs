// A static file server for the release build, on loopback only, as a static host serves it:
// files as they are, a folder's index.html, 404.html (else index.html) for any other path,
// and a real 404 for missing files under /data/ so that the app can tell a missing shard.
// Optionally also folders at other paths (`mounts`: the build in a sub-folder, a blog beside
// it) and paths answered by one file (`rewrites`, as a host that routes /anime/* to one page),
// and response headers for every file (`headers`: name → value, such as a Content-Security-Policy),
// or those of the build's own `_headers` file (`hostHeaders`, as Netlify and Cloudflare Pages do).
// `precompressed: true` serves the build's `.br` and `.gz` twins as nginx's brotli_static and
// gzip_static do (README, "Precompressed files").
// Usage: node server.mjs <root> [port]   (port 0 picks a free one; the chosen port is printed)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

// Brotli for the benchmark's "as a static host serves it" (compress: true), made once per file.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.xml', '.ics', '.atom']);
const compressed = new Map();

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.atom': 'application/atom+xml',
};

/**
 * The rules of a `_headers` file (Netlify's and Cloudflare Pages' format): a path pattern on a
 * line of its own (`*` matches anything), then its headers, indented, one `Name: value` a line.
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      rules.push({ path: line.trim(), pattern, headers: {} });
    } else {
      const at = line.indexOf(':');
      if (at < 0 || rules.length === 0) throw new Error(`_headers: not a header line: ${line}`);
      const name = line.slice(0, at).trim().toLowerCase();
      if (name in rules.at(-1).headers) throw new Error(`_headers: ${name} twice for ${rules.at(-1).path}`);
      rules.at(-1).headers[name] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/** The headers `rules` give `path`; a header set by two matching rules is an error (hosts differ on it). */
export function headersFor(rules, path) {
  const out = {};
  for (const rule of rules.filter((r) => r.pattern.test(path))) {
    for (const [name, value] of Object.entries(rule.headers)) {
      if (name in out) throw new Error(`_headers: ${name} is set twice for ${path}`);
      out[name] = value;
    }
  }
  return out;
}


// The twin a request may be answered with, as nginx's brotli_static and gzip_static choose it:
// `file.br` when Accept-Encoding allows br, else `file.gz` when it allows gzip, if that twin exists.
// A file with a twin varies by Accept-Encoding, whichever is sent.
async function precompressedTwin(name, acceptEncoding = '') {
  const allowed = (coding) =>
    acceptEncoding.split(',').some((part) => {
      const [token, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return (token === coding || token === '*') && !(q && Number(q.slice(2)) === 0);
    });
  const exists = (file) => stat(file).then((s) => s.isFile(), () => false);
  const [br, gz] = await Promise.all([exists(`${name}.br`), exists(`${name}.gz`)]);
  if (br && allowed('br')) return { file: `${name}.br`, encoding: 'br' };
  if (gz && allowed('gzip')) return { file: `${name}.gz`, encoding: 'gzip' };
  return br || gz ? { vary: true } : null;
}

export function startServer(root, port = 0, { mounts = [], rewrites = [], compress = false, precompressed = false, headers: extra = {}, hostHeaders = false } = {}) {
  root = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    requests.push(path);
    const rewrite = rewrites.find(([prefix]) => path.startsWith(prefix));
    if (rewrite) {
      const body = await readFile(rewrite[1]);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
      return;
    }
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    const base = mount ? resolve(mount[1]) : root;
    const file = normalize(join(base, mount ? path.slice(mount[0].length - 1) : path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    // A host that reads the build's _headers (read at each request: a test may write the build again).
    const fromFile = !mount && hostHeaders ? headersFor(parseHeadersFile(await readFile(join(root, '_headers'), 'utf8')), path) : {};
    const send = async (name, status = 200) => {
      const twin = precompressed ? await precompressedTwin(name, req.headers['accept-encoding']) : null;
      let body = await readFile(twin?.file ?? name);
      const headers = { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...fromFile, ...extra };
      if (twin) headers.vary = 'accept-encoding';
      if (twin?.encoding) headers['content-encoding'] = twin.encoding;
      if (compress && !twin?.encoding && COMPRESSIBLE.has(extname(name)) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        const key = `${name}:${body.length}`;
        if (!compressed.has(key)) compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        body = compressed.get(key);
        headers['content-encoding'] = 'br';
      }
      res.writeHead(status, headers);
      res.end(body);
    };
    const isFile = (name) => stat(name).then((s) => s.isFile(), () => false);
    if (await isFile(file)) return await send(file);
    // A page written at build time: /shows/x is shows/x/index.html.
    if (await isFile(join(file, 'index.html'))) return await send(join(file, 'index.html'));
    if (mount || path.startsWith('/data/') || extname(path) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain', ...fromFile, ...extra }).end('not found');
      return;
    }
    // Any other path: the build's 404.html with status 404 where it has one (GitHub Pages,
    // Netlify, Cloudflare Pages), else the app's page (a single-page host's fallback).
    if (!mount && (await isFile(join(root, '404.html')))) return await send(join(root, '404.html'), 404);
    await send(join(root, 'index.html'));
  });
  return new Promise((ready) =>
    server.listen(port, '127.0.0.1', () => ready({ server, requests, url: `http://127.0.0.1:${server.address().port}` })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startServer(process.argv[2] ?? 'dist', Number(process.argv[3] ?? 0));
  console.log(url);
}
