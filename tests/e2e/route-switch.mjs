// Click on "Read also" to the new show's <h1> painted, for shows prefetched by hover and for
// cold ones, alternately: shared by measure-route-switch.mjs and benchmark.mjs. Needs a site
// with at least 2 × runs + 1 synthetic shows (each links to the next).
import assert from 'node:assert/strict';

export async function routeSwitchTimes(site, runs) {
  const page = await site.page({ viewport: { width: 1280, height: 900 } });
  /** A script click (no hover, so no prefetch); resolves with the ms from the click to the
   *  end of the frame that paints the new <h1>: the first animation frame after it is in the
   *  document, plus the task that follows that frame's rendering (rAF + message idiom). The
   *  page updates the old <h1> in place, so Element Timing reports nothing new to use here. */
  const switchTo = (n) =>
    page.evaluate((n) => new Promise((resolve) => {
      const slug = `synthetic-${String(n).padStart(5, '0')}`;
      const observer = new MutationObserver(() => {
        if (location.pathname === `/shows/${slug}` && document.querySelector('main h1')?.textContent.includes(` ${n} `)) {
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              // The round trip of a cold switch: the shard's fetch, as the browser timed it.
              const fetched = performance.getEntriesByType('resource').filter((r) => r.name.endsWith(`/data/shows/${slug}.json`)).pop();
              resolve({ ms: performance.now() - start, fetch: fetched && fetched.startTime >= start ? fetched.responseEnd - fetched.startTime : 0 });
            };
            channel.port2.postMessage(null);
          });
        }
      });
      observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
      const start = performance.now();
      document.querySelector(`.ns-read-also a[href="/shows/${slug}"]`).click();
    }), n);
  await page.goto(`${site.url}/shows/synthetic-00000`);
  await page.waitForSelector('.ns-read-also');
  const cold = [];
  const prefetched = [];
  const fetches = [];
  for (let n = 1; n <= 2 * runs; n++) {
    const slug = `synthetic-${String(n).padStart(5, '0')}`;
    if (n % 2 === 0) {
      await page.hover(`.ns-read-also a[href="/shows/${slug}"]`);
      await page.waitForFunction((s) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(`/data/shows/${s}.json`)), slug);
      prefetched.push((await switchTo(n)).ms);
    } else {
      // Nothing under the pointer: a link appearing beneath it would prefetch the cold show.
      await page.mouse.move(0, 0);
      assert.equal(site.count(`/data/shows/${slug}.json`), 0);
      // The server compresses a file the first time it is asked for it; a static host serves a
      // file compressed ahead of time. Ask once from here (not the browser), as that host would.
      await fetch(`${site.url}/data/shows/${slug}.json`, { headers: { 'accept-encoding': 'br' } });
      site.requests.pop();
      const { ms, fetch: fetched } = await switchTo(n);
      cold.push(ms);
      fetches.push(fetched);
    }
    await page.waitForSelector('.ns-read-also');
    await page.waitForTimeout(50);
  }
  await page.context().close();
  return { cold, prefetched, fetches };
}
