// The catalogue page with 10,000 generated, labelled-synthetic shows beside the shipped ones:
// results are paged, search and filters still narrow them, a show page still fetches only its
// own shard. (How fast is the benchmark's business, not a test's.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './harness.mjs';

let site;
before(async () => (site = await open({ synthetic: 10000 })));
after(async () => site?.close());

test('10,000 shows are paged, searched and filtered', async () => {
  const page = await site.page();
  await page.goto(site.url);
  await page.waitForSelector('.ns-show-card');
  assert.equal(await page.textContent('.ns-results-count'), '10002 shows · page 1 of 417');
  assert.equal(await page.locator('.ns-show-card').count(), 24);
  await page.click('.ns-pager >> text=Next');
  await page.waitForFunction(() => location.search === '?page=2');
  assert.match(await page.textContent('.ns-pager'), /Page 2 of 417/);

  // Typing: every keystroke is taken, and the list follows once typing pauses.
  await page.click('#ns-q');
  await page.keyboard.type('syn-04242', { delay: 30 });
  await page.waitForFunction(() => location.search === '?q=syn-04242');
  assert.equal(await page.inputValue('#ns-q'), 'syn-04242');
  assert.equal(await page.textContent('.ns-results-count'), '1 show');
  assert.match(await page.textContent('.ns-show-card h2'), /^Synthetic \w+ \w+ 4242$/);

  await page.fill('#ns-q', '');
  await page.selectOption('#ns-studio', 'synthetic-studio-beta');
  await page.waitForFunction(() => location.search === '?studio=synthetic-studio-beta');
  const count = Number((await page.textContent('.ns-results-count')).split(' ')[0]);
  assert.ok(count > 100 && count < 10000, `${count} shows of Synthetic Studio Beta`);
  const label = await page.$eval('#ns-studio option:checked', (o) => o.textContent);
  assert.equal(label, `Synthetic Studio Beta (${count})`);
  assert.deepEqual(page.errors, []);
});

test('a show page fetches its own shard and nothing that grows with the catalogue', async () => {
  const page = await site.page();
  const before = site.requests.length;
  await page.goto(`${site.url}/shows/synthetic-09999`);
  await page.waitForSelector('.ns-read-also');
  const data = site.requests.slice(before).filter((p) => p.startsWith('/data/'));
  assert.deepEqual(data, ['/data/shows/synthetic-09999.json']);
});
