// The catalogue page with 10,000 generated, labelled-synthetic shows beside the shipped ones:
// the unfiltered catalogue is read a page at a time (the head of the index, then only the part
// holding a page), a search or a filter loads every chunk of the search index once, a show page
// still fetches only its own shard. (How fast is the benchmark's business, not a test's.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { holdRequests, open } from './harness.mjs';

let site;
let head;
before(async () => {
  site = await open({ synthetic: 10000 });
  head = JSON.parse(await readFile(join(site.root, 'data', 'index.json'), 'utf8'));
});
after(async () => site?.close());

/** The files under /data/ requested since `from` (an index into site.requests). */
function dataSince(from) {
  return site.requests.slice(from).filter((p) => p.startsWith('/data/'));
}

/** The catalogue's files among them (a card under the mouse also prefetches its show's shard). */
function catalogueSince(from) {
  return dataSince(from).filter((p) => p.startsWith('/data/index'));
}

async function part(n) {
  return JSON.parse(await readFile(join(site.root, 'data', 'index', `${n}.json`), 'utf8'));
}

async function cardTitles(page) {
  return page.$$eval('.ns-show-card h2', (hs) => hs.map((h) => h.textContent));
}

test('the index is a small head and parts of 2,000 shows; the search index chunks of 1,000 then 2,000', () => {
  assert.deepEqual([head.total, head.part_size, head.parts, head.shows.length], [10002, 2000, 5, 48]);
  assert.deepEqual(head.search_chunks, [1000, 2000, 2000, 2000, 2000, 1002]);
});

test('the first screen reads only the head; page 3 only the part holding it', async () => {
  const page = await site.page();
  let from = site.requests.length;
  await page.visit(site.url);
  await page.waitForSelector('.ns-show-card h2');
  assert.equal(await page.textContent('.ns-results-count'), '10002 shows · page 1 of 417');
  assert.deepEqual(await cardTitles(page), head.shows.slice(0, 24).map((s) => s.title));
  // The filters show the whole catalogue's counts, from the head.
  const beta = head.facets.studios.find((s) => s.label === 'Synthetic Studio Beta');
  assert.equal(await page.$eval('#ns-studio option[value="synthetic-studio-beta"]', (o) => o.textContent), `Synthetic Studio Beta (${beta.count})`);
  assert.deepEqual(dataSince(from), ['/data/index.json']);

  await page.click('.ns-pager >> text=Next');
  await page.waitForFunction(() => location.search === '?page=2');
  await page.waitForFunction((t) => document.querySelector('.ns-show-card h2')?.textContent === t, head.shows[24].title);
  assert.deepEqual(catalogueSince(from), ['/data/index.json'], 'page 2 is in the head too');

  await page.click('.ns-pager >> text=Next');
  await page.waitForFunction(() => location.search === '?page=3');
  const first = await part(1);
  await page.waitForFunction((t) => document.querySelector('.ns-show-card h2')?.textContent === t, first.shows[0].title);
  assert.deepEqual(await cardTitles(page), first.shows.slice(0, 24).map((s) => s.title));
  assert.match(await page.textContent('.ns-pager'), /Page 3 of 417/);
  assert.deepEqual(catalogueSince(from), ['/data/index.json', '/data/index/1.json']);

  // A page across two parts (entries 2,040 to 2,063) reads those two, and nothing else.
  from = site.requests.length;
  await page.visit(`${site.url}/?page=86`);
  await page.waitForSelector('.ns-show-card h2');
  const second = await part(2);
  assert.deepEqual(await cardTitles(page), [...first.shows.slice(1992), ...second.shows.slice(0, 16)].map((s) => s.title));
  assert.deepEqual(catalogueSince(from).sort(), ['/data/index.json', '/data/index/1.json', '/data/index/2.json']);
  assert.deepEqual(page.errors, []);
});

test('a search loads every chunk once, says so meanwhile, and finds the show', async () => {
  const page = await site.page();
  await page.visit(site.url);
  await page.waitForSelector('.ns-show-card h2');
  const from = site.requests.length;
  // The first chunk held back until the test has seen the list say what it is doing (instead of
  // showing stale results): a condition, not a delay that a slow machine could outlast.
  const release = await holdRequests(page, '**/data/search/1.json');
  await page.click('#ns-q');
  await page.keyboard.type('syn-04242', { delay: 30 });
  await page.waitForSelector('[role=status] >> text=Searching all 10002 shows…');
  release();
  await page.waitForFunction(() => location.search === '?q=syn-04242');
  await page.waitForFunction(() => document.querySelector('.ns-results-count')?.textContent === '1 show');
  assert.equal(await page.inputValue('#ns-q'), 'syn-04242');
  assert.match(await page.textContent('.ns-show-card h2'), /^Synthetic \w+ \w+ 4242$/);
  const chunks = dataSince(from).filter((p) => p.startsWith('/data/search/')).sort();
  assert.deepEqual(chunks, head.search_chunks.map((_, i) => `/data/search/${i + 1}.json`).sort());
  assert.deepEqual(catalogueSince(from), [], 'no part of the catalogue');
  assert.deepEqual(page.errors, []);
});

test('a studio filter counts every show of the studio', async () => {
  const all = [...head.shows];
  for (let n = 1; n <= head.parts; n++) all.push(...(await part(n)).shows);
  const expected = all.filter((s) => s.studios.includes('Synthetic Studio Beta')).length;
  const page = await site.page();
  await page.visit(`${site.url}/?studio=synthetic-studio-beta`);
  await page.waitForSelector('.ns-show-card h2');
  // Counted over every show: the list shows what has arrived until then, and says so.
  await page.waitForFunction(() => !document.querySelector('.ns-loading-more, .ns-searching'));
  assert.equal(await page.textContent('.ns-results-count'), `${expected} shows · page 1 of ${Math.ceil(expected / 24)}`);
  assert.equal(await page.$eval('#ns-studio option:checked', (o) => o.textContent), `Synthetic Studio Beta (${expected})`);
  assert.ok(expected > 100 && expected < 10000, `${expected} shows of Synthetic Studio Beta`);
  assert.deepEqual(page.errors, []);
});

test('a chunk that fails gives an error card naming it while the others are searched, and Retry loads it', async () => {
  const page = await site.page();
  let broken = true;
  await page.route('**/data/search/2.json', (route) =>
    broken ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema": 1, "chunk": 2, "first": 1000, "tables": {}, "shows": {"slug": ["x"]}}' }) : route.continue(),
  );
  // The first show of the default order, in the first chunk.
  const { slug } = head.shows[0];
  await page.visit(`${site.url}/?q=${slug}`);
  await page.waitForSelector('.ns-error');
  assert.equal(await page.textContent('.ns-error__url'), '/data/search/2.json');
  assert.deepEqual(await page.$$eval('.ns-error__problems li', (lis) => lis.map((li) => li.textContent)), ['shows: missing field `title`']);
  // The other chunks are searched meanwhile, and say that some shows could not be loaded.
  await page.waitForFunction(() => /^8002 of 10002 shows searched: some could not be loaded/.test(document.querySelector('.ns-loading-more')?.textContent ?? ''));
  await page.waitForSelector(`.ns-show-card a[href="/shows/${slug}"]`);
  broken = false;
  await page.click('text=Retry');
  await page.waitForFunction(() => !document.querySelector('.ns-loading-more'));
  await page.waitForSelector(`.ns-show-card a[href="/shows/${slug}"]`);
  assert.doesNotMatch(await page.textContent('.ns-results-count'), /so far/);
  assert.equal(await page.locator('.ns-error').count(), 0);
  assert.equal(await page.locator('.ns-loading-more').count(), 0);
});

test('the widget lists the head, then reads a part when "Show more" reaches it', async () => {
  const page = await site.page();
  const from = site.requests.length;
  await page.goto(`${site.url}/blog/catalogue.html`);
  const cards = () => page.evaluate(() => document.querySelector('[data-nextseason]').shadowRoot?.querySelectorAll('.ns-show-card h3').length);
  await page.waitForFunction(() => document.querySelector('[data-nextseason]').shadowRoot?.querySelectorAll('.ns-show-card h3').length > 0);
  assert.equal(await cards(), 24);
  assert.deepEqual(dataSince(from), ['/data/index.json']);
  const more = page.locator('[data-nextseason] >> .ns-more button');
  await more.click();
  await page.waitForFunction(() => document.querySelector('[data-nextseason]').shadowRoot.querySelectorAll('.ns-show-card h3').length === 48);
  assert.deepEqual(catalogueSince(from), ['/data/index.json']);
  await more.click();
  await page.waitForFunction(() => document.querySelector('[data-nextseason]').shadowRoot.querySelectorAll('.ns-show-card h3').length === 72);
  assert.equal(await more.textContent(), 'Show more (72 of 10002)');
  assert.deepEqual(catalogueSince(from), ['/data/index.json', '/data/index/1.json']);
  assert.deepEqual(page.errors, []);
});

test('a show page fetches its own shard and nothing that grows with the catalogue', async () => {
  const page = await site.page();
  const before = site.requests.length;
  await page.visit(`${site.url}/shows/synthetic-09999`);
  await page.waitForSelector('.ns-read-also');
  const data = site.requests.slice(before).filter((p) => p.startsWith('/data/'));
  assert.deepEqual(data, ['/data/shows/synthetic-09999.json']);
});
