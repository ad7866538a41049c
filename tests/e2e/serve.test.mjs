// `trunk serve`, the editors' loop (README, "A shard for every anime"; editor-loop.mjs measures
// it): trunk builds the site (a debug build, which writes no pages: the app renders them in the
// browser) into a folder of its own and serves it on a free port; /shows/metallic-rouge renders
// its article, <h1> and title; every response says to revalidate; and an edit saved to an
// editor's shard (public/data/shows/) is served, and shown after a reload, once the rebuild it
// set off is done. The shard is saved as editors that save atomically do (a new file renamed
// over it: editor-loop.mjs says why).
//
// The shard is put back, and trunk's whole process group stopped, whatever happens: after the
// tests, and if this process exits or is interrupted before.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const SHARD = join(ROOT, 'public/data/shows/metallic-rouge.json');
/** The new file of an atomic save: on the shard's file system, outside what trunk watches. */
const SAVING = join(ROOT, 'target', 'serve-test.saving');
const HEADLINE = 'Will Metallic Rouge have season 2?【Release Date】';
/** The first build compiles both wasm files in debug (the release build's are not theirs) and
 *  may build the import tool; a rebuild after an edit only imports again. */
const FIRST_BUILD_MS = 30 * 60_000;
const REBUILD_MS = 5 * 60_000;

const original = readFileSync(SHARD);
let trunk;
let work;
let log;
let origin;
let browser;
/** Seconds from `trunk serve` to the first build served. */
let firstBuild;

/** Saves the shard as an editor that saves atomically does. */
function save(bytes) {
  mkdirSync(join(ROOT, 'target'), { recursive: true });
  writeFileSync(SAVING, bytes);
  renameSync(SAVING, SHARD);
}

/** The shard as it was before the test, if it is not. */
function restore() {
  if (!readFileSync(SHARD).equals(original)) save(original);
}

const running = () => trunk && trunk.exitCode === null && trunk.signalCode === null;

/** Stops trunk and everything it started (cargo, the hooks): its own process group. */
async function stop() {
  if (!running()) return;
  const exited = new Promise((r) => trunk.once('exit', r));
  process.kill(-trunk.pid, 'SIGTERM');
  const killed = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 10_000).unref())]);
  if (!killed) {
    try {
      process.kill(-trunk.pid, 'SIGKILL');
    } catch {}
    await exited;
  }
}

// If the process ends before the hooks below run (an interrupted run, an uncaught error).
const atExit = () => {
  restore();
  if (running()) {
    try {
      process.kill(-trunk.pid, 'SIGKILL');
    } catch {}
  }
  if (work) rmSync(work, { recursive: true, force: true });
};
const onSignal = (signal) => {
  atExit();
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.on('exit', atExit);
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function logTail() {
  const text = await readFile(log, 'utf8').catch(() => '');
  return text.split('\n').slice(-40).join('\n');
}

/** Waits until `path` is served with a body that `wanted` accepts (trunk rebuilds in the
 *  meantime); fails at once if trunk has exited. */
async function served(path, wanted, timeout, what) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (!running()) throw new Error(`trunk serve exited (${trunk.exitCode ?? trunk.signalCode}) before ${what}:\n${await logTail()}`);
    try {
      const response = await fetch(origin + path, { cache: 'no-store' });
      if (response.ok && wanted(await response.text())) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not served within ${timeout / 1000} s; trunk's output ends:\n${await logTail()}`);
}

before(async () => {
  assert.ok(original.toString('utf8').includes(`"headline": "${HEADLINE}"`), `${SHARD} holds the headline this test edits (a run before left it edited?)`);
  work = await mkdtemp(join(tmpdir(), 'nextseason-serve-'));
  const dist = join(work, 'dist');
  await mkdir(dist);
  log = join(work, 'trunk.log');
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const output = openSync(log, 'w');
  trunk = spawn('trunk', ['serve', '--port', String(port), '--dist', dist, '--no-autoreload'], { cwd: ROOT, detached: true, stdio: ['ignore', output, output] });
  const started = performance.now();
  // The editors' shard is served once the first build is done (its post-build hook writes data/).
  await served('/data/shows/metallic-rouge.json', (text) => text.includes(`"headline": "${HEADLINE}"`), FIRST_BUILD_MS, 'the first build');
  firstBuild = (performance.now() - started) / 1000;
  browser = await launch();
});

after(async () => {
  try {
    await browser?.close();
    await stop();
  } finally {
    restore();
    process.off('exit', atExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (work) await rm(work, { recursive: true, force: true });
  }
});

/** The show page as the served app renders it: its <h1> and the document's title. */
async function shown(page) {
  await page.waitForSelector('h1#ns-headline');
  return { headline: await page.textContent('h1#ns-headline'), title: await page.title() };
}

test('trunk serve builds and serves the show page, rendered in the browser', async (t) => {
  t.diagnostic(`first build served after ${firstBuild.toFixed(1)} s`);
  const page = await browser.newPage({ locale: 'en-US' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(`${origin}/shows/metallic-rouge`);
  assert.equal(response.status(), 200);
  // Every file is revalidated on a reload (Trunk.toml): a browser would otherwise keep a shard
  // by its age, and show the one of before an edit.
  const shard = await fetch(`${origin}/data/shows/metallic-rouge.json`);
  assert.equal(shard.headers.get('cache-control'), 'no-cache');
  assert.equal(response.headers()['cache-control'], 'no-cache');
  assert.deepEqual(await shown(page), { headline: HEADLINE, title: `${HEADLINE} · NextSeason` });
  // No page written at build time: the app rendered it.
  assert.equal(await page.$('[data-ns-prerendered]'), null);
  assert.equal(await page.locator('h1').count(), 1);
  assert.match(await page.textContent('section.ns-article'), /Are you a fan of Metallic Rouge\?/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an edit saved to an editor’s shard is served after the rebuild, and shown after a reload', async (t) => {
  const page = await browser.newPage({ locale: 'en-US' });
  await page.goto(`${origin}/shows/metallic-rouge`);
  assert.equal((await shown(page)).headline, HEADLINE);
  const edited = `Will Metallic Rouge have season 2? (edited by serve.test.mjs at ${Date.now()})`;
  const text = original.toString('utf8').replace(`"headline": "${HEADLINE}"`, `"headline": "${edited}"`);
  const started = performance.now();
  try {
    save(text);
    await served('/data/shows/metallic-rouge.json', (body) => body.includes(edited), REBUILD_MS, 'the edit');
    t.diagnostic(`edit served after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await page.reload();
    assert.deepEqual(await shown(page), { headline: edited, title: `${edited} · NextSeason` });
  } finally {
    restore();
  }
  // Put back, and served as it was: trunk's cached import ends as the source tree is.
  await served('/data/shows/metallic-rouge.json', (body) => body.includes(`"headline": "${HEADLINE}"`), REBUILD_MS, 'the shard put back');
  await page.reload();
  assert.equal((await shown(page)).headline, HEADLINE);
  await page.close();
});
