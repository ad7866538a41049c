// How a written show page starts its app on the slow link (1.6 Mbit/s, 150 ms round trip,
// cache disabled) and on loopback: the article's <h1> painted and the app's take-over (`nextseason:ready`),
// median of RUNS loads, for the page as built and for variants of its <head> that fetch the
// app's JS glue and wasm earlier. A measurement for choosing how the page starts the app, not a
// test. Usage: node tests/e2e/measure-slow-start.mjs [runs]  (after `trunk build --release`)
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open } from './harness.mjs';

const RUNS = Number(process.argv[2] ?? 7);
const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const site = await open({ compress: true });
const file = join(site.root, 'shows/metallic-rouge/index.html');
const built = await readFile(file, 'utf8');
const start = await readFile(join(site.root, built.match(/<script type="module" src="\/(nextseason-start-[0-9a-f]+\.js)"/)[1]), 'utf8');
const glue = start.match(/import\('([^']+)'\)/)[1];
const wasm = start.match(/module_or_path: '([^']+)'/)[1];
// The start script itself asks for the glue and the wasm as it runs (after the stylesheet, which
// a module script waits for), and starts the app after the first paint as before.
const early = `// measure-slow-start.mjs: the app's files fetched as this script runs, the app started after the first paint.
const bindings = import('${glue}');
const wasm = fetch('${wasm}');
requestAnimationFrame(() => setTimeout(async () => {
const glue = await bindings;
const instance = await glue.default({ module_or_path: wasm });
window.wasmBindings = glue;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
}));
`;
await writeFile(join(site.root, 'nextseason-start-early.js'), early);
const startName = built.match(/<script type="module" src="\/(nextseason-start-[0-9a-f]+\.js)"/)[1];
const variants = {
  'the start script fetches the glue and wasm as it runs': built.replace(startName, 'nextseason-start-early.js'),
  'as built (the app starts after the first paint)': built,
  'glue and wasm preloaded at low priority': built.replace('</head>', `<link rel="modulepreload" href="${glue}" crossorigin="anonymous" fetchpriority="low"><link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous" fetchpriority="low"></head>`),
  'glue and wasm preloaded': built.replace('</head>', `<link rel="modulepreload" href="${glue}" crossorigin="anonymous"><link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous"></head>`),
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [link, throttle] of [['slow link', SLOW], ['loopback', null]]) for (const [name, html] of Object.entries(variants)) {
  await writeFile(file, html);
  const h1s = [], readys = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await site.page({ viewport: { width: 390, height: 844 } });
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttle) await cdp.send('Network.emulateNetworkConditions', throttle);
    await p.addInitScript(() => {
      window.__h1 = 0;
      new MutationObserver(() => {
        for (const h1 of document.querySelectorAll('h1#ns-headline:not([elementtiming])')) h1.setAttribute('elementtiming', 'ns-headline');
      }).observe(document, { childList: true, subtree: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.identifier === 'ns-headline' && !window.__h1) window.__h1 = e.renderTime || e.loadTime;
      }).observe({ type: 'element', buffered: true });
    });
    await p.goto(`${site.url}/shows/metallic-rouge`, { waitUntil: 'load' });
    await p.waitForFunction(() => performance.getEntriesByName('nextseason:ready').length > 0, null, { timeout: 60000 });
    await p.waitForTimeout(200);
    const t = await p.evaluate(() => ({ h1: window.__h1, ready: performance.getEntriesByName('nextseason:ready')[0].startTime }));
    h1s.push(t.h1);
    readys.push(t.ready);
    await p.context().close();
  }
  console.log(`${link}, ${name}: <h1> ${median(h1s).toFixed(0)} ms, ready ${median(readys).toFixed(0)} ms`);
}
await writeFile(file, built);
await site.close();
