// The performance benchmark (not a test): drives headless Chromium against the release build
// served on loopback and writes BENCHMARKS.md. Run it with `bash .ci/bench.sh`, which installs
// and builds what it needs first. Every figure is the median of RUNS runs, with min and max.
//
//  1. Weight of the first view (show page, and one embedded widget): bytes actually fetched.
//  2. Time to the article: navigation start to the app's `nextseason:ready` mark and to LCP, on
//     loopback and on a throttled slow mobile link, against a static HTML page of the same
//     article (the app's own rendering of the same shard, scripts removed, same CSS and server).
//  3. Route switch: click on "Read also" to the new <h1> painted, prefetched and cold.
//  4. Scale: labelled-synthetic catalogues of 10, 1,000, 10,000 and 100,000 shows.
//  5. Memory: JS heap and wasm memory after 20 and 200 route switches.
//  6. The shipped catalogue (every work of bangumi-data): its show page and first screen, and a
//     search keystroke over every title there and at 100,000 synthetic shows.
//  7. The release build's time and dist/ size, and the editor's loop (bench.sh measures them and
//     passes them in BENCH_BUILD and BENCH_EDITOR_LOOP).
//  8. Precompressed files: dist/ with and without its .br and .gz twins, and the step's time from
//     an empty cache and from a full one (bench.sh, BENCH_PRECOMPRESS).
//  9. The import alone on the full data (bench.sh measures it and passes BENCH_IMPORT).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { BUNDLE_TOOL, DIST, open } from './harness.mjs';
import { keystrokeTimes } from './keystrokes.mjs';
import { routeSwitchTimes } from './route-switch.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZES = (process.env.BENCH_SIZES ?? '10,1000,10000,100000').split(',').map(Number);
const OUT = new URL('../../BENCHMARKS.md', import.meta.url).pathname;
// The slow mobile link of the issue: 1.6 Mbit/s down, 150 ms round trip.
const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const ms = (x) => `${x.median.toFixed(0)} ms (${x.min.toFixed(0)}–${x.max.toFixed(0)})`;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const log = (...a) => console.error('bench:', ...a);

async function page(site, { throttle = null, scheme = 'light' } = {}) {
  const p = await site.page({ viewport: { width: 390, height: 844 }, colorScheme: scheme });
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', throttle);
  await p.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    // The article's <h1> painted with its text, as the browser reports it (Element Timing:
    // the first paint of the element marked elementtiming="ns-headline"). The pages carry no
    // such attribute (it is not valid HTML): it is added here as the <h1> enters the document,
    // before any paint.
    new MutationObserver(() => {
      for (const h1 of document.querySelectorAll('h1#ns-headline:not([elementtiming])')) h1.setAttribute('elementtiming', 'ns-headline');
    }).observe(document, { childList: true, subtree: true });
    window.__h1 = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.identifier === 'ns-headline' && !window.__h1) window.__h1 = e.renderTime || e.loadTime;
    }).observe({ type: 'element', buffered: true });
    // Layout shifts while the page loads, the app's take-over of a prerendered page included.
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    addEventListener('TrunkApplicationStarted', (e) => (window.__wasm = e.detail.wasm));
  });
  p.cdp = cdp;
  return p;
}

/** Navigation start to the ready mark and to LCP, for one load. */
async function timeToArticle(site, url, throttle, { appOnly = false } = {}) {
  const p = await page(site, { throttle });
  // The same address answered with the app's page as Trunk built it (app.html, no page written
  // in): the client-side path alone, as before prerendering.
  if (appOnly) {
    const shell = await readFile(join(site.root, 'app.html'), 'utf8');
    await p.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: shell }));
  }
  await p.goto(url, { waitUntil: 'load' });
  await p.waitForFunction(() => performance.getEntriesByName('nextseason:ready').length > 0, null, { timeout: 60000 });
  await p.waitForTimeout(300);
  const t = await p.evaluate(() => {
    const resources = performance.getEntriesByType('resource');
    const wasm = resources.find((r) => r.name.endsWith('.wasm'));
    const shard = resources.find((r) => r.name.includes('/data/shows/'));
    return {
      ready: performance.getEntriesByName('nextseason:ready')[0].startTime,
      lcp: window.__lcp,
      h1: window.__h1,
      cls: window.__cls,
      // The waterfall: when the shard's request starts against when the wasm's response ends.
      shardStart: shard?.startTime ?? 0,
      wasmEnd: wasm?.responseEnd ?? 0,
    };
  });
  await p.context().close();
  return t;
}

/** Bytes of every response a page load fetched, by kind, raw / gzip / brotli. */
async function weight(site, url, { skip = () => false } = {}) {
  const p = await site.page({ viewport: { width: 390, height: 844 } });
  const bodies = [];
  const reading = [];
  p.on('response', (r) => {
    const u = new URL(r.url());
    if (skip(u)) return;
    // Awaited before the page closes: a large body (the wasm) read after the close was lost,
    // and the first view was counted without its wasm.
    reading.push(r.body().then((body) => bodies.push({ path: u.pathname, body }), (e) => console.error(`bench: no body for ${u.pathname}: ${e.message}`)));
  });
  await p.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(reading);
  await p.context().close();
  const kind = (path) => (path.endsWith('.wasm') ? 'wasm' : path.endsWith('.js') ? 'JS' : path.endsWith('.css') ? 'CSS' : path.endsWith('.json') ? 'data' : path.endsWith('.svg') ? 'icon' : 'HTML');
  const rows = {};
  for (const { path, body } of bodies) {
    const k = kind(path);
    rows[k] ??= { raw: 0, gzip: 0, brotli: 0, files: [] };
    rows[k].raw += body.length;
    rows[k].gzip += gzipSync(body, { level: 9 }).length;
    rows[k].brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    rows[k].files.push(path);
  }
  return rows;
}

/** A static page of the same article: the app's own rendering, scripts removed, same CSS. */
async function writeStaticPage(site) {
  const p = await site.page();
  await p.goto(`${site.url}/shows/metallic-rouge`);
  await p.waitForSelector('.ns-cast');
  const html = await p.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]').forEach((e) => e.remove());
    // The page's policy (Trusted Types, no inline script) is the app's: the static page has no
    // app, and its one inline script marks the <h1>.
    doc.querySelector('meta[http-equiv=Content-Security-Policy]')?.remove();
    doc.querySelector('meta[name=nextseason]')?.remove();
    return '<!DOCTYPE html>\n' + doc.outerHTML.replace(/<!---->|<!>/g, '');
  });
  // Added to the text, not the document: the page's Trusted Types refuse markup with a script.
  const h1End = html.indexOf('</h1>') + '</h1>'.length;
  const marked = `${html.slice(0, h1End)}<script>performance.mark('nextseason:ready')</script>${html.slice(h1End)}`;
  await p.context().close();
  await writeFile(join(site.root, 'static-metallic-rouge.html'), marked);
  return `${site.url}/static-metallic-rouge.html`;
}

async function routeSwitches(site) {
  const { cold, prefetched, fetches } = await routeSwitchTimes(site, RUNS);
  return { cold: stats(cold), warm: stats(prefetched), fetch: stats(fetches) };
}

async function memory(site) {
  const p = await page(site);
  await p.goto(`${site.url}/shows/synthetic-00000`);
  await p.waitForSelector('.ns-read-also');
  const sample = async () => {
    await p.cdp.send('HeapProfiler.collectGarbage');
    const heap = await p.cdp.send('Runtime.getHeapUsage');
    const wasm = await p.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
    return { heap: heap.usedSize, wasm };
  };
  const samples = {};
  const shows = 2 * RUNS + 2;
  for (let i = 1; i <= 200; i++) {
    // Round the synthetic shows through "Read also" (each links to the next): every switch
    // renders a whole page, and after the first round every shard is in the cache.
    const slug = `synthetic-${String(i % shows).padStart(5, '0')}`;
    await p.evaluate((s) => document.querySelector(`.ns-read-also a[href="/shows/${s}"]`).click(), slug);
    await p.waitForFunction((s) => location.pathname === `/shows/${s}` && document.querySelector('.ns-read-also a'), slug);
    if (i === 20 || i === 200) samples[i] = await sample();
  }
  await p.context().close();
  return samples;
}

/** Each catalogue size on its own server, measured in turns (size after size, run after run),
 *  so that the machine's slow moments fall on every size alike. */
async function scale(sizes) {
  const catalogues = [];
  for (const size of sizes) {
    const site = await open({ compress: true });
    const data = join(site.root, 'data');
    log(`generating ${size} synthetic shows`);
    execFileSync(BUNDLE_TOOL, ['synthetic', '--shows', String(size), '--out', data]);
    const indexBytes = (await readFile(join(data, 'index.json'))).length;
    const last = `${site.url}/shows/synthetic-${String(size - 1).padStart(5, '0')}`;
    catalogues.push({ size, site, indexBytes, show: () => timeToArticle(site, last), home: () => timeToArticle(site, `${site.url}/`) });
  }
  log('scale');
  // Twice the runs: a 15% budget needs steadier medians than one run of this machine gives.
  const times = await inTurns(2 * RUNS, Object.fromEntries(catalogues.flatMap((c) => [[`${c.size} show`, c.show], [`${c.size} home`, c.home]])));
  for (const c of catalogues) await c.site.close();
  return catalogues.map((c) => ({
    size: c.size,
    indexBytes: c.indexBytes,
    show: stats(times[`${c.size} show`].map((x) => x.ready)),
    home: stats(times[`${c.size} home`].map((x) => x.ready)),
  }));
}

/** Main-thread work of one keystroke in the catalogue's search, once the whole catalogue is
 *  loaded: from the input event to the list rebuilt and laid out (the script's work, its
 *  microtasks, then style and layout forced), by the page's own clock. Typed as a reader types:
 *  a word letter by letter, each keystroke measured. */
async function keystrokes(site, words) {
  return stats(await keystrokeTimes(site, words, RUNS));
}

/** `n` timed runs of each measurement, taken in turns, after one untimed run of each. */
async function inTurns(n, measurements) {
  const out = {};
  for (const [name, f] of Object.entries(measurements)) {
    await f();
    out[name] = [];
  }
  for (let i = 0; i < n; i++) for (const [name, f] of Object.entries(measurements)) out[name].push(await f());
  return out;
}

const started = new Date();
const site = await open({ synthetic: 2 * RUNS + 2, compress: true });
log('weight');
const showWeight = await weight(site, `${site.url}/shows/metallic-rouge`);
await writeFile(join(site.root, 'widget.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Widget</title></head><body><div data-nextseason data-show="metallic-rouge"></div><script type="module" src="/nextseason/embed.js"></script></body></html>`);
const widgetWeight = await weight(site, `${site.url}/widget.html`, { skip: (u) => u.pathname === '/widget.html' });
log('static page');
const staticUrl = await writeStaticPage(site);
const staticWeight = await weight(site, staticUrl);
const timing = {};
for (const [name, throttle] of [['loopback', null], ['slow', SLOW]]) {
  log(`time to article, ${name}`);
  timing[name] = await inTurns(RUNS, {
    site: () => timeToArticle(site, `${site.url}/shows/metallic-rouge`, throttle),
    app: () => timeToArticle(site, `${site.url}/shows/metallic-rouge`, throttle, { appOnly: true }),
    static: () => timeToArticle(site, staticUrl, throttle),
  });
}
log('route switches');
const switches = await routeSwitches(site);
log('memory');
const mem = await memory(site);
await site.close();
const scaleRows = [];
scaleRows.push(...(await scale(SIZES)));

// The shipped catalogue, as the release build wrote it (its pages prerendered).
log('shipped catalogue');
const WORDS = ['metallic', 'frieren', 'メタリック', 'season'];
const full = await open({ catalogue: 'full', compress: true });
const fullHead = JSON.parse(await readFile(join(full.root, 'data', 'index.json'), 'utf8'));
// The work with the most platforms: the longest page the data gives.
const MANY = process.env.BENCH_MANY_PLATFORMS ?? 'dr-stone';
const fullTimes = await inTurns(2 * RUNS, {
  show: () => timeToArticle(full, `${full.url}/shows/${MANY}`),
  home: () => timeToArticle(full, `${full.url}/`),
});
const fullWeight = await weight(full, `${full.url}/shows/${MANY}`);
const fullKeys = await keystrokes(full, WORDS);
await full.close();
log('keystrokes at 100,000 synthetic shows');
const big = await open({ compress: true });
execFileSync(BUNDLE_TOOL, ['synthetic', '--shows', '100000', '--out', join(big.root, 'data')]);
const bigKeys = await keystrokes(big, WORDS.map((w) => (/^[a-z]+$/.test(w) ? w : 'synthetic')));
await big.close();
const build = process.env.BENCH_BUILD ? JSON.parse(process.env.BENCH_BUILD) : null;
const importRuns = process.env.BENCH_IMPORT ? JSON.parse(process.env.BENCH_IMPORT) : null;
const importMedian = importRuns ? [...importRuns.runs].sort((a, b) => a - b)[Math.floor(importRuns.runs.length / 2)] : null;
const editorLoop = process.env.BENCH_EDITOR_LOOP ? JSON.parse(process.env.BENCH_EDITOR_LOOP) : null;
const precompress = process.env.BENCH_PRECOMPRESS ? JSON.parse(process.env.BENCH_PRECOMPRESS) : null;

// ---- BENCHMARKS.md
const total = (w) => Object.values(w).reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const weightTable = (w) =>
  ['| kind | raw | gzip | brotli |', '| --- | ---: | ---: | ---: |', ...Object.entries(w).map(([k, r]) => `| ${k} | ${r.raw} | ${r.gzip} | ${r.brotli} |`), (() => { const t = total(w); return `| **total** | **${t.raw}** | **${t.gzip}** | **${t.brotli}** |`; })()].join('\n');
const t = (name, who, what) => stats(timing[name][who].map((x) => x[what]));
const ratio = (name, what = 'h1', who = 'site') => (t(name, who, what).median / t(name, 'static', what).median).toFixed(2);
/** Files of the build as deployed, without the .br and .gz twins (README, "Hosting"). */
async function countFiles(dir) {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += await countFiles(join(dir, entry.name));
    else if (!/\.(br|gz)$/.test(entry.name)) n += 1;
  }
  return n;
}
const distFiles = await countFiles(DIST);
const budget = (ok, text) => `- ${ok ? '✅' : '❌'} ${text}`;
const showTotal = total(showWeight).brotli;
const widgetTotal = total(widgetWeight).brotli;
const flat = (key) => {
  const first = scaleRows[0][key].median;
  const last = scaleRows[scaleRows.length - 1][key].median;
  return { first, last, ok: last <= first * 1.15 };
};
const maxCls = Math.max(...['loopback', 'slow'].flatMap((name) => timing[name].site.map((x) => x.cls)));
const pageBytes = (w) => (w.HTML?.brotli ?? 0) + (w.CSS?.brotli ?? 0);
const memGrowth = (k) => (mem[200][k] / mem[20][k] - 1) * 100;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const md = `# Benchmarks

Latest run of \`bash .ci/bench.sh\` (\`tests/e2e/benchmark.mjs\`): release build (\`trunk build --release\`, wasm-opt -Os) served on loopback by \`tests/e2e/server.mjs\` with brotli, as a static host serves it, driven by headless Chromium (playwright-core). Each time is the median of ${RUNS} runs, with min–max.

- Date: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC
- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB
- Slow link: ${SLOW.downloadThroughput * 8 / 1e6} Mbit/s down, ${SLOW.latency} ms round trip (DevTools protocol), cache disabled.

## 1. Weight of the first view

\`/shows/metallic-rouge\`, every response fetched (compressed here with gzip -9 and brotli -q 11):

${weightTable(showWeight)}

One embedded widget (\`embed.js\` and all it loads; the host page itself not counted):

${weightTable(widgetWeight)}

The static page of the same article (HTML and the same CSS):

${weightTable(staticWeight)}

## 2. Time to the article

From navigation start to the article's \`<h1>\` painted with its text (Element Timing on the \`<h1>\`, given \`elementtiming\` by the benchmark as it enters the document), to the app's \`nextseason:ready\` mark (set when the article's cards are in the document and the app has taken over the prerendered page; the static page sets it right after its \`<h1>\`), and to Largest Contentful Paint. *site* is the page the release build wrote (prerendered); *app only* is the same address answered with \`app.html\` (the page as Trunk built it: the client-side path alone, as before prerendering); *static* is the static page.

| link | page | \`<h1>\` painted | ready mark | LCP |
| --- | --- | --- | --- | --- |
${['loopback', 'slow'].flatMap((name) => ['site', 'app', 'static'].map((who) => `| ${name === 'slow' ? 'slow mobile' : name} | ${{ site: 'site', app: 'app only', static: 'static' }[who]} | ${ms(t(name, who, 'h1'))} | ${ms(t(name, who, 'ready'))} | ${ms(t(name, who, 'lcp'))} |`)).join('\n')}

Ratio to the static page, \`<h1>\` painted: site ${ratio('loopback')} on loopback, ${ratio('slow')} on the slow link; app only ${ratio('loopback', 'h1', 'app')} and ${ratio('slow', 'h1', 'app')}. Layout shift while the app takes over: ${maxCls.toFixed(4)} at most.

Waterfall on the slow link (median, site): the shard's request starts at ${t('slow', 'site', 'shardStart').median.toFixed(0)} ms, the wasm's response ends at ${t('slow', 'site', 'wasmEnd').median.toFixed(0)} ms: the data is requested ${t('slow', 'site', 'shardStart').median < t('slow', 'site', 'wasmEnd').median ? 'in parallel with' : 'after'} the wasm download.

## 3. Route switch

Click on "Read also" to the end of the frame that paints the new show's \`<h1>\` (the first animation frame after it is in the document, then the task after that frame's rendering), 1280 × 900. A cold switch includes the shard's fetch, whose own duration (the browser's resource timing) is its round trip here:

| | time |
| --- | --- |
| prefetched (hovered first) | ${ms(switches.warm)} |
| cold | ${ms(switches.cold)} |
| cold: the shard's fetch within it (its round trip) | ${ms(switches.fetch)} |

## 4. Scale

Labelled-synthetic catalogues (\`nextseason-bundle synthetic\`, pages not written at build time: the app renders them), loopback, time to the \`nextseason:ready\` mark, median of ${2 * RUNS} runs:

| shows | index.json | show page | catalogue first screen |
| ---: | ---: | --- | --- |
${scaleRows.map((r) => `| ${r.size} | ${kb(r.indexBytes)} | ${ms(r.show)} | ${ms(r.home)} |`).join('\n')}

## 5. Memory

After route switches round the synthetic shows (garbage collected first):

| switches | JS heap | wasm memory |
| ---: | ---: | ---: |
| 20 | ${kb(mem[20].heap)} | ${kb(mem[20].wasm)} |
| 200 | ${kb(mem[200].heap)} | ${kb(mem[200].wasm)} |

## 6. The shipped catalogue

The release build as shipped: ${fullHead.total} shows (the editors' shards merged with bangumi-data), every page written at build time. Loopback, time to the \`nextseason:ready\` mark, median of ${2 * RUNS} runs:

| page | time |
| --- | --- |
| \`/shows/${MANY}\` (the most platforms) | ${ms(stats(fullTimes.show.map((x) => x.ready)))} |
| \`/\` (the catalogue's first screen) | ${ms(stats(fullTimes.home.map((x) => x.ready)))} |

First view of \`/shows/${MANY}\`: ${kb(total(fullWeight).brotli)} brotli in all (HTML ${kb(fullWeight.HTML?.brotli ?? 0)}).

A search keystroke, main-thread work from the input event to the list laid out, over every title (${WORDS.map((w) => `"${w}"`).join(', ')} typed letter by letter, ${RUNS} times; median (min–max)):

| catalogue | keystroke |
| --- | --- |
| shipped (${fullHead.total} shows) | ${ms(fullKeys)} |
| 100,000 synthetic shows | ${ms(bigKeys)} |

## 7. Build and the editor's loop

${build ? `\`trunk build --release\` with the tools and cargo's cache built, the import's cache emptied (so the import and every page are written again; the precompressed twins come from their cache, section 8): ${build.seconds.toFixed(1)} s; \`dist/\`: ${(build.bytes / 1e6).toFixed(0)} MB in ${build.files} files.` : 'Not measured in this run (bench.sh measures it).'}

${editorLoop ? `The editor's loop: under \`trunk serve\`, one show's file edited, to the new file served: ${editorLoop.map((x) => `${x.toFixed(1)} s`).join(', ')} (median ${[...editorLoop].sort((a, b) => a - b)[Math.floor(editorLoop.length / 2)].toFixed(1)} s).` : ''}

## 8. Precompressed files

${precompress ? `The release build's \`.br\` (brotli 11) and \`.gz\` (gzip 9) twins of every text-like file over 1 KB (README, "Precompressed files"); bytes are the files' own sizes, each hard link counted:

| \`dist/\` | files | bytes |
| --- | ---: | ---: |
| without twins (\`NEXTSEASON_PRECOMPRESS=off\`) | ${precompress.without.files} | ${(precompress.without.bytes / 1e6).toFixed(1)} MB |
| with twins (the default) | ${precompress.with.files} | ${(precompress.with.bytes / 1e6).toFixed(1)} MB |

\`nextseason-precompress\` alone on the built \`dist/\` (both cores): ${precompress.cold.toFixed(1)} s from an empty cache (every twin encoded), ${precompress.warm.toFixed(1)} s from the cache a build left (every twin linked).` : 'Not measured in this run (bench.sh measures it).'}

## 9. The import

${importRuns ? `\`nextseason-bundle import bangumi-data\` alone on the full data (release build; franchises, season chains and every shard written, each run into a new folder): ${importRuns.runs.map((x) => `${x.toFixed(1)} s`).join(', ')} (median ${importMedian.toFixed(1)} s); again into the folder it wrote, nothing changed: ${importRuns.again.toFixed(1)} s.` : 'Not measured in this run (bench.sh measures it).'}

## Budgets

${budget(showTotal <= 190000, `First view of a show page (HTML + CSS + JS + wasm + data) ≤ 190 KB brotli: ${kb(showTotal)}`)}
${budget(t('slow', 'site', 'ready').median <= 1600, `A show page's take-over (\`nextseason:ready\`) on the slow link ≤ 1.6 s: ${(t('slow', 'site', 'ready').median / 1000).toFixed(2)} s`)}
${budget(distFiles <= 20000, `The build's files without the precompressed twins ≤ 20,000 (Cloudflare Pages' limit): ${distFiles.toLocaleString('en')}`)}
${budget(widgetTotal <= 150000, `One widget on a blog ≤ 150 KB brotli in all: ${kb(widgetTotal)}`)}
${budget(t('slow', 'site', 'shardStart').median < t('slow', 'site', 'wasmEnd').median, `The shard is requested in parallel with the wasm download (slow link: request at ${t('slow', 'site', 'shardStart').median.toFixed(0)} ms, wasm done at ${t('slow', 'site', 'wasmEnd').median.toFixed(0)} ms)`)}
${budget(Number(ratio('slow')) <= 1.1, `Prerendered: time to the article's <h1> ≤ 1.1 × the static page on the slow link: ${ratio('slow')} (loopback ${ratio('loopback')})`)}
${budget(maxCls === 0, `Prerendered: cumulative layout shift while the app takes over = 0: ${maxCls.toFixed(4)} at most, over ${2 * RUNS} loads`)}
${budget(pageBytes(showWeight) <= 1.5 * pageBytes(staticWeight), `Prerendered: the page's own bytes (HTML + CSS, brotli) ≤ 1.5 × the static page's: ${kb(pageBytes(showWeight))} against ${kb(pageBytes(staticWeight))} (${(pageBytes(showWeight) / pageBytes(staticWeight)).toFixed(2)} ×)`)}
${budget(switches.warm.median <= 16, `Route switch prefetched ≤ 16 ms: ${switches.warm.median.toFixed(1)} ms`)}
${budget(switches.cold.median <= switches.fetch.median + 16, `Route switch cold ≤ one round trip + 16 ms (the fetch measured ${switches.fetch.median.toFixed(0)} ms, so ≤ ${(switches.fetch.median + 16).toFixed(1)} ms): ${switches.cold.median.toFixed(1)} ms`)}
${(() => { const f = flat('show'); return budget(f.ok, `Show page flat from ${SIZES[0]} to ${SIZES[SIZES.length - 1]} shows (within 15%): ${f.first.toFixed(0)} → ${f.last.toFixed(0)} ms`); })()}
${(() => { const f = flat('home'); return budget(f.ok, `Catalogue first screen flat from ${SIZES[0]} to ${SIZES[SIZES.length - 1]} shows (within 15%): ${f.first.toFixed(0)} → ${f.last.toFixed(0)} ms`); })()}
${budget(fullKeys.median <= 16 && bigKeys.median <= 16, `A search keystroke over every title ≤ 16 ms of main-thread work: ${fullKeys.median.toFixed(1)} ms at the shipped catalogue, ${bigKeys.median.toFixed(1)} ms at 100,000 shows (slowest keystroke ${Math.max(fullKeys.max, bigKeys.max).toFixed(0)} ms)`)}
${editorLoop ? budget([...editorLoop].sort((a, b) => a - b)[Math.floor(editorLoop.length / 2)] <= 3, `The editor's loop ≤ 3 s: median ${[...editorLoop].sort((a, b) => a - b)[Math.floor(editorLoop.length / 2)].toFixed(1)} s`) : ''}
${importRuns ? budget(importMedian < 10, `The import's own work on the full data < 10 s: median ${importMedian.toFixed(1)} s`) : ''}
${budget(memGrowth('heap') <= 10 && memGrowth('wasm') <= 10, `Memory growth from 20 to 200 switches ≤ 10%: JS heap ${memGrowth('heap').toFixed(1)}%, wasm ${memGrowth('wasm').toFixed(1)}%`)}
`;
await writeFile(OUT, md);
console.log(md);
