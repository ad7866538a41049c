// A measurement, not a test: a reader's first search on `/` of the shipped catalogue (the
// release build in dist/, or NEXTSEASON_DIST), served with brotli as a static host serves it
// (server.mjs, quality 11). For each run: the data received from the keystroke to the first
// results and to the last file, by the files' brotli bytes; the time to the first results and to
// the complete list, on loopback and on the benchmark's slow link; the longest main-thread task
// meanwhile; then, the index complete, a keystroke's main-thread work (as benchmark.mjs's §6).
//
//   node tests/e2e/measure-first-search.mjs            (BENCH_RUNS=5 by default)
import { brotliCompressSync, constants } from 'node:zlib';
import { open } from './harness.mjs';
import { keystrokeTimes } from './keystrokes.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const QUERY = process.env.BENCH_QUERY ?? 'frieren';
const WORDS = ['metallic', 'frieren', 'メタリック', 'season'];
const brotli = new Map();
const size = (path, body) => {
  if (!brotli.has(path)) brotli.set(path, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  return brotli.get(path);
};

const site = await open({ catalogue: 'full', compress: true });

async function firstSearch(throttle) {
  const page = await site.page({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.visit(`${site.url}/`);
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__longest = Math.max(window.__longest, e.duration)))).observe({ type: 'longtask' });
  });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', throttle);
  const received = [];
  page.on('response', async (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/data/') && r.status() === 200) received.push({ path, at: Date.now(), bytes: size(path, await r.body()) });
  });
  const t0 = Date.now();
  await page.fill('#ns-q', QUERY);
  await page.waitForSelector('.ns-show-card', { timeout: 300000 });
  const first = Date.now() - t0;
  const atFirst = received.filter((f) => f.at - t0 <= first).reduce((n, f) => n + f.bytes, 0);
  await page.waitForFunction(() => !document.querySelector('.ns-loading-more, .ns-searching'), null, { timeout: 300000 });
  const complete = Date.now() - t0;
  const longest = await page.evaluate(() => window.__longest);
  await page.context().close();
  return { first, complete, atFirst, all: received.reduce((n, f) => n + f.bytes, 0), files: received.length, longest };
}

async function keystrokes() {
  return keystrokeTimes(site, WORDS, RUNS);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
for (const [name, throttle] of process.env.BENCH_ONLY === 'keys' ? [] : [['loopback', null], ['slow link', SLOW]]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await firstSearch(throttle));
  const r = (k) => runs.map((x) => x[k]);
  console.log(`${name}: first results ${median(r('first'))} ms (${Math.min(...r('first'))}–${Math.max(...r('first'))}), complete ${median(r('complete'))} ms; data by the first results ${kb(median(r('atFirst')))}, in all ${kb(median(r('all')))} in ${median(r('files'))} files; longest task ${median(r('longest')).toFixed(0)} ms (max ${Math.max(...r('longest')).toFixed(0)})`);
}
const keys = await keystrokes();
console.log(`keystroke (index complete): median ${median(keys).toFixed(1)} ms, max ${Math.max(...keys).toFixed(1)} ms over ${keys.length}`);
await site.close();
