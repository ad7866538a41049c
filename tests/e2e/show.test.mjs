// The show page against the release build: the deep link, client-side "Read also", the 404 page,
// and the error card with its Retry.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rename, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cardHeadings, countLayoutShifts, holdRequests, open } from './harness.mjs';

let site;
before(async () => (site = await open()));
after(async () => site?.close());

const HEADLINE = 'Will Metallic Rouge have season 2?【Release Date】';

test('the deep link shows all six cards with the seed facts', async () => {
  const page = await site.page({ locale: 'en-US' });
  await page.visit(`${site.url}/shows/metallic-rouge`);
  await page.waitForSelector('h1#ns-headline');
  assert.equal(await page.textContent('h1'), HEADLINE);
  assert.deepEqual(await cardHeadings(page), [HEADLINE, 'Technical sheet', 'Season 2 outlook', 'Where to watch', 'Cast', 'Read also']);
  assert.equal(await page.title(), `${HEADLINE} · NextSeason`);
  const text = await page.textContent('main');
  for (const fact of [
    'Are you a fan of Metallic Rouge?',
    'produced by Bones',
    'known as the Immortal Nine, hostile to the government',
    'there is no official announcement about a second season of Metallic Rouge',
    'we could expect it sometime in 2025 or later',
    'Fuji TV’s +Ultra programming block',
    'Natalia Hernández',
    'January 11, 2024',
    'Action, Science Fiction',
    'Original anime (not based on a manga or novel)',
    'No announcement',
    '2025 or later',
    'outside Asia',
    'in Japan',
    'Rouge Redstar', 'Yume Miyamoto',
    'Naomi Orthmann', 'Tomoyo Kurosawa',
    'Jean Yunghart', 'Shunsuke Takeuchi',
    'Sara Fitzgerald', 'Yuu Shimamura',
    'Jaron Fate', 'Hiroyuki Yoshino',
    'Jill Sturgeon', 'Yui Ogura',
  ]) {
    assert.ok(text.includes(fact), `missing: ${fact}`);
  }
  for (const scar of ['„Ä', '√°', '¬Ļ', '[^1]']) assert.ok(!text.includes(scar), `mis-decoded text: ${scar}`);
  // The footnote on "source material" goes to its note.
  assert.equal(await page.getAttribute('sup.ns-fnref a', 'href'), '#ns-fn-1');
  assert.match(await page.textContent('#ns-fn-1'), /^Source material:/);
  // Every external link is https, opens apart, and carries no opener or referrer.
  const links = await page.$$eval('a[target=_blank]', (as) => as.map((a) => [a.href, a.rel]));
  // The two platforms, the show's page on Bangumi (the technical sheet), and the footer's credit
  // of bangumi-data and its license.
  assert.equal(links.length, 5);
  for (const [href, rel] of links) {
    assert.match(href, /^https:\/\//);
    assert.equal(rel, 'noopener noreferrer');
  }
  // The reader (en-US) can use Crunchyroll, not Fuji TV.
  assert.equal(await page.textContent('.ns-offer--here .ns-offer__link'), 'Crunchyroll (opens in a new tab)');
  assert.deepEqual(page.errors, []);
});

test('the reader region comes first, and a changed region is remembered', async () => {
  const page = await site.page({ locale: 'ja-JP' });
  await page.visit(`${site.url}/shows/metallic-rouge`);
  await page.waitForSelector('.ns-offer');
  assert.equal(await page.inputValue('#ns-region'), 'JP');
  assert.equal(await page.textContent('.ns-offer:first-child .ns-offer__link'), 'Fuji TV +Ultra (opens in a new tab)');
  await page.selectOption('#ns-region', 'FR');
  await page.waitForFunction(() => document.querySelector('.ns-offer:first-child')?.textContent.includes('Crunchyroll'));
  await page.reload();
  await page.waitForFunction(() => !document.querySelector('[data-ns-prerendered]'));
  assert.equal(await page.inputValue('#ns-region'), 'FR');
  assert.match(await page.textContent('.ns-offer--here'), /Crunchyroll/);
  assert.deepEqual(page.errors, []);
});

test('"Read also" is followed without a reload, and Back returns', async () => {
  const page = await site.page();
  await page.visit(`${site.url}/shows/metallic-rouge`);
  await page.waitForSelector('h1#ns-headline');
  await page.evaluate(() => (window.__sameDocument = true));
  await page.click('.ns-read-also a');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('Sengoku Youko'));
  assert.equal(new URL(page.url()).pathname, '/shows/sengoku-youko');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page reloaded');
  assert.match(await page.textContent('main'), /White Fox/);
  await page.goBack();
  await page.waitForFunction((h) => document.querySelector('h1')?.textContent === h, HEADLINE);
  assert.equal(new URL(page.url()).pathname, '/shows/metallic-rouge');
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.deepEqual(page.errors, []);
});

test('an address with a trailing slash is the same page (static hosts add one to folders)', async () => {
  const page = await site.page();
  await page.visit(`${site.url}/shows/metallic-rouge/`);
  await page.waitForSelector('.ns-root h1#ns-headline');
  assert.equal(await page.textContent('h1'), HEADLINE);
  assert.equal(await page.title(), `${HEADLINE} · NextSeason`);
  // Followed in place too: the router matches it as it matches the address without.
  await page.evaluate(() => (window.__sameDocument = true));
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: '/shows/sengoku-youko/', textContent: 'next' });
    document.querySelector('main').append(link);
    link.click();
  });
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('Sengoku Youko'));
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  await page.visit(`${site.url}/shows/`);
  await page.waitForSelector('.ns-root h1');
  assert.equal(await page.textContent('h1'), 'Page not found');
  assert.deepEqual(page.errors.filter((e) => !e.includes('404')), []);
});

test('the catalogue lists every show and links to its written page, which starts the show pages\' own app', async () => {
  const page = await site.page();
  await page.visit(site.url);
  await page.waitForSelector('.ns-show-card');
  assert.equal(await page.title(), 'Will it get a season 2? · NextSeason');
  assert.deepEqual(await page.$$eval('.ns-show-card h2', (hs) => hs.map((h) => h.textContent)), ['Metallic Rouge', 'Sengoku Youko']);
  assert.match(await page.textContent('.ns-show-card'), /Bones.*January 11, 2024.*No announcement/s);
  // A link between the catalogue and a show is a page load (the catalogue's app has no show
  // page, and the show pages' app no catalogue); between shows, the router follows it.
  assert.equal(await page.getAttribute('.ns-show-card a', 'rel'), 'external');
  await page.evaluate(() => (window.__sameDocument = true));
  await page.click('text=Metallic Rouge');
  await page.waitForSelector('h1#ns-headline');
  await page.waitForFunction(() => performance.getEntriesByName('nextseason:ready').length > 0);
  assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'a new document');
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.wasm')));
  assert.equal(wasm.length, 1, `one wasm: ${wasm}`);
  assert.match(wasm[0], /^\/nextseason-shows-[0-9a-f]{12,16}_bg\.wasm$/);
  await page.evaluate(() => (window.__sameDocument = true));
  await page.click('.ns-read-also a');
  await page.waitForFunction(() => document.title.startsWith('Will Sengoku Youko'));
  await page.waitForSelector('h1#ns-headline');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'Read also is followed in place');
  // Back to the catalogue: the header's link is a page load of the written catalogue.
  assert.equal(await page.getAttribute('header >> text=All shows', 'rel'), 'external');
  await page.click('header >> text=All shows');
  await page.waitForSelector('.ns-show-card');
  await page.waitForFunction(() => performance.getEntriesByName('nextseason:ready').length > 0);
  assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'a new document');
  assert.equal(await page.getAttribute('header >> text=All shows', 'aria-current'), 'page');
  const appWasm = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.wasm')));
  assert.match(appWasm.join(), /^\/nextseason-[0-9a-f]{12,16}_bg\.wasm$/, 'the catalogue starts the site\'s app');
  assert.deepEqual(page.errors, []);
});

test('an unknown slug gets the 404 page with a way home', async () => {
  const page = await site.page();
  for (const path of ['/shows/no-such-show', '/shows/Not_A_Slug', '/no/such/page']) {
    await page.visit(site.url + path);
    await page.waitForSelector('h1');
    assert.equal(await page.textContent('h1'), 'Page not found', path);
    assert.equal(await page.title(), 'Page not found · NextSeason');
    assert.equal(await page.getAttribute('meta[name=robots]', 'content'), 'noindex');
  }
  await page.click('main >> text=See all shows');
  await page.waitForSelector('.ns-show-card');
  assert.deepEqual(page.errors.filter((e) => !e.includes('404')), []);
});

test('a missing shard shows the error card, and Retry recovers once it is back', async () => {
  const shard = join(site.root, 'data/shows/sengoku-youko.json');
  await rename(shard, `${shard}.away`);
  const page = await site.page();
  await page.visit(`${site.url}/shows/sengoku-youko`);
  await page.waitForSelector('.ns-error');
  assert.equal(await page.textContent('.ns-error__url'), '/data/shows/sengoku-youko.json');
  assert.match(await page.textContent('.ns-error'), /not on the server \(404\)/);
  await rename(`${shard}.away`, shard);
  await page.click('text=Retry');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('Sengoku Youko'));
  assert.equal(await page.$('.ns-error'), null);
});

test('an invalid shard names the field and the problem, and the rest of the site keeps working', async () => {
  const shard = join(site.root, 'data/shows/sengoku-youko.json');
  const good = await readFile(shard, 'utf8');
  const bad = JSON.parse(good);
  bad.read_also[0].slug = 'javascript:alert(1)';
  bad.title = 42;
  await writeFile(shard, JSON.stringify(bad));
  try {
    const page = await site.page();
    await page.visit(`${site.url}/shows/sengoku-youko`);
    await page.waitForSelector('.ns-error');
    assert.deepEqual(await page.$$eval('.ns-error__problems li', (li) => li.map((l) => l.textContent)), [
      'title: invalid type: integer `42`, expected a string',
    ]);
    // The site still works: home, then another show, client-side.
    await page.click('header >> text=All shows');
    await page.click('text=Metallic Rouge');
    await page.waitForSelector('h1#ns-headline');
    assert.equal(await page.textContent('h1'), HEADLINE);
    assert.deepEqual(page.errors, []);
  } finally {
    await writeFile(shard, good);
  }
});

test('server errors and a network failure show the error card, and Retry recovers', async () => {
  const page = await site.page();
  let mode = 'error';
  await page.route('**/data/shows/metallic-rouge.json', (route) =>
    mode === 'error' ? route.fulfill({ status: 500, body: 'boom' }) : mode === 'down' ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.visit(`${site.url}/shows/metallic-rouge`);
  await page.waitForSelector('.ns-error');
  assert.match(await page.textContent('.ns-error'), /HTTP status 500/);
  mode = 'down';
  await page.click('text=Retry');
  await page.waitForFunction(() => /network request failed/.test(document.querySelector('.ns-error')?.textContent));
  mode = 'ok';
  await page.click('text=Retry');
  await page.waitForSelector('h1#ns-headline');
});

test('the footnote reference and its back link move within the page', async () => {
  const page = await site.page({ viewport: { width: 390, height: 700 } });
  await page.visit(`${site.url}/shows/metallic-rouge`);
  await page.waitForSelector('sup.ns-fnref a');
  await page.evaluate(() => (window.__sameDocument = true));
  await page.click('sup.ns-fnref a');
  await page.waitForFunction(() => location.hash === '#ns-fn-1');
  const note = await page.$eval('#ns-fn-1', (li) => li.getBoundingClientRect().top);
  assert.ok(note > -2 && note < 700, `the note is on screen (top ${note})`);
  await page.click('#ns-fn-1 a');
  await page.waitForFunction(() => location.hash === '#ns-fnref-1');
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.equal(await page.textContent('h1'), HEADLINE);
});

for (const [path, width] of [['/shows/metallic-rouge', 390], ['/shows/metallic-rouge', 1280], ['/', 1280]]) {
  /** A page that adds up layout shifts from its start, with the bundle's data held back until
   *  `release()`: the test first sees the state it means to leave (the written page, or the
   *  skeletons), whatever the machine's speed. */
  const heldDataPage = async () => {
    const page = await site.page({ viewport: { width, height: 900 } });
    await countLayoutShifts(page);
    return { page, release: await holdRequests(page, '**/data/**') };
  };

  /** Settled: every request answered, the fonts in, and two frames painted since, so that any
   *  shift the take-over or a late fill-in (the reader's region, a countdown) causes is counted. */
  const settled = async (page) => {
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  };

  test(`the page written at build time gives way to the app without layout shift: ${path} at ${width}px`, async () => {
    const { page, release } = await heldDataPage();
    await page.goto(site.url + path);
    await page.waitForSelector('[data-ns-prerendered] h1');
    release();
    await page.waitForFunction(() => !document.querySelector('[data-ns-prerendered]') && document.querySelector('.ns-root h1'));
    await settled(page);
    assert.equal(await page.evaluate(() => window.__cls), 0, 'cumulative layout shift');
    assert.equal(await page.locator('h1').count(), 1, 'one <h1>, not two');
    assert.equal(await page.locator('main').count(), 1);
    assert.deepEqual(page.errors, []);
  });

  test(`skeletons give way to content without layout shift (no page written at build time): ${path} at ${width}px`, async () => {
    const { page, release } = await heldDataPage();
    // As under trunk serve, or a host that serves the app's page for every path.
    const shell = await readFile(join(site.root, 'app.html'), 'utf8');
    await page.route(site.url + path, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: shell }));
    await page.goto(site.url + path);
    // The data is held, so the skeletons paint, preloaded or not.
    await page.waitForSelector('.ns-skeleton');
    release();
    await page.waitForSelector(path === '/' ? '.ns-show-card:not(.ns-skeleton)' : 'h1#ns-headline');
    await settled(page);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `cumulative layout shift ${cls}`);
  });
}

test("a show page's data is requested by the page itself, with the wasm, and only once", async () => {
  const page = await site.page();
  await page.visit(`${site.url}/shows/metallic-rouge`);
  await page.waitForSelector('h1#ns-headline');
  const requests = await page.evaluate(() =>
    performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/data/shows/metallic-rouge.json')).map((r) => r.initiatorType),
  );
  // Started by index.html's preload (not by the app once the wasm has run), and used by the app.
  assert.deepEqual(requests, ['link']);
});
