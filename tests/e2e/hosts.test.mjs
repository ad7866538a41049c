// The README's nginx and Caddy lines (its "Hosting" section), run as they are written: each is
// taken from README.md, changed only where a test must (the root, a loopback port, the host
// name, where nginx finds its snippet and keeps its files), started on the release build (a
// folder of links to its top-level files and folders, beside which precompressed twins can be
// written) and asked what a browser asks. What they send is compared with what the build's own
// `_headers` gives (as Netlify and Cloudflare Pages send it). The servers come from apt:
// `bash .ci/setup.sh --test` installs them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { accessSync, existsSync, constants as fs } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync, constants as zlib } from 'node:zlib';
import { DIST } from './harness.mjs';
import { headersFor, parseHeadersFile } from './server.mjs';

const README = new URL('../../README.md', import.meta.url);
const SETUP = 'run `bash .ci/setup.sh --test`, which installs it';
/** The README's placeholders, which the test replaces. */
const README_ROOT = '/srv/nextseason/dist';
const README_HOST = 'nextseason.example';
/** An editorial show: its page is in every build. */
const SHOW = '/shows/metallic-rouge';
/** The build's names with a hash of their content. */
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;
/** Paths whose file is given precompressed twins where the build has none (the main wasm is added). */
const TWINNED = ['/'];

let dir; // the temporary folder: the served root (dir/dist) and the servers' files
let root;
let rules; // the build's _headers
let policy;

/** The fenced block of `lang` in README.md. */
async function readmeBlock(lang) {
  const found = (await readFile(README, 'utf8')).match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'));
  assert.ok(found, `README.md has no \`\`\`${lang} block`);
  return found[1];
}

/** `text` with `from` (found exactly once) replaced by `to`. */
function replaceOnce(text, from, to) {
  assert.equal(text.split(from).length, 2, `the README's block should have \`${from}\` once:\n${text}`);
  return text.replace(from, () => to);
}

/** Where `name` is installed (PATH, and the sbin folders a user's PATH may lack), else fails. */
function binary(name) {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  for (const d of dirs.filter(Boolean)) {
    try {
      accessSync(join(d, name), fs.X_OK);
      return join(d, name);
    } catch {}
  }
  assert.fail(`${name} is not installed: ${SETUP}.`);
}

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer().on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/** The README's nginx lines: the snippet written to where the server's `include` finds it
 *  (relative to the configuration's folder, as /etc/nginx's are), the server in a main
 *  configuration that keeps everything in `home`, loads Debian's modules (brotli_static) and
 *  its MIME types, as /etc/nginx/nginx.conf does. */
async function nginxConfig(home, port) {
  const block = await readmeBlock('nginx');
  const parts = block.match(/^# (\/etc\/nginx\/\S+)\n([\s\S]*?)\n\n((?:map [\s\S]*?\n\}\n\n)?)(server \{[\s\S]*)$/);
  assert.ok(parts, `the README's nginx block should be "# /etc/nginx/<snippet>", its lines, a blank line, then the redirects' "map … {…}" and "server {…}":\n${block}`);
  const [, snippetPath, snippet, readmeMap, readmeServer] = parts;
  assert.ok(readmeMap.includes(`include ${README_ROOT}/redirects.nginx;`), `the map should include the build's redirects.nginx:\n${block}`);
  const moved = replaceOnce(readmeMap, `${README_ROOT}/`, `${root}/`);
  const include = relative('/etc/nginx', snippetPath);
  assert.match(readmeServer, new RegExp(`include ${include.replace(/[.]/g, '\\.')};`), `the server should include ${include}`);
  await mkdir(join(home, dirname(include)), { recursive: true });
  await writeFile(join(home, include), snippet);
  let server = replaceOnce(readmeServer, 'listen 80;', `listen 127.0.0.1:${port};`);
  server = replaceOnce(server, `server_name ${README_HOST};`, 'server_name localhost;');
  server = replaceOnce(server, `root ${README_ROOT};`, `root ${root};`);
  // As root, nginx's workers would run as nobody, who may not read the build where it is.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(home, t)};`).join('\n');
  const config = join(home, 'nginx.conf');
  await writeFile(
    config,
    `${user}daemon off;
pid ${join(home, 'nginx.pid')};
error_log stderr;
include /etc/nginx/modules-enabled/*.conf;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
${temp}
${moved}
${server}
}
`,
  );
  return config;
}

/** The README's Caddyfile, on a loopback port in plain HTTP, without the admin endpoint. */
async function caddyConfig(home, port) {
  let site = await readmeBlock('caddy');
  site = replaceOnce(site, `${README_HOST} {`, `http://127.0.0.1:${port} {`);
  site = replaceOnce(site, `root * ${README_ROOT}`, `root * ${root}`);
  site = replaceOnce(site, `import ${README_ROOT}/redirects.caddy`, `import ${root}/redirects.caddy`);
  const config = join(home, 'Caddyfile');
  await writeFile(config, `{\n\tadmin off\n\tauto_https off\n}\n\n${site}`);
  return config;
}

const HOSTS = {
  nginx: async (home, port) => [binary('nginx'), ['-e', 'stderr', '-c', await nginxConfig(home, port)]],
  caddy: async (home, port) => [binary('caddy'), ['run', '--config', await caddyConfig(home, port), '--adapter', 'caddyfile']],
};

/** Starts a host on a free port and waits until it answers; its output is kept for errors. */
async function start(name) {
  const home = join(dir, name);
  await mkdir(home);
  const port = await freePort();
  const [bin, args] = await HOSTS[name](home, port);
  // Caddy keeps its state under HOME and the XDG folders: the test's own.
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data') };
  const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((done) => child.on('exit', done));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      assert.fail(`${name} (${bin} ${args.join(' ')}) exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
    }
    try {
      await get(url, '/');
      break;
    } catch {}
    if (Date.now() > deadline) assert.fail(`${name} did not answer at ${url} within 15 s:\n${output}`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A GET of `path`, its body as sent (not decoded). */
function get(url, path, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request(`${url}${path}`, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to GET ${path} within 10 s`)));
    req.end();
  });
}

/** Where the build has the file of `path`, a URL path (a folder's index.html for a page). */
function fileOf(path) {
  if (path.endsWith('/')) return join(DIST, path, 'index.html');
  // A show's page; its other files (its calendar) have a name with an extension.
  if (path.startsWith('/shows/') && !/\.[a-z]+$/.test(path)) return join(DIST, path, 'index.html');
  return join(DIST, path);
}

const file = (path) => readFile(fileOf(path));

/** The first file (by name) in `folder` or its sub-folders, precompressed twins aside. */
async function firstFile(folder) {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.isFile() && !/\.(br|gz)$/.test(entry.name)) return join(folder, entry.name);
    if (entry.isDirectory()) {
      const found = await firstFile(join(folder, entry.name));
      if (found) return found;
    }
  }
  return undefined;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nextseason-hosts-'));
  // The build's top-level files and folders, linked (not its 25,000 files copied).
  root = join(dir, 'dist');
  await mkdir(root);
  for (const name of await readdir(DIST)) await symlink(join(DIST, name), join(root, name));
  // Twins for the top-level files the build has none for yet, written beside the links as new
  // files (never through a link: 'wx' fails on one). A page's own twins are tested where the build has them.
  const wasm = (await readdir(DIST)).find((n) => /^nextseason-[0-9a-f]{12,16}_bg\.wasm$/.test(n));
  assert.ok(wasm, `no nextseason-<hash>_bg.wasm in ${DIST}`);
  TWINNED.push(`/${wasm}`);
  for (const path of TWINNED) {
    const original = await file(path);
    const twins = {
      br: () => brotliCompressSync(original, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }),
      gz: () => gzipSync(original, { level: 9 }),
    };
    for (const [ext, make] of Object.entries(twins)) {
      await writeFile(join(root, `${relative(DIST, fileOf(path))}.${ext}`), make(), { flag: 'wx' }).catch((e) => {
        if (e.code !== 'EEXIST') throw e;
      });
    }
  }
  if (existsSync(`${fileOf(SHOW)}.br`) && existsSync(`${fileOf(SHOW)}.gz`)) TWINNED.push(SHOW);
  rules = parseHeadersFile(await readFile(join(DIST, '_headers'), 'utf8'));
  policy = headersFor(rules, '/')['content-security-policy'];
  assert.ok(policy, '_headers gives / no Content-Security-Policy');
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

for (const name of Object.keys(HOSTS)) {
  describe(name, () => {
    let host;
    before(async () => {
      host = await start(name);
    });
    after(async () => {
      await host?.stop();
    });

    test('pages: 200, HTML in UTF-8, the build’s policy, nosniff, Referrer-Policy, revalidated', async () => {
      for (const path of ['/', SHOW, `${SHOW}/`, '/index.html', '/embed/']) {
        const res = await get(host.url, path);
        assert.equal(res.status, 200, path);
        assert.equal(res.headers['content-type'].toLowerCase().replace(/\s/g, ''), 'text/html;charset=utf-8', path);
        assert.deepEqual(res.body, await file(path), path);
        assert.equal(res.headers['content-security-policy'], policy, path);
        assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
        assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', path);
        assert.equal(res.headers['cache-control'], 'public, max-age=0, must-revalidate', path);
      }
    });

    test('hashed names are immutable; the widget’s files are open to other origins, the app’s are not', async () => {
      const names = (await readdir(DIST)).filter((n) => HASHED.test(n));
      for (const ext of ['.js', '.wasm', '.css']) assert.ok(names.some((n) => n.endsWith(ext)), `no hashed ${ext} in ${DIST}`);
      for (const n of names) {
        const res = await get(host.url, `/${n}`);
        assert.equal(res.status, 200, n);
        assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', n);
        assert.equal(res.headers['access-control-allow-origin'], n.startsWith('nextseason-embed-') ? '*' : undefined, n);
        if (n.endsWith('.wasm')) assert.equal(res.headers['content-type'], 'application/wasm', n);
      }
      assert.ok(names.some((n) => n.startsWith('nextseason-embed-')), 'no nextseason-embed-<hash> file');
      for (const path of ['/embed.js', '/embed.css', '/data/index.json']) {
        const res = await get(host.url, path);
        assert.equal(res.status, 200, path);
        assert.equal(res.headers['access-control-allow-origin'], '*', path);
        assert.equal(res.headers['cache-control'], 'public, max-age=0, must-revalidate', path);
      }
    });

    test('the calendars and the feed: their types, as a calendar application and a feed reader expect', async () => {
      const folders = await readdir(join(DIST, 'shows'));
      const one = folders.map((slug) => `/shows/${slug}/calendar.ics`).find((path) => existsSync(join(DIST, path)));
      assert.ok(one, 'the build has no show calendar');
      for (const [path, type] of [['/calendar.ics', 'text/calendar'], [one, 'text/calendar'], ['/feed.atom', 'application/atom+xml']]) {
        const res = await get(host.url, path);
        assert.equal(res.status, 200, path);
        assert.equal(res.headers['content-type'].split(';')[0].trim(), type, path);
        assert.deepEqual(res.body, await file(path), path);
        assert.equal(res.headers['cache-control'], 'public, max-age=0, must-revalidate', path);
      }
    });

    test('unknown paths: 404.html with status 404, with the policy, not cached for a year', async () => {
      const page = await readFile(join(DIST, '404.html'));
      for (const path of ['/no/such/page', '/shows/no-such-show', '/nextseason-0000000000000000.js', '/data/no-such-file.json']) {
        const res = await get(host.url, path);
        assert.equal(res.status, 404, path);
        assert.deepEqual(res.body, page, path);
        assert.equal(res.headers['content-security-policy'], policy, path);
        assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
        assert.equal(res.headers['cache-control'], 'public, max-age=0, must-revalidate', path);
      }
    });

    test('a renamed show’s former address: a 301 to its address now, with or without the slash', async () => {
      const { aliases } = JSON.parse(await readFile(join(DIST, 'data', 'aliases.json'), 'utf8'));
      const moved = Object.entries(aliases);
      assert.ok(moved.length > 0, 'the build has no aliases');
      // The first, the last and one between: the lines of the whole map are read.
      for (const [alias, slug] of [moved[0], moved[Math.floor(moved.length / 2)], moved.at(-1)]) {
        for (const path of [`/shows/${alias}`, `/shows/${alias}/`]) {
          const res = await get(host.url, path);
          assert.equal(res.status, 301, `${path}: ${host.output()}`);
          assert.equal(new URL(res.headers.location, host.url).pathname, `/shows/${slug}`, path);
        }
        const now = await get(host.url, `/shows/${slug}`);
        assert.equal(now.status, 200, `/shows/${slug}`);
      }
    });

    test('precompressed twins: br and gzip when asked for, each decoding to the file', async () => {
      for (const path of TWINNED) {
        const original = await file(path);
        const plain = await get(host.url, path);
        assert.equal(plain.headers['content-encoding'], undefined, path);
        assert.deepEqual(plain.body, original, path);
        for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]]) {
          const res = await get(host.url, path, { 'accept-encoding': encoding });
          assert.equal(res.status, 200, `${path} (${encoding})`);
          assert.equal(res.headers['content-encoding'], encoding, path);
          assert.match(res.headers.vary ?? '', /accept-encoding/i, `${path} (${encoding}): Vary`);
          assert.ok(res.body.length < original.length, `${path} (${encoding}): not the twin`);
          assert.deepEqual(decode(res.body), original, `${path} (${encoding})`);
          assert.equal(res.headers['content-security-policy'], policy, path);
        }
      }
    });

    test('every file at the top of the build, and one in each folder, has the headers of _headers', async () => {
      const names = [...new Set(rules.flatMap((r) => Object.keys(r.headers)))];
      const paths = ['/', SHOW];
      for (const entry of await readdir(DIST, { withFileTypes: true })) {
        // _headers and _redirects are the host's own files (Netlify and Cloudflare Pages do not
        // serve them), redirects.nginx and redirects.caddy the servers' (Caddy hides a file its
        // configuration imports); twins are served for their file.
        if (/^(_headers|_redirects|redirects\.(nginx|caddy))$/.test(entry.name) || /\.(br|gz)$/.test(entry.name)) continue;
        if (entry.isFile()) paths.push(`/${entry.name}`);
        else if (entry.isDirectory()) {
          const found = await firstFile(join(DIST, entry.name));
          if (found) paths.push(`/${relative(DIST, found)}`);
        }
      }
      for (const path of paths) {
        const res = await get(host.url, path);
        assert.equal(res.status, 200, path);
        // Every response has a type: compared where _headers gives one (the calendars and the
        // feed), spelled as the server spells it.
        const expected = headersFor(rules, path);
        const type = (value) => value?.toLowerCase().replace(/\s/g, '');
        const sent = Object.fromEntries(names.filter((n) => res.headers[n] !== undefined && (n !== 'content-type' || expected[n])).map((n) => [n, n === 'content-type' ? type(res.headers[n]) : res.headers[n]]));
        if (expected['content-type']) expected['content-type'] = type(expected['content-type']);
        assert.deepEqual(sent, expected, path);
      }
    });
  });
}
