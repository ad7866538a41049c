// Where a route switch's time goes: Chromium's sampling profiler (DevTools protocol) over
// `RUNS` switches between synthetic shows prefetched by hover, on the release build, with the
// show pages' wasm rebuilt with its function names (wasm-opt -g) so that the profile names them.
// Prints the functions by self time and by the crate they belong to. A measurement, not a test.
//
// Usage: node tests/e2e/profile-route-switch.mjs [runs]   (after `trunk build --release`; needs
// wasm-bindgen and wasm-opt on PATH, as the build does)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from './harness.mjs';

const RUNS = Number(process.argv[2] ?? 12);
const target = new URL('../../target/wasm32-unknown-unknown/release/nextseason-shows.wasm', import.meta.url).pathname;
const site = await open({ synthetic: 2 * RUNS + 2 });
const glue = readdirSync(site.root).find((n) => /^nextseason-shows-[0-9a-f]+\.js$/.test(n));
const named = mkdtempSync(join(tmpdir(), 'named-'));
execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-debug', '--out-dir', named, '--out-name', 'shows', target]);
execFileSync('wasm-opt', ['-Oz', '-g', '-o', join(named, 'opt.wasm'), join(named, 'shows_bg.wasm')]);
copyFileSync(join(named, 'shows.js'), join(site.root, glue));
copyFileSync(join(named, 'opt.wasm'), join(site.root, glue.replace(/\.js$/, '_bg.wasm')));

const page = await site.page({ viewport: { width: 1280, height: 900 } });
await page.goto(`${site.url}/shows/synthetic-00000`);
await page.waitForFunction(() => performance.getEntriesByName('nextseason:ready').length > 0);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
const total = [];
await cdp.send('Profiler.start');
for (let n = 1; n <= RUNS; n++) {
  const slug = `synthetic-${String(n).padStart(5, '0')}`;
  await page.hover(`.ns-read-also a[href="/shows/${slug}"]`);
  await page.waitForFunction((s) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(`/data/shows/${s}.json`)), slug);
  total.push(await page.evaluate((slug) => new Promise((resolve) => {
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (location.pathname === `/shows/${slug}` && document.querySelector('main h1')?.textContent.includes(` ${Number(slug.slice(-5))} `)) {
        observer.disconnect();
        requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now() - start); c.port2.postMessage(null); });
      }
    });
    observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
    document.querySelector(`.ns-read-also a[href="/shows/${slug}"]`).click();
  }), slug));
  await page.waitForTimeout(100);
}
const { profile } = await cdp.send('Profiler.stop');

// Then the browser's own work too (style, layout, paint): a trace of as many switches, each
// top-level task of the page's main thread summed by kind.
const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
for (let n = RUNS + 1; n <= 2 * RUNS; n++) {
  const slug = `synthetic-${String(n).padStart(5, '0')}`;
  await page.hover(`.ns-read-also a[href="/shows/${slug}"]`);
  await page.waitForFunction((s) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(`/data/shows/${s}.json`)), slug);
  await page.evaluate((slug) => new Promise((resolve) => {
    performance.mark('switch-start');
    const observer = new MutationObserver(() => {
      if (location.pathname === `/shows/${slug}` && document.querySelector('main h1')?.textContent.includes(` ${Number(slug.slice(-5))} `)) {
        observer.disconnect();
        requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => { performance.mark('switch-end'); resolve(); }; c.port2.postMessage(null); });
      }
    });
    observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
    document.querySelector(`.ns-read-also a[href="/shows/${slug}"]`).click();
  }), slug);
  await page.waitForTimeout(100);
}
await cdp.send('Tracing.end');
await traced;
await site.close();
// The renderer's main thread: where the marks are.
const marks = events.filter((e) => e.name === 'switch-start' || e.name === 'switch-end').sort((a, b) => a.ts - b.ts);
const main = marks[0] && { pid: marks[0].pid, tid: marks[0].tid };
const windows = [];
for (let i = 0; i + 1 < marks.length; i++) if (marks[i].name === 'switch-start' && marks[i + 1].name === 'switch-end') windows.push([marks[i].ts, marks[i + 1].ts]);
const within = (e) => windows.some(([a, b]) => e.ts >= a && e.ts <= b);
const kinds = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !main || e.pid !== main.pid || e.tid !== main.tid || !within(e)) continue;
  if (!['FunctionCall', 'EvaluateScript', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'v8.callFunction', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'Commit', 'ParseHTML', 'HitTest', 'IntersectionObserverController::computeIntersections', 'ScheduleStyleRecalculation', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'ResourceReceiveResponse'].includes(e.name)) continue;
  kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur / 1000);
}
// Layouts forced by script (a read of layout during the switch) carry the script's stack.
const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid && within(e));
const forced = new Map();
for (const e of layouts) {
  const stack = e.args?.beginData?.stackTrace ?? [];
  const key = stack.length ? stack.slice(0, 3).map((f) => f.functionName || '?').join(' < ') : '(the frame\'s own)';
  const [n, ms] = forced.get(key) ?? [0, 0];
  forced.set(key, [n + 1, ms + e.dur / 1000]);
}
const span = windows.reduce((a, [x, y]) => a + (y - x) / 1000, 0);
console.log(`\nTraced ${windows.length} switches: ${(span / windows.length).toFixed(1)} ms each from click to the frame after the <h1>; main-thread events within (ms a switch, nested ones counted in their parents too):`);
for (const [k, v] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`${(v / windows.length).toFixed(2).padStart(7)}  ${k}`);
console.log(`\nLayouts within (${(layouts.length / windows.length).toFixed(1)} a switch), by what asked for them (count, ms a switch):`);
for (const [k, [n, ms]] of [...forced].sort((a, b) => b[1][1] - a[1][1])) console.log(`${(n / windows.length).toFixed(1).padStart(5)} ${(ms / windows.length).toFixed(2).padStart(7)}  ${k}`);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const f = node.callFrame;
  const name = f.functionName || `(${f.url.split('/').pop() || 'program'})`;
  self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
});
const busy = [...self].filter(([n]) => n !== '(idle)' && n !== '(program)' && n !== '(garbage collector)');
const sum = busy.reduce((a, [, v]) => a + v, 0);
const crate = new Map();
for (const [name, ms] of busy) {
  const key = name.replace(/^[<&]+/, '').split('::')[0].split(/[ <]/)[0] || name;
  crate.set(key, (crate.get(key) ?? 0) + ms);
}
total.sort((a, b) => a - b);
console.log(`${RUNS} prefetched switches: median ${total[Math.floor(RUNS / 2)].toFixed(1)} ms; busy samples ${sum.toFixed(1)} ms in all (${(sum / RUNS).toFixed(1)} ms a switch), GC ${((self.get('(garbage collector)') ?? 0) / RUNS).toFixed(1)} ms a switch`);
console.log('\nBy crate or script (ms a switch):');
for (const [k, v] of [...crate].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / RUNS).toFixed(2).padStart(7)}  ${k}`);
console.log('\nBy function, self time (ms a switch):');
for (const [k, v] of busy.sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${(v / RUNS).toFixed(2).padStart(7)}  ${k.slice(0, 150)}`);
