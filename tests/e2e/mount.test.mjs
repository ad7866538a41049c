// NextSeason.mount (README, "Embed on your blog"): a widget the blog adds to its page after load
// is left alone until the blog calls NextSeason.mount(element), then mounted, as the next widget
// on the page; mounting it again, or mountAll, adds nothing; an unknown show, a data-show that is
// no slug, a shard that breaks a rule and an element that cannot hold a widget each fail alone,
// with their own message, and the other widgets keep working.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open } from './harness.mjs';

let site;
before(async () => (site = await open()));
after(async () => site?.close());

const ROUGE = 'Will Metallic Rouge have season 2?【Release Date】';
const YOUKO = 'Will Sengoku Youko have season 2?【Release Date】';

/** A blog post at /blog/<name>.html holding `widgets`, with embed.js from the build's sub-folder. */
async function blogPage(name, widgets, options = {}) {
  const page = await site.page({ locale: 'en-US', ...options });
  await page.route(`**/blog/${name}.html`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${name}</title></head>
        <body><h1>My post</h1>${widgets}<script type="module" src="/nextseason/embed.js"></script></body></html>`,
    }),
  );
  await page.goto(`${site.url}/blog/${name}.html`);
  return page;
}

/** Adds a widget element to the end of the post, as a blog's own script would. */
const addWidget = (page, id, data, content = '') =>
  page.evaluate(
    ({ id, data, content }) => {
      const element = document.createElement('div');
      element.id = id;
      element.setAttribute('data-nextseason', '');
      for (const [name, value] of Object.entries(data)) element.dataset[name] = value;
      element.innerHTML = content;
      document.body.append(element);
    },
    { id, data, content },
  );

/** NextSeason.mount on the element with that id (or on `null`): 'mounted', or the error it gave. */
const mount = (page, id) =>
  page.evaluate((id) => window.NextSeason.mount(id === null ? null : document.getElementById(id)).then(() => 'mounted', (e) => `${e.name}: ${e.message}`), id);

/** What each element's shadow root holds: how many widget roots, headlines and cards. */
const inside = (page, id) =>
  page.evaluate((id) => {
    const shadow = document.getElementById(id).shadowRoot;
    if (!shadow) return null;
    const count = (selector) => shadow.querySelectorAll(selector).length;
    return { roots: count('.ns-embed'), widgets: count('.ns-widget'), headlines: count('#ns-headline'), cards: count('section.ns-card') };
  }, id);

test('a widget added after load is left alone until NextSeason.mount(element), then mounted as the next widget', async () => {
  const page = await blogPage('later', `<div id="first" data-nextseason data-show="metallic-rouge" data-cards="article"></div>`);
  await page.locator('#first >> h2#ns-headline').waitFor();
  await addWidget(page, 'later', { show: 'sengoku-youko', cards: 'article,read-also' }, '<p id="placeholder">The blog’s own words, until the widget is mounted.</p>');
  // Whatever the insertion set off (a mutation observer's microtasks, the tasks after them) has
  // run by the second frame after it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await inside(page, 'later'), null, 'no shadow root before NextSeason.mount');
  assert.equal(await page.locator('#placeholder').isVisible(), true);

  assert.equal(await mount(page, 'later'), 'mounted');
  const headline = page.locator('#later >> h2#ns-headline');
  await headline.waitFor();
  assert.equal(await headline.textContent(), YOUKO);
  assert.equal(await page.locator('#placeholder').isVisible(), false, 'the widget took the place of the element’s own content');
  assert.deepEqual(await inside(page, 'later'), { roots: 1, widgets: 1, headlines: 1, cards: 2 });

  // The second widget on the page keeps its show in ?show2=; the first is left as it was.
  await page.locator('#later >> .ns-read-also a').click();
  await page.locator('#later >> h2#ns-headline', { hasText: 'Metallic Rouge' }).waitFor();
  assert.equal(new URL(page.url()).search, '?show2=metallic-rouge');
  assert.equal(await page.locator('#first >> h2#ns-headline').textContent(), ROUGE);
  assert.deepEqual(page.errors, []);
});

test('mounting the same element again, at once or later, and mountAll add nothing', async () => {
  const page = await blogPage('twice', `<div id="first" data-nextseason data-show="metallic-rouge" data-cards="article,watch"></div>`);
  await page.locator('#first >> h2#ns-headline').waitFor();
  await addWidget(page, 'later', { show: 'sengoku-youko', cards: 'article' });
  // Two calls before the first has attached its shadow root, then more once it has rendered.
  assert.deepEqual(await page.evaluate(() => {
    const later = document.getElementById('later');
    return Promise.all([window.NextSeason.mount(later), window.NextSeason.mount(later)]).then(() => 'both resolved', (e) => `${e.name}: ${e.message}`);
  }), 'both resolved');
  await page.locator('#later >> h2#ns-headline').waitFor();
  assert.equal(await mount(page, 'later'), 'mounted');
  assert.equal(await mount(page, 'first'), 'mounted');
  await page.evaluate(() => window.NextSeason.mountAll());
  // A change made after these calls shows once: each element holds one widget.
  await page.locator('#first >> select#ns-region').selectOption('JP');
  await page.locator('#first >> .ns-offer--here', { hasText: 'Fuji TV' }).waitFor();
  assert.deepEqual(await inside(page, 'first'), { roots: 1, widgets: 1, headlines: 1, cards: 2 });
  assert.deepEqual(await inside(page, 'later'), { roots: 1, widgets: 1, headlines: 1, cards: 1 });
  assert.equal(await page.locator('#later >> h2#ns-headline').textContent(), YOUKO);
  assert.deepEqual(page.errors, []);
});

test('an unknown show, a data-show that is no slug, a broken shard and a bad element each fail alone; the other widgets work on', async () => {
  // Sengoku Youko's shard, served with a premiere that is no date (a rule of the bundle).
  const shard = JSON.parse(await readFile(join(site.root, 'data', 'shows', 'sengoku-youko.json'), 'utf8'));
  const broken = JSON.stringify({ ...shard, premiere: 'someday' });
  const page = await site.page({ locale: 'en-US' });
  await page.route('**/data/shows/sengoku-youko.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: broken }));
  await page.route('**/blog/failures.html', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>failures</title></head><body><h1>My post</h1>
        <div id="good" data-nextseason data-show="metallic-rouge" data-cards="answer,watch"></div>
        <div id="unknown" data-nextseason data-show="no-such-show"></div>
        <div id="typo" data-nextseason data-show="Metallic Rouge"></div>
        <div id="broken" data-nextseason data-show="sengoku-youko"></div>
        <script type="module" src="/nextseason/embed.js"></script></body></html>`,
    }),
  );
  await page.goto(`${site.url}/blog/failures.html`);
  await page.locator('#good >> .ns-answer__watch dd', { hasText: 'Crunchyroll' }).waitFor();

  // A slug that is no show, and a value that is no slug: the same message, never the catalogue.
  for (const id of ['unknown', 'typo']) {
    const empty = page.locator(`#${id} >> .ns-empty`);
    await empty.waitFor();
    assert.equal(await empty.textContent(), 'This show is not in the catalogue.', id);
    assert.equal(await page.locator(`#${id} >> .ns-catalogue`).count(), 0, `${id}: no catalogue instead`);
  }

  // The shard that breaks a rule: the error card names the file and the field, with Retry.
  const error = page.locator('#broken >> section.ns-error');
  await error.waitFor();
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.equal(await page.locator('#broken >> #ns-error-h').textContent(), 'This could not be loaded');
  assert.match(await page.locator('#broken >> .ns-error__url').textContent(), /\/data\/shows\/sengoku-youko\.json$/);
  assert.match(await page.locator('#broken >> .ns-error__problems').textContent(), /^premiere: .*someday/);
  await page.unroute('**/data/shows/sengoku-youko.json');
  await page.locator('#broken >> button', { hasText: 'Retry' }).click();
  await page.locator('#broken >> h2#ns-headline', { hasText: 'Sengoku Youko' }).waitFor();

  // Elements that cannot hold a widget: the blog's call is refused, nothing else changes.
  assert.match(await mount(page, null), /^TypeError: NextSeason.mount needs an element of the page/);
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { id: 'input' })));
  assert.match(await mount(page, 'input'), /^NotSupportedError: /);

  // The widgets that were there still answer, and one added now still mounts.
  await page.locator('#good >> select#ns-region').selectOption('JP');
  await page.locator('#good >> .ns-answer__watch dd', { hasText: 'Fuji TV +Ultra' }).waitFor();
  await addWidget(page, 'after', { show: 'metallic-rouge', cards: 'outlook' });
  assert.equal(await mount(page, 'after'), 'mounted');
  await page.locator('#after >> .ns-outlook__status', { hasText: 'No announcement' }).waitFor();
  // The console's one error is the 404 of no-such-show's shard (which tells an unknown show):
  // no uncaught error, no crash of the widgets' wasm.
  assert.deepEqual(page.errors, ['Failed to load resource: the server responded with a status of 404 (Not Found)']);
});
