// The widget's theme (README, "Embed on your blog"): the public --nextseason-* properties, set
// on the widget's element or on an element around it, reach its cards inside the shadow root
// (text and background colours, corners, font, font size, accent), a light-dark() pair follows
// the scheme; data-theme forces light or dark whatever the reader's browser prefers, and without
// it the widget follows the reader.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './harness.mjs';

let site;
before(async () => (site = await open()));
after(async () => site?.close());

const CARDS = 'data-show="metallic-rouge" data-cards="answer,watch,read-also"';
const THEME = '--nextseason-text: rgb(1, 2, 3); --nextseason-background: rgb(250, 240, 230); --nextseason-radius: 3px; --nextseason-font: Georgia, serif; --nextseason-font-size: 20px; --nextseason-accent: rgb(0, 90, 0)';
const AROUND = '--nextseason-text: rgb(4, 5, 6); --nextseason-background: rgb(200, 210, 220); --nextseason-radius: 0px; --nextseason-font: monospace; --nextseason-font-size: 12px; --nextseason-accent: rgb(120, 0, 120)';
const PAIR = '--nextseason-background: light-dark(rgb(255, 250, 240), rgb(20, 10, 0)); --nextseason-accent: light-dark(rgb(0, 90, 0), rgb(150, 250, 150))';

/** The widget's own scheme (style/main.css). */
const LIGHT = { text: 'rgb(28, 27, 31)', background: 'rgb(255, 255, 255)', link: 'rgb(156, 28, 51)' };
const DARK = { text: 'rgb(236, 235, 240)', background: 'rgb(30, 29, 37)', link: 'rgb(255, 154, 171)' };

/** A blog post holding the widgets, without a colour scheme of its own, every widget rendered. */
async function blogPage(options, widgets) {
  const page = await site.page({ locale: 'en-US', ...options });
  await page.route('**/blog/theme.html', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Themes</title></head>
        <body><h1>My post</h1>${widgets}<script type="module" src="/nextseason/embed.js"></script></body></html>`,
    }),
  );
  await page.goto(`${site.url}/blog/theme.html`);
  for (const id of await page.$$eval('[data-nextseason]', (els) => els.map((el) => el.id))) {
    await page.locator(`#${id} >> .ns-read-also a`).waitFor();
  }
  return page;
}

/** What the theme decides in one widget, read from the computed styles inside its shadow root. */
const look = (page, id) =>
  page.locator(`#${id}`).evaluate((host) => {
    const style = (selector) => getComputedStyle(host.shadowRoot.querySelector(selector));
    const card = style('section.ns-watch');
    return {
      text: card.color,
      background: card.backgroundColor,
      radius: card.borderRadius,
      font: card.fontFamily,
      size: card.fontSize,
      title: style('section.ns-watch .ns-card__title').fontSize,
      link: style('.ns-read-also a').color,
      accent: style('.ns-answer').borderLeftColor,
    };
  });

test('--nextseason-* on the widget’s element, or on an element around it, reach its cards', async () => {
  const page = await blogPage({ colorScheme: 'light' }, `
    <div id="plain" data-nextseason ${CARDS}></div>
    <div id="themed" data-nextseason ${CARDS} style="${THEME}"></div>
    <section style="${AROUND}"><div id="around" data-nextseason ${CARDS}></div></section>`);
  const plain = await look(page, 'plain');
  assert.equal(plain.text, LIGHT.text);
  assert.equal(plain.background, LIGHT.background);
  assert.equal(plain.radius, '12px');
  assert.match(plain.font, /^system-ui, /);
  assert.equal(plain.size, '16px');
  assert.equal(plain.link, LIGHT.link);

  assert.deepEqual(await look(page, 'themed'), {
    text: 'rgb(1, 2, 3)',
    background: 'rgb(250, 240, 230)',
    radius: '3px',
    font: 'Georgia, serif',
    size: '20px',
    // The cards' own sizes are in em: they follow the widget's.
    title: '23px',
    link: 'rgb(0, 90, 0)',
    accent: 'rgb(0, 90, 0)',
  });
  assert.deepEqual(await look(page, 'around'), {
    text: 'rgb(4, 5, 6)',
    background: 'rgb(200, 210, 220)',
    radius: '0px',
    font: 'monospace',
    size: '12px',
    title: '13.8px',
    link: 'rgb(120, 0, 120)',
    accent: 'rgb(120, 0, 120)',
  });
  assert.deepEqual(page.errors, []);
});

for (const [reader, forced] of [['dark', 'light'], ['light', 'dark']]) {
  test(`data-theme="${forced}" forces the ${forced} scheme in a browser that prefers ${reader}; without it the widget follows the reader`, async () => {
    const page = await blogPage({ colorScheme: reader }, `
      <div id="reader" data-nextseason ${CARDS}></div>
      <div id="forced" data-nextseason ${CARDS} data-theme="${forced}"></div>
      <div id="same" data-nextseason ${CARDS} data-theme="${reader}"></div>
      <div id="pair" data-nextseason ${CARDS} data-theme="${forced}" style="${PAIR}"></div>`);
    assert.equal(await page.evaluate((scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches, reader), true);
    const scheme = { light: LIGHT, dark: DARK };
    const colours = async (id) => {
      const { text, background, link } = await look(page, id);
      return { text, background, link };
    };
    assert.deepEqual(await colours('forced'), scheme[forced], `data-theme="${forced}"`);
    assert.deepEqual(await colours('same'), scheme[reader], `data-theme="${reader}"`);
    assert.deepEqual(await colours('reader'), scheme[reader], 'no data-theme: the reader’s scheme');
    // A light-dark() pair of the blogger's takes the forced scheme's half.
    const pair = await look(page, 'pair');
    assert.deepEqual([pair.background, pair.link], forced === 'light' ? ['rgb(255, 250, 240)', 'rgb(0, 90, 0)'] : ['rgb(20, 10, 0)', 'rgb(150, 250, 150)']);
    assert.deepEqual(page.errors, []);
  });
}
