// A search keystroke's main-thread work on `/`, from the input event to the list laid out:
// shared by benchmark.mjs (§6) and measure-first-search.mjs. Measured once the whole search
// index has arrived and is indexed: typing while its chunks arrive is not what it measures.

/** Each word typed letter by letter, `runs` times over; the ms of every keystroke. */
export async function keystrokeTimes(site, words, runs) {
  const p = await site.page({ viewport: { width: 1280, height: 900 } });
  await p.visit(`${site.url}/`);
  // Loads the whole search index and waits for it: a query that matches nothing, and the end
  // of "still loading more shows" (the chunks are indexed in slices meanwhile).
  await p.fill('#ns-q', 'qqqqqqqq');
  await p.waitForSelector('#ns-no-results-h', { timeout: 120000 });
  await p.waitForFunction(() => !document.querySelector('.ns-loading-more'), null, { timeout: 120000 });
  await p.fill('#ns-q', '');
  const samples = [];
  for (let run = 0; run < runs; run++) {
    for (const word of words) {
      for (let i = 1; i <= word.length; i++) {
        samples.push(await p.evaluate(async (text) => {
          const input = document.getElementById('ns-q');
          const t0 = performance.now();
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => setTimeout(r, 0));
          void document.body.offsetHeight;
          return performance.now() - t0;
        }, word.slice(0, i)));
        await p.waitForTimeout(20);
      }
      await p.evaluate(() => { const input = document.getElementById('ns-q'); input.value = ''; input.dispatchEvent(new Event('input', { bubbles: true })); });
      await p.waitForTimeout(50);
    }
  }
  await p.context().close();
  return samples;
}
