// The widget in a blogger's page (tests/e2e/fixtures/blog/), with the build served from a
// sub-folder (/nextseason/): both widgets render; the host's elements keep their styles and the
// host's aggressive CSS changes nothing inside the widget; "Read also" changes only ?show=;
// Back works; data-links leaves; data-base routes paths; one global; theming.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './harness.mjs';

let site;
before(async () => (site = await open()));
after(async () => site?.close());

const HEADLINE = 'Will Metallic Rouge have season 2?【Release Date】';

/** Computed styles of the elements matched by each selector (Playwright's CSS pierces shadow roots). */
async function styles(page, selectors, properties) {
  const out = {};
  for (const selector of selectors) {
    const element = page.locator(selector).first();
    out[selector] = await element.evaluate((el, props) => {
      const s = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
    }, properties);
  }
  return out;
}

async function widgetsReady(page) {
  await page.locator('#widget-one >> h2#ns-headline').waitFor();
  await page.locator('#widget-two >> .ns-offer').first().waitFor();
}

test('both widgets render in the host post, with the cards they ask for', async () => {
  const page = await site.page({ locale: 'en-US' });
  await page.goto(`${site.url}/blog/post.html`);
  await widgetsReady(page);
  assert.equal(await page.locator('#widget-one >> h2#ns-headline').textContent(), HEADLINE);
  const headings = await page.locator('#widget-one >> section > h3.ns-card__title').allTextContents();
  assert.deepEqual(headings, ['Technical sheet', 'Season 2 outlook', 'Where to watch', 'Cast', 'Read also']);
  assert.deepEqual(await page.locator('#widget-two >> section h3').allTextContents(), ['Where to watch']);
  // The headline is an <h2> under the blogger's own <h1>, and looks as it does on the site.
  const site1 = await site.page();
  await site1.visit(`${site.url}/shows/metallic-rouge`);
  await site1.waitForSelector('h1#ns-headline');
  const size = (p, selector) => p.locator(selector).first().evaluate((el) => getComputedStyle(el).fontSize);
  assert.equal(await size(page, '#widget-one >> #ns-headline'), await size(site1, '#ns-headline'));
  // The host's own page is untouched: its title, its one <h1>.
  assert.equal(await page.title(), 'My anime blog: spring picks');
  assert.equal(await page.locator('h1').count(), 1);
  assert.deepEqual(page.errors, []);
});

test("the host's elements keep their computed styles, and the host's CSS changes nothing inside the widget", async () => {
  const hostSelectors = ['body', '.host-header h1', '.host-link', '.host-post h2', '.host-para', '.host-comments', '.host-form input', '.host-form button'];
  const hostProps = ['color', 'font-family', 'font-size', 'line-height', 'letter-spacing', 'text-transform', 'margin-top', 'padding-top', 'display', 'box-sizing', 'background-color', 'border-top-style', 'text-decoration-line'];
  // The host page alone: embed.js never arrives.
  const bare = await site.page();
  await bare.route('**/embed.js', (route) => route.abort());
  await bare.goto(`${site.url}/blog/post.html`);
  await bare.waitForLoadState('networkidle');
  const withEmbed = await site.page();
  await withEmbed.goto(`${site.url}/blog/post.html`);
  await widgetsReady(withEmbed);
  assert.deepEqual(await styles(withEmbed, hostSelectors, hostProps), await styles(bare, hostSelectors, hostProps));

  const inside = [
    '#widget-one >> .ns-embed',
    '#widget-one >> section.ns-article',
    '#widget-one >> h2#ns-headline',
    '#widget-one >> .ns-article p',
    '#widget-one >> .ns-sheet dt',
    '#widget-one >> .ns-sheet dd',
    '#widget-one >> .ns-cast',
    '#widget-one >> .ns-cast li',
    '#widget-one >> .ns-read-also a',
    '#widget-one >> .ns-offer__link',
    '#widget-one >> select',
    '#widget-one >> time',
  ];
  const insideProps = ['color', 'font-family', 'font-size', 'font-style', 'font-weight', 'line-height', 'letter-spacing', 'text-transform', 'text-decoration-line', 'display', 'box-sizing', 'list-style-type', 'padding-top', 'padding-left', 'margin-top', 'border-top-style', 'background-color'];
  const plain = await site.plainBlogPage();
  await widgetsReady(plain);
  assert.deepEqual(await styles(withEmbed, inside, insideProps), await styles(plain, inside, insideProps));
  // And what the widget looks like is its own design, not the browser's defaults.
  const card = (await styles(plain, ['#widget-one >> section.ns-article'], ['display', 'border-top-style', 'box-sizing']))['#widget-one >> section.ns-article'];
  assert.deepEqual(card, { display: 'block', 'border-top-style': 'solid', 'box-sizing': 'border-box' });
});

test('"Read also" changes only ?show= of the host URL; Back returns; a refresh shows the same show', async () => {
  const page = await site.page();
  await page.goto(`${site.url}/blog/post.html?utm_source=feed#comments`);
  await widgetsReady(page);
  await page.evaluate(() => window.scrollTo(0, 300));
  await page.waitForFunction(() => scrollY === 300);
  await page.evaluate(() => (window.__sameDocument = true));
  await page.locator('#widget-one >> .ns-read-also a').evaluate((a) => a.click());
  await page.locator('#widget-one >> h2#ns-headline', { hasText: 'Sengoku Youko' }).waitFor();
  const url = new URL(page.url());
  assert.equal(url.pathname + url.search + url.hash, '/blog/post.html?utm_source=feed&show=sengoku-youko#comments');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.equal(await page.title(), 'My anime blog: spring picks', "the host's title is kept");
  assert.equal(await page.evaluate(() => scrollY), 300, "the host's scroll position is kept");
  // The second widget keeps its own show.
  assert.match(await page.locator('#widget-two >> .ns-watch').textContent(), /Crunchyroll/);
  // Focus went to the new show's heading, inside the widget.
  assert.equal(await page.locator('#widget-one').evaluate((el) => el.shadowRoot.activeElement?.id), 'ns-headline');

  await page.goBack();
  await page.locator('#widget-one >> h2#ns-headline', { hasText: 'Metallic Rouge' }).waitFor();
  assert.equal(new URL(page.url()).search, '?utm_source=feed');

  await page.goto(`${site.url}/blog/post.html?show=sengoku-youko&show2=sengoku-youko`);
  await page.locator('#widget-one >> h2#ns-headline', { hasText: 'Sengoku Youko' }).waitFor();
  await page.locator('#widget-two >> .ns-empty').waitFor();
  assert.match(await page.locator('#widget-two >> .ns-empty').textContent(), /No platform is listed/);
  assert.deepEqual(page.errors, []);
});

test('data-links sends links to the blogger\'s own pages', async () => {
  const page = await site.page();
  await page.goto(`${site.url}/blog/links.html`);
  const link = page.locator('[data-nextseason] >> .ns-read-also a');
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), '/anime/sengoku-youko/');
  await link.click();
  await page.waitForURL('**/anime/sengoku-youko/');
});

test('data-base routes the paths below it, with Back; theme and accent from the host', async () => {
  const page = await site.page();
  await page.goto(`${site.url}/anime/metallic-rouge`);
  const headline = page.locator('[data-nextseason] >> h2#ns-headline');
  await headline.waitFor();
  assert.equal(await headline.textContent(), HEADLINE);
  await page.locator('[data-nextseason] >> .ns-read-also a').click();
  await page.locator('[data-nextseason] >> h2#ns-headline', { hasText: 'Sengoku Youko' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/anime/sengoku-youko');
  await page.goBack();
  await page.locator('[data-nextseason] >> h2#ns-headline', { hasText: 'Metallic Rouge' }).waitFor();
  // data-theme="dark" and --nextseason-accent on the element.
  const look = await styles(page, ['[data-nextseason] >> section.ns-article', '[data-nextseason] >> .ns-read-also a'], ['background-color', 'color']);
  assert.equal(look['[data-nextseason] >> section.ns-article']['background-color'], 'rgb(30, 29, 37)');
  assert.equal(look['[data-nextseason] >> .ns-read-also a'].color, 'rgb(0, 128, 0)');
  assert.deepEqual(page.errors, []);
});

test('one global, namespaced storage, nothing of the host read', async () => {
  const bare = await site.page();
  await bare.route('**/embed.js', (route) => route.abort());
  await bare.goto(`${site.url}/blog/post.html`);
  await bare.waitForLoadState('networkidle');
  const before = await bare.evaluate(() => Object.keys(window));
  const page = await site.page({ locale: 'en-US' });
  await page.addInitScript(() => {
    localStorage.setItem('host-key', 'the host owns this');
  });
  await page.goto(`${site.url}/blog/post.html`);
  await widgetsReady(page);
  await page.locator('#widget-one >> select#ns-region').selectOption('JP');
  const after = await page.evaluate(() => Object.keys(window));
  assert.deepEqual(after.filter((k) => !before.includes(k)), ['NextSeason']);
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys, ['host-key', 'nextseason.region']);
  assert.equal(await page.evaluate(() => localStorage.getItem('host-key')), 'the host owns this');
});

test('without data-show the widget lists the catalogue, from the bundle data-bundle names', async () => {
  const page = await site.page();
  const before = site.requests.length;
  await page.goto(`${site.url}/blog/catalogue.html`);
  const cards = page.locator('[data-nextseason] >> .ns-show-card h3');
  await cards.first().waitFor();
  assert.deepEqual(await cards.allTextContents(), ['Metallic Rouge', 'Sengoku Youko']);
  await page.locator('[data-nextseason] >> .ns-show-card a', { hasText: 'Sengoku Youko' }).click();
  await page.locator('[data-nextseason] >> h2#ns-headline', { hasText: 'Sengoku Youko' }).waitFor();
  assert.equal(new URL(page.url()).search, '?show=sengoku-youko');
  await page.goBack();
  await cards.first().waitFor();
  // Every file came from the bundle data-bundle names, none from the one beside embed.js.
  const data = site.requests.slice(before).filter((p) => p.includes('/data/'));
  assert.ok(data.includes('/data/index.json') && data.includes('/data/shows/sengoku-youko.json'), data.join(', '));
  assert.deepEqual(data.filter((p) => !p.startsWith('/data/')), []);
  assert.deepEqual(page.errors, []);
});
