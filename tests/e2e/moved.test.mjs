// A renamed show's former address (data/aliases.json, README "Names"), on a host without
// redirects (which answers unknown paths with 404.html): the reader is taken on to the show's
// address now, with its query, in place of the old address in the history. The app does it, and
// the 404 page's own script (/moved.js) does it without the app (its wasm held back); a blogger's
// widget whose data-show is a former slug shows the show. On the full build, which has them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { open } from './harness.mjs';

let site;
let alias;
let show;
before(async () => {
  site = await open({ catalogue: 'full' });
  const { aliases } = JSON.parse(await readFile(join(site.root, 'data', 'aliases.json'), 'utf8'));
  // One between the first and the last, so that no test leans on the file's order.
  const moved = Object.entries(aliases);
  assert.ok(moved.length > 1000, `${moved.length} aliases`);
  const [from, to] = moved[Math.floor(moved.length / 3)];
  alias = from;
  show = JSON.parse(await readFile(join(site.root, 'data', 'shows', `${to}.json`), 'utf8'));
});
after(async () => site?.close());

/** Opens the former address and waits until the page is the show's, at its address now. */
async function followed(page) {
  const response = await page.goto(`${site.url}/shows/${alias}?from=old`);
  assert.equal(response.status(), 404, 'this host has no redirects: 404.html answers');
  await page.waitForFunction((slug) => location.pathname === `/shows/${slug}`, show.slug);
  await page.locator('h1', { hasText: show.article.headline }).waitFor();
  assert.equal(await page.evaluate(() => location.search), '?from=old');
  // The new tab's about:blank, then the show: the old address was replaced, not left behind it.
  assert.equal(await page.evaluate(() => history.length), 2, 'the old address is not left in the history');
}

test('with the app (the 404 page’s script held back), the old address moves on to the show’s', async () => {
  const page = await site.page();
  await page.route('**/moved.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
  await followed(page);
  await page.waitForFunction(() => !document.querySelector('[data-ns-prerendered]'));
  assert.deepEqual(page.errors.filter((e) => !/status of 404/.test(e)), []);
});

test('without the app (its wasm held back), the 404 page’s own script moves on', async () => {
  const page = await site.page();
  await page.route('**/*.wasm', (route) => route.abort());
  await followed(page);
  // The page reached is the one written at build time: the app never started.
  assert.ok(await page.locator('[data-ns-prerendered]').count(), 'the written page');
});

test('an unknown show is still the 404 page, not moved anywhere', async () => {
  const page = await site.page();
  await page.goto(`${site.url}/shows/no-such-show-at-all`);
  await page.locator('.ns-not-found h1').waitFor();
  assert.equal(await page.evaluate(() => location.pathname), '/shows/no-such-show-at-all');
});

test('a widget whose data-show is a former slug shows the show', async () => {
  const page = await site.page({ locale: 'en-US' });
  await page.route('**/blog/moved.html', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>moved</title></head>
        <body><h1>My post</h1><div id="w" data-nextseason data-show="${alias}" data-cards="article"></div><script type="module" src="/nextseason/embed.js"></script></body></html>`,
    }),
  );
  await page.goto(`${site.url}/blog/moved.html`);
  await page.locator('#w >> h2#ns-headline', { hasText: show.article.headline }).waitFor();
});

test('the sitemap lists the show at its address now, never a former one', async () => {
  const maps = (await readdir(site.root)).filter((n) => /^sitemap.*\.xml$/.test(n));
  const text = (await Promise.all(maps.map((n) => readFile(join(site.root, n), 'utf8')))).join('\n');
  assert.ok(text.includes(`/shows/${show.slug}</loc>`), `no /shows/${show.slug} in ${maps}`);
  const { aliases } = JSON.parse(await readFile(join(site.root, 'data', 'aliases.json'), 'utf8'));
  const listed = Object.keys(aliases).filter((a) => text.includes(`/shows/${a}</loc>`));
  assert.deepEqual(listed, []);
});
