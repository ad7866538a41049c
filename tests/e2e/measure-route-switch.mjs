// Measures the time from a click on a "Read also" link to the new show's <h1> painted, for a
// show already prefetched (hovered first) and for a cold one, on the release build served on
// loopback. Not a test: prints median, min and max of each over RUNS switches.
// Usage (from tests/e2e, after `trunk build --release` and `cargo build --bin nextseason-bundle`):
//   node measure-route-switch.mjs [RUNS]
import assert from 'node:assert/strict';
import { open } from './harness.mjs';

const RUNS = Number(process.argv[2] ?? 15);
const site = await open({ synthetic: 2 * RUNS + 2 });
const page = await site.page({ viewport: { width: 1280, height: 900 } });

/** Clicks the link to show `n` (a script click: no hover, so no prefetch) and returns the ms to its <h1> painted. */
async function switchTo(n) {
  const slug = `synthetic-${String(n).padStart(5, '0')}`;
  return page.evaluate(
    (slug) =>
      new Promise((resolve) => {
        const link = document.querySelector(`.ns-read-also a[href="/shows/${slug}"]`);
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (location.pathname === `/shows/${slug}` && document.querySelector('main h1')?.textContent.includes(` ${Number(slug.slice(10))} `)) {
            observer.disconnect();
            // Painted: the frame after the one that laid it out.
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
          }
        });
        observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
        link.click();
      }),
    slug,
  );
}

const cold = [];
const prefetched = [];
await page.goto(`${site.url}/shows/synthetic-00000`);
await page.waitForSelector('.ns-read-also');
for (let n = 1; n <= 2 * RUNS; n++) {
  const slug = `synthetic-${String(n).padStart(5, '0')}`;
  if (n % 2 === 0) {
    await page.hover(`.ns-read-also a[href="/shows/${slug}"]`);
    await page.waitForFunction((s) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(`/data/shows/${s}.json`)), slug);
    prefetched.push(await switchTo(n));
  } else {
    // Nothing under the pointer: a link appearing beneath it would prefetch the cold show.
    await page.mouse.move(0, 0);
    assert.equal(site.count(`/data/shows/${slug}.json`), 0);
    cold.push(await switchTo(n));
  }
  await page.waitForSelector('.ns-read-also');
  await page.waitForTimeout(100);
}
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(1)} ms (min ${s[0].toFixed(1)}, max ${s[s.length - 1].toFixed(1)}, n=${s.length})`;
};
console.log(`click → new <h1> painted, cold:       ${stats(cold)}`);
console.log(`click → new <h1> painted, prefetched: ${stats(prefetched)}`);
await site.close();
