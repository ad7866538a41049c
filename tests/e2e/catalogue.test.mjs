// The release build as shipped: the editors' shows merged with every work of bangumi-data
// (issue 12). Searches in every script, the data's links to watch, the next-season answer taken
// from the data, and its credit, on the site, in its written pages and in the widget.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { holdRequests, open } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let site;
before(async () => (site = await open({ catalogue: 'full' })));
after(async () => site?.close());

const CREDIT = /Data: bangumi-data \(CC BY 4\.0\)/;
/** Text as it reads on screen: without the screen readers' "(opens in a new tab)" of links. */
const seen = (text) => text.replaceAll(' (opens in a new tab)', '');

/** The slugs of the catalogue's cards on the page, in order. */
function listed(page) {
  return page.$$eval('.ns-show-card a[href^="/shows/"]', (as) => as.map((a) => a.getAttribute('href').slice('/shows/'.length)));
}

test('the catalogue holds every imported work', async () => {
  const head = JSON.parse(await readFile(join(site.root, 'data', 'index.json'), 'utf8'));
  assert.ok(head.total > 8000, `only ${head.total} shows`);
  // The shards, not their precompressed twins (README, "Precompressed files").
  const shards = (await readdir(join(site.root, 'data', 'shows'))).filter((name) => name.endsWith('.json'));
  assert.equal(shards.length, head.total);
  const page = await site.page({ locale: 'en-US' });
  await page.visit(`${site.url}/`);
  assert.match(await page.textContent('main'), new RegExp(`${head.total} shows`));
  assert.deepEqual(page.errors, []);
});

for (const [words, slug] of [
  ['Metallic', 'metallic-rouge'],
  ['メタリック', 'metallic-rouge'],
  ['金属口红', 'metallic-rouge'],
  ['Frieren', 'frieren-beyond-the-journeys-end'],
]) {
  test(`a search for "${words}" finds ${slug}`, async () => {
    const page = await site.page({ locale: 'en-US' });
    await page.visit(`${site.url}/`);
    // Typed, as a reader types: the list follows the keystrokes.
    await page.fill('input[type=search]', words);
    await page.waitForFunction((s) => !!document.querySelector(`.ns-show-card a[href="/shows/${s}"]`), slug);
    assert.ok((await listed(page)).length < 100, 'the search narrowed the list');
    // The same search as an address.
    const again = await site.page({ locale: 'en-US' });
    await again.visit(`${site.url}/?q=${encodeURIComponent(words)}`);
    await again.waitForSelector(`.ns-show-card a[href="/shows/${slug}"]`);
    assert.deepEqual([...page.errors, ...again.errors], []);
  });
}

/** Records the data files `page` receives, each with its bytes as the test server's brotli
 *  (server.mjs: quality 11) would send it. */
function recordData(page) {
  const fetched = [];
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/data/') || response.status() !== 200) return;
    const body = await response.body();
    fetched.push({ path, at: Date.now(), brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
  });
  return fetched;
}
const sum = (files) => files.reduce((n, f) => n + f.brotli, 0);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** A show of the search index's first chunk (the newest shows), and the words to type for it. */
async function aShowOfTheFirstChunk() {
  const chunk = JSON.parse(await readFile(join(site.root, 'data', 'search', '1.json'), 'utf8'));
  // The tenth show with a title in ASCII letters: what a reader types whole.
  const at = chunk.shows.title.map((t, i) => [t, i]).filter(([t]) => /^[A-Za-z][\x20-\x7e]{5,}$/.test(t))[9][1];
  const title = chunk.shows.title[at];
  // An empty slug is the title's key (bundle::facet_key, which for ASCII is this).
  const slug = chunk.shows.slug[at] || title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return { title, slug, words: title };
}

test('a first search shows results from its first chunk: at most 150 KB brotli of data before them', async (t) => {
  const head = JSON.parse(await readFile(join(site.root, 'data', 'index.json'), 'utf8'));
  assert.ok(head.search_chunks.length > 2, `${head.search_chunks.length} chunks`);
  const { slug, words } = await aShowOfTheFirstChunk();
  const page = await site.page({ locale: 'en-US' });
  const fetched = recordData(page);
  // Every chunk but the first held back until the first results are on screen: what was
  // downloaded by then is what the first results needed.
  const release = await holdRequests(page, /\/data\/search\/([2-9]|\d\d+)\.json$/);
  await page.visit(`${site.url}/`);
  const typed = Date.now();
  await page.fill('input[type=search]', words);
  await page.waitForSelector(`.ns-show-card a[href="/shows/${slug}"]`);
  const firstResults = Date.now() - typed;
  assert.match(await page.textContent('.ns-loading-more'), new RegExp(`^Still loading more shows… ${head.search_chunks[0]} of ${head.total} searched so far`));
  assert.match(await page.textContent('.ns-results-count'), /^\d+ shows? so far/);
  assert.equal(await page.getAttribute('.ns-loading-more', 'aria-live'), 'polite');
  const before = [...fetched];
  assert.deepEqual(before.map((f) => f.path).sort(), ['/data/index.json', '/data/search/1.json']);
  const first = sum(before);
  assert.ok(first <= 150000, `the first results needed ${kb(first)} brotli`);
  release();
  await page.waitForFunction(() => !document.querySelector('.ns-loading-more'));
  assert.doesNotMatch(await page.textContent('.ns-results-count'), /so far/);
  const searchFiles = fetched.filter((f) => f.path.startsWith('/data/search/'));
  assert.equal(searchFiles.length, head.search_chunks.length, 'every chunk once');
  assert.ok(!fetched.some((f) => f.path.startsWith('/data/index/')), 'no part of the catalogue');
  t.diagnostic(`first results after ${firstResults} ms (loopback) with ${kb(first)} brotli (index.json ${kb(before.find((f) => f.path === '/data/index.json').brotli)}, search/1.json ${kb(before.find((f) => f.path === '/data/search/1.json').brotli)}); the whole search index ${kb(sum(searchFiles))} in ${searchFiles.length} chunks`);
  assert.deepEqual(page.errors, []);
});

test('results appear before the last chunk arrives, and the counts are final once it has', async () => {
  const head = JSON.parse(await readFile(join(site.root, 'data', 'index.json'), 'utf8'));
  const last = head.search_chunks.length;
  const page = await site.page({ locale: 'en-US' });
  const release = await holdRequests(page, `**/data/search/${last}.json`);
  await page.visit(`${site.url}/`);
  await page.fill('input[type=search]', 'season');
  const held = head.total - head.search_chunks[last - 1];
  await page.waitForFunction((n) => document.querySelector('.ns-loading-more')?.textContent.includes(`${n} of`), held);
  assert.ok((await listed(page)).length > 0, 'results listed while the last chunk is held back');
  const partial = Number((await page.textContent('.ns-results-count')).match(/^(\d+) shows? so far/)[1]);
  release();
  await page.waitForFunction(() => !document.querySelector('.ns-loading-more'));
  const complete = Number((await page.textContent('.ns-results-count')).match(/^(\d+) shows?/)[1]);
  assert.ok(complete >= partial, `${complete} of all, ${partial} before the last chunk`);
  assert.deepEqual(page.errors, []);
});

test('the region and platform filters change the list', async () => {
  const page = await site.page({ locale: 'en-US' });
  const head = JSON.parse(await readFile(join(site.root, 'data', 'index.json'), 'utf8'));
  // The page written at build time lists the whole catalogue; a filtered list replaces it once
  // every part of the catalogue is in.
  const count = async (query) => {
    await page.visit(`${site.url}/${query}`);
    await page.waitForFunction(
      (total) => {
        const status = document.querySelector('.ns-results-count')?.textContent ?? '';
        // Counted over every show: no part of the search index still loading.
        return !document.querySelector('.ns-searching, .ns-loading-more') && /^\d+ shows?/.test(status) && !status.startsWith(`${total} shows`);
      },
      head.total,
    );
    return Number((await page.textContent('.ns-results-count')).match(/\d+/)[0]);
  };
  const all = head.total;
  const inFrance = await count('?region=FR');
  const inJapan = await count('?region=JP');
  const onNetflix = await count('?platform=netflix');
  assert.ok(inFrance > 0 && inFrance < all, `France ${inFrance} of ${all}`);
  assert.ok(inJapan > inFrance, `Japan ${inJapan}, France ${inFrance}`);
  assert.ok(onNetflix > 0 && onNetflix < all, `Netflix ${onNetflix} of ${all}`);
  // Every show listed for France has a platform that serves France.
  await count('?region=FR');
  const first = (await listed(page))[0];
  await page.visit(`${site.url}/shows/${first}`);
  await page.selectOption('#ns-region', 'FR');
  await page.waitForSelector('.ns-offer--here');
  assert.deepEqual(page.errors, []);
});

test("Metallic Rouge links to its Crunchyroll series and to Netflix", async () => {
  const page = await site.page({ locale: 'en-US' });
  await page.visit(`${site.url}/shows/metallic-rouge`);
  await page.waitForSelector('.ns-offer');
  const offers = await page.$$eval('.ns-offer__link', (as) => as.map((a) => [a.textContent, a.href, a.rel, a.target]));
  const crunchyroll = offers.find(([text]) => text.startsWith('Crunchyroll'));
  assert.ok(crunchyroll, 'no Crunchyroll');
  assert.match(crunchyroll[1], /^https:\/\/www\.crunchyroll\.com\/series\/G24H1NWMJ/);
  const netflix = offers.find(([text]) => text.startsWith('Netflix'));
  assert.ok(netflix, 'no Netflix');
  assert.match(netflix[1], /^https:\/\/www\.netflix\.com\/title\/\d+$/);
  for (const [, href, rel, target] of offers) {
    assert.match(href, /^https:\/\//);
    assert.equal(rel, 'noopener noreferrer');
    assert.equal(target, '_blank');
  }
  // The editor's own words stay: Fuji TV's +Ultra block, and the article.
  const text = await page.textContent('main');
  assert.ok(text.includes('Fuji TV’s +Ultra programming block'));
  assert.ok(text.includes('Natalia Hernández'));
  assert.match(seen(text), CREDIT);
  assert.deepEqual(page.errors, []);
});

test("Sengoku Youko's outlook names its second part and its date", async () => {
  const page = await site.page({ locale: 'en-US' });
  await page.visit(`${site.url}/shows/sengoku-youko`);
  const outlook = page.locator('section', { has: page.locator('h2', { hasText: /outlook/i }) });
  await outlook.waitFor();
  const text = await outlook.textContent();
  assert.match(text, /The Thousandfold Chaos Arc/);
  assert.match(text, /July 18, 2024/);
  // The part is a link to its own page, which the router follows in place.
  const link = outlook.locator('a[href="/shows/sengoku-youko-the-thousandfold-chaos-arc"]').first();
  await link.click();
  await page.waitForURL('**/shows/sengoku-youko-the-thousandfold-chaos-arc');
  await page.waitForFunction(() => /Thousandfold Chaos Arc/.test(document.querySelector('h1')?.textContent ?? ''));
  assert.deepEqual(page.errors, []);
});

test('a work without an editor says what the data is and how fresh, never "not announced"', async () => {
  const page = await site.page({ locale: 'en-US' });
  // A work of the data alone: its article and outlook are the data's.
  await page.visit(`${site.url}/shows/frieren-beyond-the-journeys-end`);
  await page.waitForSelector('h1');
  const main = await page.textContent('main');
  assert.match(main, /generated|written automatically/i);
  assert.match(main, /as of May 15, 2026/);
  assert.match(seen(main), CREDIT);
  assert.deepEqual(page.errors, []);
});

test('the credit is on the written pages, before any script', async () => {
  const page = await site.page({ locale: 'en-US', javaScriptEnabled: false });
  for (const path of ['/', '/shows/metallic-rouge', '/shows/frieren-beyond-the-journeys-end', '/shows/no-such-show']) {
    await page.goto(`${site.url}${path}`);
    assert.match(seen(await page.textContent('body')), CREDIT, path);
    const links = await page.$$eval('.ns-credit a', (as) => as.map((a) => a.href));
    assert.ok(links.includes('https://github.com/bangumi-data/bangumi-data'), path);
    assert.ok(links.includes('https://creativecommons.org/licenses/by/4.0/'), path);
  }
});

test('the widget embeds any imported show, with the credit', async () => {
  const page = await site.page({ locale: 'en-US' });
  await page.goto(`${site.url}/blog/post.html`);
  await page.locator('#widget-one >> h2#ns-headline').waitFor();
  // A widget added after the page loaded, naming a show of the data alone.
  await page.evaluate(async () => {
    const element = document.createElement('div');
    element.id = 'widget-imported';
    element.setAttribute('data-nextseason', '');
    element.dataset.show = 'frieren-beyond-the-journeys-end';
    document.body.append(element);
    await window.NextSeason.mount(element);
  });
  const widget = page.locator('#widget-imported >> h2#ns-headline');
  await widget.waitFor();
  assert.match(await widget.textContent(), /Frieren/);
  await page.locator('#widget-imported >> .ns-credit').waitFor();
  assert.match(seen(await page.locator('#widget-imported >> .ns-credit').textContent()), CREDIT);
  assert.deepEqual(page.errors, []);
});

test('the sitemap lists every show page', async () => {
  const xml = await readFile(join(site.root, 'sitemap.xml'), 'utf8');
  const head = JSON.parse(await readFile(join(site.root, 'data', 'index.json'), 'utf8'));
  const urls = xml.match(/<loc>/g)?.length ?? 0;
  if (xml.includes('<sitemapindex')) {
    assert.ok(urls >= 1);
  } else {
    // The home page, the embed page, the methods page of the odds (a bundle with odds.json)
    // and every show.
    const methods = await readFile(join(site.root, 'data', 'odds.json')).then(() => 1, () => 0);
    assert.equal(urls, head.total + 2 + methods);
    assert.ok(xml.includes('/embed/</loc>'));
    assert.equal(xml.includes('/methods</loc>'), methods === 1);
    assert.ok(xml.includes('/shows/sengoku-youko-the-thousandfold-chaos-arc</loc>'));
  }
});

// The data's longest pages: Dr. Stone has seventeen platforms, many named in Chinese or Japanese,
// some for thirty countries; Frieren's outlook has its timeline.
for (const path of ['/', '/shows/dr-stone', '/shows/frieren-beyond-the-journeys-end', '/shows/sengoku-youko']) {
  test(`${path} of the shipped catalogue: no serious axe violation, nothing wider than a phone`, async () => {
    for (const scheme of ['light', 'dark']) {
      const page = await site.page({ locale: 'en-US', colorScheme: scheme, viewport: { width: 320, height: 800 }, bypassCSP: true });
      await page.visit(site.url + path);
      await page.waitForSelector(path === '/' ? '.ns-show-card' : '.ns-offer');
      await page.addScriptTag({ path: AXE });
      const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(serious, [], `${scheme}`);
      // Text in another script carries its language (platform names, native titles).
      const unmarked = await page.$$eval('main *', (elements) =>
        elements
          .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && /[\u3040-\u30ff\u4e00-\u9fff]/.test(n.textContent)))
          .filter((el) => !el.closest('[lang]:not(html)'))
          .map((el) => el.textContent.slice(0, 40)),
      );
      assert.deepEqual(unmarked, [], 'East Asian text without lang');
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 320, `the page is ${wide} px wide at 320`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });
}

// The catalogue by the answer (issue 23): "Coming next" first, every status in the outlook
// filter with its count, a badge on every card, the two new orders, and only the filters that
// give a choice over the whole catalogue.
test('the home page opens with "Coming next", soonest first, at phone width', async () => {
  const head = JSON.parse(await readFile(join(site.root, 'data', 'index.json'), 'utf8'));
  assert.ok(head.coming_total >= head.coming.length && head.coming.length > 0, 'the shipped data has next seasons coming');
  const page = await site.page({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  await page.visit(`${site.url}/`);
  const coming = page.locator('section.ns-coming');
  assert.equal(await coming.locator('h2').textContent(), 'Coming next');
  const slugs = await coming.locator('a[href^="/shows/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href').slice('/shows/'.length)));
  assert.deepEqual(slugs, head.coming.map((e) => e.slug));
  assert.equal(await coming.locator('.ns-badge').count(), head.coming.length, 'each with its badge');
  // Before the search form; a line per show for its status and date, so that the form is not
  // pushed far down a phone's screen.
  const [comingBox, searchBox] = [await coming.boundingBox(), await page.locator('#ns-q').boundingBox()];
  assert.ok(comingBox.y < searchBox.y);
  const lines = await coming.locator('.ns-coming__status').evaluateAll((ss) => ss.map((s) => s.getBoundingClientRect().height / s.querySelector('.ns-badge').getBoundingClientRect().height));
  assert.ok(lines.every((ratio) => ratio < 1.6), `status lines wrap at 390 px: ${lines}`);
  // Its link lists them all by "next season soonest": the coming ones first.
  if (head.coming_total > head.coming.length) {
    await coming.locator('.ns-coming__all a').click();
    await page.waitForFunction(() => location.search === '?sort=soonest');
    await page.waitForFunction((first) => document.querySelector('.ns-show-card a[href^="/shows/"]')?.getAttribute('href') === `/shows/${first}`, head.coming[0].slug);
    assert.equal(await page.inputValue('#ns-sort'), 'soonest');
  }
  assert.deepEqual(page.errors, []);
});

test('the outlook filter offers every status with its count, and every card has its badge', async () => {
  const head = JSON.parse(await readFile(join(site.root, 'data', 'index.json'), 'utf8'));
  const page = await site.page({ locale: 'en-US' });
  await page.visit(`${site.url}/`);
  const options = await page.$$eval('#ns-status option', (os) => os.map((o) => [o.value, o.textContent]));
  // Each status of the whole catalogue, in the filter's order, with its count.
  const key = (status) => status.replaceAll('_', '-');
  assert.deepEqual(options.slice(1).map(([value, text]) => [value, Number(text.match(/\((\d+)\)$/)[1])]), head.facets.statuses.map((s) => [key(s.status), s.count]));
  for (const status of ['airing', 'aired', 'films-only', 'nothing-later']) assert.ok(options.some(([value]) => value === status), status);
  const counted = head.facets.statuses.reduce((sum, s) => sum + s.count, 0);
  assert.equal(counted, head.total, 'every show has a status, the editor\'s or the data\'s');
  const nothing = head.facets.statuses.find((s) => s.status === 'nothing_later').count;
  assert.ok(options.some(([value, text]) => value === 'nothing-later' && text === `No later season found (${nothing})`), JSON.stringify(options));
  const cards = await page.locator('.ns-show-card').count();
  assert.equal(await page.locator('.ns-show-card .ns-badge').count(), cards, 'a badge on every card');
  // Genre and studio cover the editors' few shows only: not offered over the whole catalogue.
  assert.equal(await page.locator('#ns-genre').count(), 0);
  assert.equal(await page.locator('#ns-studio').count(), 0);
  await page.selectOption('#ns-status', 'nothing-later');
  await page.waitForFunction((n) => document.querySelector('.ns-results-count')?.textContent.startsWith(`${n} shows`), nothing);
  assert.deepEqual(page.errors, []);
});

test('"best odds" lists the highest odds from history first', async () => {
  const page = await site.page({ locale: 'en-US' });
  await page.visit(`${site.url}/?sort=odds`);
  await page.waitForSelector('.ns-show-card__odds');
  const shares = await page.$$eval('.ns-show-card__odds', (ss) => ss.map((s) => parseInt(s.textContent, 10)));
  assert.ok(shares.length >= 20, `${shares.length} cards with odds`);
  assert.deepEqual(shares, [...shares].sort((a, b) => b - a));
  assert.match(await page.textContent('.ns-show-card__odds'), /^\d+\u00a0% of like seasons got another within 2 years$/);
  assert.deepEqual(page.errors, []);
});

test('the methods page is a page of the build alone, reached from an outlook card with odds', async () => {
  const page = await site.page({ locale: 'en-US' });
  await page.visit(`${site.url}/shows/one-punch-man-season-3`);
  const link = page.locator('.ns-outlook a[href="/methods"]');
  assert.equal(await link.getAttribute('rel'), 'external', 'the router leaves it to the browser');
  await link.click();
  await page.waitForURL(`${site.url}/methods`);
  assert.equal(await page.textContent('h1'), 'How NextSeason reckons the odds of another season');
  // No app: no script at all, and no wasm fetched.
  assert.equal(await page.locator('script').count(), 0);
  assert.match(await page.title(), /odds/i);
  assert.deepEqual(page.errors, []);
});
