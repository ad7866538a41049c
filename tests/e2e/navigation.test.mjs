// Moving between shows: search and filters in the URL, Back/Forward with title and scroll,
// focus on the new heading, prefetch without double requests, 404 suggestions, the progress
// bar. Against the release build, with a labelled-synthetic catalogue beside the shipped shows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { holdRequests, open } from './harness.mjs';

let site;
before(async () => (site = await open({ synthetic: 12 })));
after(async () => site?.close());


async function h1(page) {
  return page.textContent('main h1');
}

/** Waits until the page shows a show whose slug is `slug` (its heading is in and the URL is right). */
async function onShow(page, slug) {
  await page.waitForFunction((s) => location.pathname === `/shows/${s}` && !!document.querySelector('main h1#ns-headline') && document.querySelector('.ns-read-also') !== null && document.title.length > 0, slug);
  await page.waitForFunction(() => !document.querySelector('.ns-progress--active'));
}

test('search and filters narrow the list, live in the URL and survive a reload', async () => {
  const page = await site.page();
  await page.visit(site.url);
  await page.waitForSelector('.ns-show-card');
  assert.match(await page.textContent('.ns-results-count'), /^14 shows/);
  // The list follows the keystroke at once; the URL only once typing pauses. Recorded in the page
  // as the list changes: whether the URL was still bare when the list first showed one show (an
  // order of events, which a slow machine cannot reverse as it can outlast a timer).
  await page.evaluate(() => {
    window.__listBeforeUrl = null;
    new MutationObserver(() => {
      if (window.__listBeforeUrl === null && document.querySelectorAll('.ns-show-card').length === 1) window.__listBeforeUrl = location.search === '';
    }).observe(document.querySelector('main'), { childList: true, subtree: true });
  });
  await page.fill('#ns-q', 'rouge');
  await page.waitForFunction(() => location.search === '?q=rouge' && window.__listBeforeUrl !== null);
  assert.equal(await page.evaluate(() => window.__listBeforeUrl), true);
  await page.waitForFunction(() => document.querySelectorAll('.ns-show-card').length === 1);
  assert.equal(await page.textContent('.ns-show-card h2'), 'Metallic Rouge');
  assert.equal(await page.textContent('.ns-results-count'), '1 show');
  assert.equal(await page.title(), '“rouge”: search · NextSeason');

  // Japanese titles are searched too; the genre filter combines with the text.
  await page.fill('#ns-q', 'ルージュ');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'ルージュ');
  assert.equal(await page.textContent('.ns-show-card h2'), 'Metallic Rouge');
  await page.fill('#ns-q', '');
  await page.waitForFunction(() => location.search === '');
  const genres = await page.$$eval('#ns-genre option', (os) => os.map((o) => o.textContent));
  assert.ok(genres.some((g) => /^Action \(\d+\)$/.test(g)), genres.join(', '));
  await page.selectOption('#ns-genre', 'action');
  await page.waitForFunction(() => location.search === '?genre=action');
  await page.fill('#ns-q', 'sengoku');
  await page.waitForFunction(() => location.search === '?q=sengoku&genre=action');
  await page.waitForFunction(() => document.querySelectorAll('.ns-show-card').length === 1);
  assert.equal(await page.textContent('.ns-show-card h2'), 'Sengoku Youko');

  await page.reload();
  // The page written at build time is the unfiltered catalogue; the app's takes its place.
  await page.waitForFunction(() => !document.querySelector('[data-ns-prerendered]'));
  assert.equal(await page.inputValue('#ns-q'), 'sengoku');
  assert.equal(await page.inputValue('#ns-genre'), 'action');
  assert.deepEqual(await page.$$eval('.ns-show-card h2', (hs) => hs.map((h) => h.textContent)), ['Sengoku Youko']);

  // Back steps through the searches: the box and the list follow.
  await page.goBack();
  await page.waitForFunction(() => location.search === '?genre=action');
  await page.waitForFunction(() => document.querySelector('#ns-q').value === '');
  assert.ok((await page.$$('.ns-show-card')).length > 1);
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('#ns-q').value === 'sengoku');
  assert.deepEqual(page.errors, []);
});

test('"no results" says what was searched and clears the filters', async () => {
  const page = await site.page();
  await page.visit(`${site.url}/?q=zzzz&genre=drama`);
  await page.waitForSelector('.ns-no-results');
  assert.equal(await page.textContent('.ns-no-results p'), 'Nothing matches “zzzz” with genre drama.');
  await page.click('text=Clear search and filters');
  await page.waitForFunction(() => location.search === '' && document.querySelectorAll('.ns-show-card').length === 14);
  assert.equal(await page.inputValue('#ns-q'), '');
  assert.equal(await page.inputValue('#ns-genre'), '');
});

test('sort orders and pages are links too', async () => {
  const page = await site.page();
  await page.visit(`${site.url}/?sort=title`);
  await page.waitForSelector('.ns-show-card');
  const titles = await page.$$eval('.ns-show-card h2', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b)));
  assert.equal(await page.inputValue('#ns-sort'), 'title');

  // A catalogue of more than one page (24 shows a page): the pager's links carry the order.
  const big = await open({ synthetic: 40 });
  try {
    const paged = await big.page();
    await paged.visit(`${big.url}/?sort=title`);
    await paged.waitForSelector('.ns-pager a[rel=next]');
    const first = await paged.$$eval('.ns-show-card h2', (hs) => hs.map((h) => h.textContent));
    assert.equal(first.length, 24);
    assert.equal(await paged.getAttribute('.ns-pager a[rel=next]', 'href'), '/?sort=title&page=2');
    await paged.click('.ns-pager a[rel=next]');
    await paged.waitForFunction(() => location.search === '?sort=title&page=2');
    await paged.waitForFunction(() => /page 2 of 2$/.test(document.querySelector('.ns-results-count')?.textContent ?? ''));
    const second = await paged.$$eval('.ns-show-card h2', (hs) => hs.map((h) => h.textContent));
    assert.equal(second.length, 42 - 24);
    const all = [...first, ...second];
    assert.deepEqual(all, [...all].sort((a, b) => a.localeCompare(b)), 'page 2 continues the order of page 1');
    assert.equal(await paged.inputValue('#ns-sort'), 'title');
    // Back returns to page 1, as a link does.
    await paged.goBack();
    await paged.waitForFunction(() => location.search === '?sort=title');
    await paged.waitForFunction((t) => document.querySelector('.ns-show-card h2')?.textContent === t, first[0]);
    assert.deepEqual(paged.errors, []);
  } finally {
    await big.close();
  }
});

test('Back and Forward across three shows restore URL, title, scroll, and focus the heading', async () => {
  const page = await site.page({ viewport: { width: 800, height: 600 } });
  await page.visit(`${site.url}/shows/synthetic-00001`);
  await onShow(page, 'synthetic-00001');
  const titles = {};
  titles[1] = await page.title();
  await page.evaluate(() => window.scrollTo(0, 700));
  await page.waitForFunction(() => scrollY === 700);
  // A script click: Playwright's own would scroll the link into view first.
  await page.evaluate(() => document.querySelector('.ns-read-also a[href="/shows/synthetic-00002"]').click());
  await onShow(page, 'synthetic-00002');
  titles[2] = await page.title();
  assert.notEqual(titles[2], titles[1]);
  assert.equal(await page.evaluate(() => scrollY), 0, 'a new show starts at the top');
  // Focus follows in the frame after the heading's paint.
  await page.waitForFunction(() => document.activeElement?.id === 'ns-headline');
  await page.evaluate(() => window.scrollTo(0, 400));
  await page.waitForFunction(() => scrollY === 400);
  await page.evaluate(() => document.querySelector('.ns-read-also a[href="/shows/synthetic-00003"]').click());
  await onShow(page, 'synthetic-00003');
  titles[3] = await page.title();

  await page.goBack();
  await onShow(page, 'synthetic-00002');
  await page.waitForFunction(() => scrollY === 400);
  assert.equal(await page.title(), titles[2]);
  await page.waitForFunction(() => document.activeElement?.id === 'ns-headline');
  await page.goBack();
  await onShow(page, 'synthetic-00001');
  await page.waitForFunction(() => scrollY === 700);
  assert.equal(await page.title(), titles[1]);
  await page.goForward();
  await onShow(page, 'synthetic-00002');
  await page.waitForFunction(() => scrollY === 400);
  assert.equal(await page.title(), titles[2]);
  assert.match(await h1(page), /Synthetic .* 2 get another season\? \(synthetic\)/);
  assert.deepEqual(page.errors, []);
});

test('Back and Forward between the catalogue and a show, a page load apart, come back where they were left', async () => {
  const page = await site.page({ viewport: { width: 390, height: 700 } });
  await page.visit(`${site.url}/`);
  await page.waitForSelector('.ns-show-card');
  await page.waitForFunction(() => performance.getEntriesByName('nextseason:ready').length > 0);
  await page.evaluate(() => window.scrollTo(0, 1500));
  await page.waitForFunction(() => scrollY === 1500);
  // A show no other test of this file opens (they count its shard's requests).
  const link = '/shows/synthetic-00009';
  await page.waitForSelector(`.ns-show-card a[href="${link}"]`);
  await page.evaluate((href) => document.querySelector(`.ns-show-card a[href="${href}"]`).click(), link);
  await onShow(page, link.slice('/shows/'.length));
  assert.equal(await page.evaluate(() => scrollY), 0, 'the show starts at the top');
  await page.evaluate(() => window.scrollTo(0, 600));
  await page.waitForFunction(() => scrollY === 600);
  await page.goBack();
  await page.waitForSelector('.ns-show-card');
  await page.waitForFunction(() => location.pathname === '/' && scrollY === 1500);
  await page.goForward();
  await onShow(page, link.slice('/shows/'.length));
  await page.waitForFunction(() => scrollY === 600);
  assert.deepEqual(page.errors, []);
});

test('hovering a link prefetches its show, and no shard is requested twice', async () => {
  const page = await site.page();
  await page.visit(`${site.url}/shows/synthetic-00005`);
  await onShow(page, 'synthetic-00005');
  const next = '/data/shows/synthetic-00006.json';
  assert.equal(site.count(next), 0);
  await page.hover('.ns-read-also a[href="/shows/synthetic-00006"]');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/data/shows/synthetic-00006.json')));
  assert.equal(site.count(next), 1, 'hover fetched the shard');
  await page.click('.ns-read-also a[href="/shows/synthetic-00006"]');
  await onShow(page, 'synthetic-00006');
  await page.goBack();
  await onShow(page, 'synthetic-00005');
  await page.goForward();
  await onShow(page, 'synthetic-00006');
  assert.equal(site.count(next), 1, 'the shard was fetched once');
  assert.equal(site.count('/data/shows/synthetic-00005.json'), 1);
  // Keyboard focus prefetches as hover does.
  await page.focus('.ns-read-also a[href="/shows/synthetic-00008"]');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/data/shows/synthetic-00008.json')));
  // The catalogue's cards do not: a show is a page load from there, whose written page
  // preloads its own shard.
  await page.visit(`${site.url}/?q=synthetic+00011`);
  const card = '.ns-show-card a[href="/shows/synthetic-00011"]';
  await page.waitForSelector(card);
  // (Counted from here: an earlier test may have opened this show.)
  const before = site.count('/data/shows/synthetic-00011.json');
  await page.hover(card);
  await page.focus(card);
  await page.click(card);
  await onShow(page, 'synthetic-00011');
  assert.equal(site.count('/data/shows/synthetic-00011.json') - before, 1, 'the shard was fetched once, by the show page');
});

test('the 404 page suggests the closest shows', async () => {
  const page = await site.page();
  await page.visit(`${site.url}/shows/metalic-rouge`);
  await page.waitForSelector('.ns-suggestions a');
  assert.equal(await page.textContent('h1'), 'Page not found');
  const first = await page.$eval('.ns-suggestions a', (a) => [a.textContent, a.getAttribute('href')]);
  assert.deepEqual(first, ['Metallic Rouge', '/shows/metallic-rouge']);
  await page.click('.ns-suggestions a');
  await onShow(page, 'metallic-rouge');
});

test('the title and the meta description follow the route; the progress bar shows while data loads', async () => {
  const page = await site.page();
  // The next show's file is held back until the test has seen the progress bar: a state, not a time.
  const release = await holdRequests(page, '**/data/shows/sengoku-youko.json');
  await page.visit(`${site.url}/shows/metallic-rouge`);
  await onShow(page, 'metallic-rouge');
  assert.match(await page.getAttribute('meta[name=description]', 'content'), /^There is no official announcement of a second season yet/);
  await page.click('.ns-read-also a');
  await page.waitForSelector('.ns-progress--active');
  release();
  await onShow(page, 'sengoku-youko');
  await page.waitForSelector('.ns-progress--active', { state: 'detached' });
  assert.equal(await page.title(), 'Will Sengoku Youko have season 2?【Release Date】 · NextSeason');
  assert.match(await page.getAttribute('meta[name=description]', 'content'), /^Will Sengoku Youko get another season\?/);
  // The catalogue is a page load from a show: its own title, and focus where a new page has it.
  await page.click('header >> text=All shows');
  await page.waitForSelector('.ns-show-card');
  assert.equal(await page.title(), 'Will it get a season 2? · NextSeason');
});
