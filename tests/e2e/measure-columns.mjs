// How far apart the show page's two columns end at 1280 px (issue 25): the article on the left,
// the fact cards on the right. For shows drawn with a fixed seed from the release build, and for
// Dr. STONE Season 2 (14 offers), it prints |main bottom − side bottom| and the page's height, as
// written (no JavaScript) and after the app took over for a reader in the United States (en-US).
// A measurement, not a test. Usage: node tests/e2e/measure-columns.mjs [count] [seed] [--each]
// (after `trunk build --release`; NEXTSEASON_DIST picks another build).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { DIST } from './harness.mjs';
import { startServer } from './server.mjs';

const [count = 40, seed = 25] = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
const each = process.argv.includes('--each');

/** mulberry32: a small seeded generator, so that the same shows are drawn before and after. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const all = (await readdir(join(DIST, 'shows'))).sort();
const next = random(seed);
const drawn = new Set();
while (drawn.size < Math.min(count, all.length)) drawn.add(all[Math.floor(next() * all.length)]);
const slugs = ['dr-stone-season-2', ...[...drawn].filter((s) => s !== 'dr-stone-season-2')];

/** The two columns' bottoms: the show's cards left of the side column's start are the main
 *  column's, those across both columns (read also, credit, embed link) are neither's. */
const columns = () => {
  const show = document.querySelector('.ns-show');
  const article = show.querySelector(':scope > .ns-article');
  const width = show.getBoundingClientRect().width;
  let main = 0, side = 0;
  for (const card of show.children) {
    const box = card.getBoundingClientRect();
    if (box.width > width * 0.9 || box.height === 0) continue;
    const bottom = box.bottom + scrollY;
    if (box.left < article.getBoundingClientRect().right) main = Math.max(main, bottom);
    else side = Math.max(side, bottom);
  }
  return { main: Math.round(main), side: Math.round(side), height: document.documentElement.scrollHeight };
};

const { server, url } = await startServer(DIST);
const browser = await launch();
const contexts = {
  written: await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false }),
  app: await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' }),
};
const results = {};
for (const [name, context] of Object.entries(contexts)) {
  results[name] = [];
  const page = await context.newPage();
  for (const slug of slugs) {
    await page.goto(`${url}/shows/${slug}/`);
    if (name === 'app') await page.waitForFunction(() => !document.querySelector('[data-ns-prerendered]') && document.querySelector('.ns-root h1'));
    await page.evaluate(() => document.fonts.ready);
    const m = await page.evaluate(columns);
    results[name].push({ slug, ...m, gap: Math.abs(m.main - m.side) });
  }
}
await browser.close();
server.close();

const quantile = (xs, q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
for (const [name, rows] of Object.entries(results)) {
  const drstone = rows[0];
  const gaps = rows.slice(1).map((r) => r.gap).sort((a, b) => a - b);
  const over = (limit) => gaps.filter((g) => g > limit).length;
  console.log(`${name}: ${gaps.length} shows (seed ${seed}) |main bottom − side bottom| px: median ${quantile(gaps, 0.5)}, p75 ${quantile(gaps, 0.75)}, p90 ${quantile(gaps, 0.9)}, max ${gaps.at(-1)}; over 200 px: ${over(200)}, over 400 px: ${over(400)}; side longer in ${rows.slice(1).filter((r) => r.side > r.main).length}`);
  console.log(`${name}: dr-stone-season-2 page ${drstone.height} px tall, main ends ${drstone.main}, side ends ${drstone.side}`);
  if (each) for (const r of rows) console.log(`  ${r.slug}: main ${r.main} side ${r.side} gap ${r.gap} height ${r.height}`);
}
