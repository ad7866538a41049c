// The release build's precompressed twins (README, "Precompressed files"), read from the full
// build in DIST: every `.br` and `.gz` decodes to its original, byte for byte; every text-like
// file over 1 KB has both, and no other file has any. Then the build served as nginx's
// brotli_static and gzip_static serve it (server.mjs, `precompressed`): the twin the request
// accepts, with its Content-Encoding and the original's type, and the site working on it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { get } from 'node:http';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';
import { DIST, open } from './harness.mjs';
import { startServer } from './server.mjs';

// As src/bin/nextseason-precompress/rules.rs.
const COMPRESSIBLE = new Set(['.html', '.htm', '.js', '.mjs', '.css', '.json', '.map', '.wasm', '.svg', '.txt', '.xml', '.ico', '.webmanifest', '.ttf', '.otf', '.ics', '.atom']);
const MIN_SIZE = 1024;
const TWIN = /\.(br|gz)$/;
const DECODE = { '.br': promisify(brotliDecompress), '.gz': promisify(gunzip) };

/** Every file of the build (relative path → size). */
let files;
before(async () => {
  files = new Map();
  for (const entry of await readdir(DIST, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    files.set(relative(DIST, path), null);
  }
  await Promise.all([...files.keys()].map(async (name) => files.set(name, (await stat(join(DIST, name))).size)));
});

const twinsOf = (name) => [`${name}.br`, `${name}.gz`];
const wanted = (name, size) => COMPRESSIBLE.has(extname(name).toLowerCase()) && size > MIN_SIZE;

test('the build has twins (NEXTSEASON_PRECOMPRESS is on by default)', () => {
  const twins = [...files.keys()].filter((name) => TWIN.test(name));
  assert.ok(twins.length > 0, `no .br or .gz in ${DIST}: was it built with NEXTSEASON_PRECOMPRESS=off?`);
});

test('every .br and .gz decodes to its original', async () => {
  const twins = [...files.keys()].filter((name) => TWIN.test(name));
  const wrong = [];
  const check = async (name) => {
    const original = name.slice(0, -3);
    if (!files.has(original)) return wrong.push(`${name}: no original beside it`);
    const [twin, expected] = await Promise.all([readFile(join(DIST, name)), readFile(join(DIST, original))]);
    const decoded = await DECODE[extname(name)](twin).catch((error) => error);
    if (decoded instanceof Error) wrong.push(`${name}: ${decoded.message}`);
    else if (!decoded.equals(expected)) wrong.push(`${name}: decodes to ${decoded.length} bytes that differ from its original's ${expected.length}`);
  };
  // A few at a time: zlib decodes on Node's worker threads, on every core.
  for (let i = 0; i < twins.length; i += 64) await Promise.all(twins.slice(i, i + 64).map(check));
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${twins.length} twins do not decode to their original`);
});

test('every text-like file over 1 KB has both twins, and no other file has one', () => {
  const missing = [];
  const unwanted = [];
  for (const [name, size] of files) {
    if (TWIN.test(name)) {
      // No twin of a twin, and a twin only beside a file that should have one.
      const original = name.slice(0, -3);
      if (TWIN.test(original) || !wanted(original, files.get(original))) unwanted.push(name);
    } else if (wanted(name, size)) {
      missing.push(...twinsOf(name).filter((twin) => !files.has(twin)));
    }
  }
  assert.deepEqual(
    { missing: missing.slice(0, 10), unwanted: unwanted.slice(0, 10) },
    { missing: [], unwanted: [] },
    `${missing.length} twins missing, ${unwanted.length} that should not be there`,
  );
  // The rule's edges are met in the build: small files (robots.txt, the start script) and
  // files of other types stay alone.
  assert.ok([...files].some(([name, size]) => COMPRESSIBLE.has(extname(name)) && size <= MIN_SIZE && !files.has(`${name}.br`)));
});

/** A raw response (Node's http does not decode), as a static host sends it. */
function raw(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('served as brotli_static and gzip_static serve it: the accepted twin, with its encoding', async () => {
  const { server, url } = await startServer(DIST, 0, { precompressed: true });
  try {
    const page = await readFile(join(DIST, 'shows', 'metallic-rouge', 'index.html'));
    const address = `${url}/shows/metallic-rouge`;
    for (const [accept, encoding, twin] of [
      ['gzip, deflate, br, zstd', 'br', '.br'],
      ['br;q=0, gzip', 'gzip', '.gz'],
      ['gzip', 'gzip', '.gz'],
      ['identity', undefined, ''],
      [undefined, undefined, ''],
    ]) {
      const response = await raw(address, accept);
      assert.equal(response.status, 200, accept);
      assert.equal(response.headers['content-encoding'], encoding, accept);
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8', accept);
      assert.equal(response.headers.vary, 'accept-encoding', accept);
      assert.ok(response.body.equals(await readFile(join(DIST, 'shows', 'metallic-rouge', `index.html${twin}`))), `${accept}: the file sent`);
    }
    // fetch (undici) decodes what it asked for: the original, byte for byte.
    for (const accept of ['br', 'gzip']) {
      const response = await fetch(address, { headers: { 'accept-encoding': accept } });
      assert.equal(response.headers.get('content-encoding'), accept);
      assert.ok(Buffer.from(await response.arrayBuffer()).equals(page), `${accept} decoded`);
    }
    // A file without twins (under 1 KB) is sent as it is, and does not vary.
    const robots = await raw(`${url}/robots.txt`, 'br, gzip');
    assert.equal(robots.headers['content-encoding'], undefined);
    assert.equal(robots.headers.vary, undefined);
    assert.ok(robots.body.equals(await readFile(join(DIST, 'robots.txt'))));
  } finally {
    server.close();
  }
});

test('the site works on its brotli twins: page, wasm, script and shard, and the take-over', async () => {
  const site = await open({ catalogue: 'full', precompressed: true });
  try {
    const page = await site.page({ locale: 'en-US' });
    const encodings = new Map();
    page.on('response', (r) => encodings.set(new URL(r.url()).pathname, r.headers()['content-encoding']));
    const response = await page.visit(`${site.url}/shows/metallic-rouge`);
    assert.equal(response.status(), 200);
    await page.waitForSelector('.ns-cast');
    const brotli = [...encodings].filter(([, encoding]) => encoding === 'br').map(([path]) => path);
    assert.ok(brotli.includes('/shows/metallic-rouge'), `the page: ${brotli}`);
    assert.ok(brotli.some((path) => path.endsWith('_bg.wasm')), `the wasm: ${brotli}`);
    // A show page starts the show pages' own app (ARCHITECTURE.md, "Two apps").
    assert.ok(brotli.some((path) => /\/nextseason-shows-[0-9a-f]{12,16}\.js$/.test(path)), `the app's script: ${brotli}`);
    assert.ok(brotli.includes('/data/shows/metallic-rouge.json'), `the shard: ${brotli}`);
    assert.deepEqual(page.errors, []);
  } finally {
    await site.close();
  }
});
