// Click on "Read also" to the new show's <h1> painted, for shows prefetched by hover and for
// cold ones, alternately: shared by measure-route-switch.mjs and benchmark.mjs. Needs a site
// with at least 2 × runs + 1 synthetic shows (each links to the next).
import assert from 'node:assert/strict';

export async function routeSwitchTimes(site, runs) {
  const page = await site.page({ viewport: { width: 1280, height: 900 } });
  /** A script click (no hover, so no prefetch); resolves with the ms to the new <h1> painted. */
  const switchTo = (n) =>
    page.evaluate((n) => new Promise((resolve) => {
      const slug = `synthetic-${String(n).padStart(5, '0')}`;
      const start = performance.now();
      const observer = new MutationObserver(() => {
        if (location.pathname === `/shows/${slug}` && document.querySelector('main h1')?.textContent.includes(` ${n} `)) {
          observer.disconnect();
          // Painted: the frame after the one that laid it out.
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
        }
      });
      observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
      document.querySelector(`.ns-read-also a[href="/shows/${slug}"]`).click();
    }), n);
  await page.goto(`${site.url}/shows/synthetic-00000`);
  await page.waitForSelector('.ns-read-also');
  const cold = [];
  const prefetched = [];
  for (let n = 1; n <= 2 * runs; n++) {
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
    await page.waitForTimeout(50);
  }
  await page.context().close();
  return { cold, prefetched };
}
