// Pages written at build time (nextseason-prerender, run by the release build): what a reader
// without JavaScript, a crawler or a link preview gets, and the app taking over in place.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cardHeadings, holdRequests, open } from './harness.mjs';

const HEADLINE = 'Will Metallic Rouge have season 2?【Release Date】';
const CARDS = [HEADLINE, 'Technical sheet', 'Season 2 outlook', 'Where to watch', 'Cast', 'Read also'];

let site;
before(async () => (site = await open()));
after(async () => site?.close());

test('without JavaScript, a show page is the whole article with every card', async () => {
  const page = await site.page({ javaScriptEnabled: false });
  const response = await page.goto(`${site.url}/shows/metallic-rouge`);
  assert.equal(response.status(), 200);
  assert.deepEqual(await cardHeadings(page), CARDS);
  assert.equal(await page.title(), `${HEADLINE} · NextSeason`);
  const text = await page.textContent('main');
  for (const fact of ['Natalia Hernández', 'Bones', 'メタリックルージュ', 'Crunchyroll', 'Fuji TV +Ultra', 'Yui Ogura', 'Jill Sturgeon', 'Sengoku Youko']) {
    assert.ok(text.includes(fact), `missing ${fact}`);
  }
  assert.equal(await page.getAttribute('.ns-cast [lang="ja"]', 'lang'), 'ja');
  // Links work as links: Read also opens the other show's own page.
  await page.click('.ns-read-also a[href="/shows/sengoku-youko"]');
  await page.waitForURL('**/shows/sengoku-youko');
  assert.match(await page.textContent('h1'), /Sengoku Youko/);
});

test('without JavaScript, the catalogue lists the shows and unknown paths get the 404 page', async () => {
  const page = await site.page({ javaScriptEnabled: false });
  await page.goto(site.url);
  assert.equal(await page.textContent('h1'), 'Will it get a season 2?');
  assert.deepEqual(await page.$$eval('.ns-show-card h2', (hs) => hs.map((h) => h.textContent)).then((t) => t.length), 2);
  const response = await page.goto(`${site.url}/shows/no-such-show`);
  assert.equal(response.status(), 404);
  assert.equal(await page.textContent('h1'), 'Page not found');
  assert.equal(await page.getAttribute('meta[name=robots]', 'content'), 'noindex');
});

test('a link preview reads the title, description, OpenGraph and JSON-LD from the HTML', async () => {
  const html = await (await fetch(`${site.url}/shows/metallic-rouge`)).text();
  const meta = (key) => new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1];
  assert.equal(meta('og:title'), HEADLINE);
  assert.equal(meta('og:type'), 'article');
  assert.match(meta('og:url'), /^https:\/\/[^/]+\/shows\/metallic-rouge$/);
  assert.match(meta('description'), /no official announcement/);
  assert.equal(meta('twitter:card'), 'summary_large_image');
  assert.match(meta('og:image'), /^https:\/\/[^/]+\/cards\/shows\/metallic-rouge\.png$/);
  assert.equal(meta('twitter:image'), meta('og:image'));
  assert.match(meta('og:image:alt'), /^NextSeason card for Metallic Rouge \(メタリックルージュ\)\. No announcement\. /);
  const data = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]));
  assert.deepEqual(data.map((d) => d['@type']), ['Article', 'TVSeries']);
  assert.equal(data[1].actor.find((r) => r.characterName === 'Jill Sturgeon').actor.name, 'Yui Ogura');
  const sitemap = await (await fetch(`${site.url}/sitemap.xml`)).text();
  assert.match(sitemap, /<loc>https:\/\/[^<]+\/shows\/sengoku-youko<\/loc>/);
  assert.match(await (await fetch(`${site.url}/robots.txt`)).text(), /^Sitemap: https:\/\/.+\/sitemap\.xml$/m);
});

test("every page's share card is a 1200×630 PNG of the build, which the page itself never fetches", async () => {
  for (const path of ['/', '/shows/metallic-rouge', '/shows/sengoku-youko']) {
    const html = await (await fetch(`${site.url}${path}`)).text();
    const meta = (key) => new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1];
    const image = new URL(meta('og:image'));
    assert.equal(image.protocol, 'https:', `${path}: an absolute address`);
    assert.deepEqual([meta('og:image:width'), meta('og:image:height'), meta('og:image:type')], ['1200', '630', 'image/png'], path);
    assert.ok(meta('og:image:alt')?.length > 20 && meta('twitter:image:alt') === meta('og:image:alt'), `${path}: its text alternative`);
    // The build's file at that path, served as a host serves it.
    const response = await fetch(`${site.url}${image.pathname}`);
    assert.equal(response.status, 200, image.pathname);
    assert.equal(response.headers.get('content-type'), 'image/png');
    const png = Buffer.from(await response.arrayBuffer());
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    // IHDR: width and height, big-endian, after the signature and the chunk's length and type.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], image.pathname);
  }
  // A reader's first view: the card is in the head's tags only, never an image the page loads.
  const page = await site.page();
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto(`${site.url}/shows/metallic-rouge`);
  await page.waitForFunction(() => performance.getEntriesByName('nextseason:ready').length > 0 && !document.querySelector('[data-ns-prerendered]'));
  assert.deepEqual(asked.filter((path) => path.startsWith('/cards/')), []);
  assert.equal(await page.$$eval('img', (images) => images.filter((i) => i.src.includes('/cards/')).length), 0);
});

test('what a reader types or picks before the take-over is kept: the search, a filter, the region', async () => {
  const page = await site.page();
  // The app's wasm held back: the reader uses the written page's form first.
  const release = await holdRequests(page, '**/nextseason-*_bg.wasm');
  await page.goto(`${site.url}/`);
  await page.waitForSelector('[data-ns-prerendered] input[type=search]');
  await page.fill('[data-ns-prerendered] input[type=search]', 'Sengoku');
  const sort = await page.$eval('[data-ns-prerendered] select[name=sort]', (s) => [...s.options].map((o) => o.value).find((v) => v && v !== s.value));
  await page.selectOption('[data-ns-prerendered] select[name=sort]', sort);
  release();
  await page.waitForFunction(() => performance.getEntriesByName('nextseason:ready').length > 0 && !document.querySelector('[data-ns-prerendered]'));
  assert.equal(await page.inputValue('input[type=search]'), 'Sengoku', 'the typed search stays in the box');
  assert.equal(await page.inputValue('select[name=sort]'), sort, 'and the order picked');
  // …and the app follows them: the list is searched, and the address says so.
  await page.waitForFunction(() => document.querySelectorAll('.ns-show-card').length === 1);
  assert.match(await page.textContent('.ns-show-card'), /Sengoku Youko/);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'Sengoku');

  // A show page: the region picked before the take-over is the reader's region after it.
  const show = await site.page();
  const held = await holdRequests(show, '**/nextseason-*_bg.wasm');
  await show.goto(`${site.url}/shows/metallic-rouge`);
  await show.selectOption('[data-ns-prerendered] #ns-region', 'JP');
  held();
  await show.waitForFunction(() => performance.getEntriesByName('nextseason:ready').length > 0 && !document.querySelector('[data-ns-prerendered]'));
  assert.equal(await show.inputValue('#ns-region'), 'JP');
  await show.waitForFunction(() => document.querySelector('.ns-offer--here')?.textContent.includes('Fuji TV'));
  assert.deepEqual([...page.errors, ...show.errors], []);
});

test('the app takes over in place: one <h1>, focus and scroll kept, then Read also routes in the page', async () => {
  const page = await site.page({ viewport: { width: 390, height: 700 } });
  // Hold the wasm back, so that the reader can scroll and focus a link of the written page.
  const release = await holdRequests(page, '**/*.wasm');
  const since = site.requests.length;
  await page.goto(`${site.url}/shows/metallic-rouge`);
  await page.waitForSelector('[data-ns-prerendered] h1');
  await page.evaluate(() => window.scrollTo(0, 600));
  await page.focus('.ns-read-also a');
  const y = await page.evaluate(() => scrollY);
  release();
  await page.waitForFunction(() => !document.querySelector('[data-ns-prerendered]'));
  assert.equal(await page.locator('h1').count(), 1, 'one <h1>, not two');
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.evaluate(() => scrollY), y, 'the scroll position is kept');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '/shows/sengoku-youko', 'focus is kept');

  const documents = site.requests.length;
  await page.evaluate(() => document.querySelector('.ns-read-also a').click());
  await page.waitForFunction(() => location.pathname === '/shows/sengoku-youko' && document.querySelector('h1')?.textContent.includes('Sengoku Youko'));
  const fetched = site.requests.slice(documents);
  assert.ok(!fetched.includes('/shows/sengoku-youko'), `a client-side route change, no page loaded: ${fetched}`);
  // Its data came once: prefetched when the link took focus. (Counted from this page's start:
  // a written show page preloads its own file with a link, scripts or not, so earlier tests'
  // visits count apart.)
  assert.equal(site.requests.slice(since).filter((p) => p === '/data/shows/sengoku-youko.json').length, 1);
  assert.equal(await page.locator('h1').count(), 1);
  assert.deepEqual(page.errors, []);
});

