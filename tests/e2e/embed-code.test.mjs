// The embed page, /embed/?show=<slug> (README, "Embed on your blog"): one page written at build
// time for every show, in place of a file of cards per show. Its script loads the widget
// (embed.js), which renders the show's cards to paste in the browser: they must be the very
// cards the build renders natively (`prerender::embed_snippet`, which `nextseason-prerender
// --snippets` writes and valid-html.mjs checks for every show of the full build), whatever the
// reader's time zone and region. Served with the build's own headers (its strict
// Content-Security-Policy and Trusted Types) throughout.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_TOOL, PRERENDER_TOOL, open } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** A synthetic show given a premiere to the minute: its cards hold a countdown and a time. */
const DATED = 'synthetic-00000';
const SHOWS = ['metallic-rouge', 'sengoku-youko', DATED];

let site;
/** The build's own snippets of SHOWS (`--snippets`), by slug. */
const native = new Map();
let snippets;

before(async () => {
  site = await open({ synthetic: 2, hostHeaders: true });
  const data = join(site.root, 'data');
  const file = join(data, 'shows', `${DATED}.json`);
  const show = JSON.parse(await readFile(file, 'utf8'));
  const outlook = { status: 'dated', summary: `Synthetic outlook for ${show.title}: a premiere date, generated test text.`, window: { from: '2031-03-01' }, premiere_at: '2031-03-01T01:30:00+09:00' };
  await writeFile(file, JSON.stringify({ ...show, outlook }, null, 2));
  execFileSync(BUNDLE_TOOL, ['index', data]);
  execFileSync(PRERENDER_TOOL, [site.root]);
  snippets = await mkdtemp(join(tmpdir(), 'nextseason-snippets-'));
  execFileSync(PRERENDER_TOOL, [site.root, '--snippets', snippets]);
  for (const slug of SHOWS) native.set(slug, await readFile(join(snippets, `${slug}.html`), 'utf8'));
});
after(async () => {
  await site?.close();
  if (snippets) await rm(snippets, { recursive: true, force: true });
});

/** Opens the embed page of `show` and waits for its code with cards (or its message). */
async function embedPage(show, options = {}) {
  const page = await site.page(options);
  await page.goto(`${site.url}/embed/?show=${encodeURIComponent(show)}`);
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-ns-status]').textContent;
    return status !== '' && !status.startsWith('Loading');
  });
  return page;
}

/**
 * Whether two snippets are the same markup, as a browser reads them: each parsed, then compared
 * node by node (`isEqualNode`: the same elements, attributes in any order, the same text). The
 * countdown's ticking line is left out (the build's "now" and the browser's differ by the
 * seconds between them); the sentence with the premiere's day and time zone is kept. On a
 * difference, both in a canonical form (attributes sorted) from the first character that differs.
 */
async function sameMarkup(page, a, b) {
  return page.evaluate(([a, b]) => {
    const parse = (html) => {
      const body = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
      for (const timer of body.querySelectorAll('[role=timer]')) timer.textContent = '(ticking)';
      return body;
    };
    const canonical = (node) => {
      for (const element of node.querySelectorAll('*')) {
        const attributes = [...element.attributes].map((at) => [at.name, at.value]).sort(([x], [y]) => (x < y ? -1 : 1));
        for (const [name] of attributes) element.removeAttribute(name);
        for (const [name, value] of attributes) element.setAttribute(name, value);
      }
      return node.innerHTML;
    };
    const [x, y] = [parse(a), parse(b)];
    if (x.isEqualNode(y)) return { same: true };
    const [cx, cy] = [canonical(x), canonical(y)];
    let at = 0;
    while (at < cx.length && cx[at] === cy[at]) at++;
    return { same: false, browser: cx.slice(Math.max(0, at - 80), at + 160), build: cy.slice(Math.max(0, at - 80), at + 160) };
  }, [a, b]);
}

test('a show page links to its embed page at its end: a whole page load, without the app', async () => {
  const page = await site.page();
  await page.visit(`${site.url}/shows/metallic-rouge`);
  const link = page.locator('.ns-show > .ns-embed-link:last-child a');
  assert.equal(await link.getAttribute('href'), '/embed/?show=metallic-rouge');
  assert.equal(await link.getAttribute('rel'), 'external');
  const documents = site.requests.length;
  await link.click();
  await page.waitForURL('**/embed/?show=metallic-rouge');
  await page.waitForFunction(() => document.querySelector('#ns-embed-full').value !== '');
  const fetched = site.requests.slice(documents);
  assert.ok(fetched.includes('/embed/'), `the page itself was loaded: ${fetched}`);
  // The widget's wasm, never the site's app.
  assert.ok(fetched.some((p) => /^\/nextseason-embed-[0-9a-f]+_bg\.wasm$/.test(p)), `the widget's wasm: ${fetched}`);
  assert.ok(!fetched.some((p) => /^\/nextseason-(shows-)?[0-9a-f]+(_bg\.wasm|\.js)$/.test(p)), `no app: ${fetched}`);
  assert.match(await page.textContent('[data-ns-status]'), /^The code for metallic-rouge is ready\.$/);
  assert.deepEqual(page.errors, []);
});

for (const [label, options] of [
  ['in UTC, the browser in English (US)', { timezoneId: 'UTC', locale: 'en-US' }],
  ['in Tokyo, the reader’s region Japan', { timezoneId: 'Asia/Tokyo', locale: 'ja-JP' }],
]) {
  test(`the cards to paste are the build’s own, ${label}`, async () => {
    for (const slug of SHOWS) {
      const page = await site.page(options);
      if (options.timezoneId !== 'UTC') await page.addInitScript(() => localStorage.setItem('nextseason.region', 'JP'));
      await page.goto(`${site.url}/embed/?show=${slug}`);
      await page.waitForFunction(() => document.querySelector('#ns-embed-full').value !== '');
      const full = await page.inputValue('#ns-embed-full');
      const script = `<script type="module" src="https://nextseason.example/embed.js"></script>\n`;
      assert.ok(full.endsWith(`</div>\n${script}`), `${slug}: the widget's element with its cards, then its script`);
      const snippet = full.slice(0, -script.length);
      assert.ok(snippet.startsWith(`<div data-nextseason data-show="${slug}">\n<div class="ns-show">`), snippet.slice(0, 120));
      assert.equal(await page.inputValue('#ns-embed-widget'), `<div data-nextseason data-show="${slug}"></div>\n${script}`);
      const compared = await sameMarkup(page, snippet, native.get(slug));
      assert.ok(compared.same, `${slug} differs from the build's:\n  browser: ${compared.browser}\n  build:   ${compared.build}`);
      if (slug === DATED) {
        assert.match(snippet, /role="timer"/, 'the dated show has its countdown');
        assert.match(snippet, /, your time \(UTC\)\./, "the premiere's time as the build writes it, not the reader's");
      }
      // What the preview shows is the live widget, in the reader's region.
      await page.waitForFunction(() => document.querySelector('[data-ns-preview] [data-nextseason]')?.shadowRoot?.querySelector('.ns-show'));
      assert.deepEqual(page.errors, [], slug);
      await page.context().close();
    }
  });
}

test('pasted into a post, the code works: the cards without JavaScript, the live widget with it', async () => {
  const page = await embedPage('metallic-rouge');
  // The site's address in the code is the build's (nextseason.example): here, the test server's.
  const code = (await page.inputValue('#ns-embed-full')).replaceAll('https://nextseason.example/embed.js', `${site.url}/nextseason/embed.js`);
  const post = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>My post</title></head><body><h1>My post</h1>${code}</body></html>`;
  const serve = (p) => p.route('**/blog/pasted.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: post }));

  const still = await site.page({ javaScriptEnabled: false });
  await serve(still);
  await still.goto(`${site.url}/blog/pasted.html`);
  assert.match(await still.textContent('[data-nextseason] h2'), /Metallic Rouge/);
  assert.equal(await still.locator('h1').count(), 1, "the post's own <h1> only");
  assert.equal(await still.getAttribute('[data-nextseason] .ns-read-also a', 'href'), 'https://nextseason.example/shows/sengoku-youko');
  assert.equal(await still.locator('[data-nextseason] .ns-embed-link').count(), 0, 'no link to the embed page in pasted cards');

  const live = await site.page();
  await serve(live);
  await live.goto(`${site.url}/blog/pasted.html`);
  await live.waitForFunction(() => document.querySelector('[data-nextseason]').shadowRoot?.querySelector('.ns-cast'));
  // The pasted cards are the host element's light DOM, which its shadow root now replaces.
  assert.equal(await live.locator('[data-nextseason] > .ns-show').isVisible(), false);
  assert.deepEqual(live.errors, []);
});

test('an unknown show or a wrong address: a clear message and no code; a show’s address works', async () => {
  const catalogue = () => site.requests.filter((p) => p.startsWith('/data/index')).length;
  const before = catalogue();
  const unknown = await embedPage('no-such-show');
  assert.equal(
    await unknown.textContent('[data-ns-status]'),
    "NextSeason has no show at /shows/no-such-show. Check the address: its end is the show's slug, such as metallic-rouge. Find the show in the catalogue.",
  );
  assert.equal(await unknown.getAttribute('#ns-embed-show', 'aria-invalid'), 'true');
  assert.equal(await unknown.inputValue('#ns-embed-show'), 'no-such-show', 'what was typed stays, to correct');
  assert.equal(await unknown.isVisible('#ns-embed-full'), false);
  assert.equal(await unknown.isVisible('[data-ns-preview]'), false);
  assert.match(await unknown.inputValue('#ns-embed-widget'), /data-show="SLUG"/, 'the placeholder, not a wrong slug');
  assert.equal(catalogue(), before, 'an unknown show is told by its missing file, without the whole catalogue');
  assert.deepEqual(unknown.errors.filter((e) => !/404/.test(e)), []);

  const typo = await embedPage('Metallic Rouge!');
  assert.match(await typo.textContent('[data-ns-status]'), /^“Metallic Rouge!” is not a show's address/);
  assert.equal(await typo.isVisible('#ns-embed-full'), false);

  // A show's address, pasted whole: its slug.
  const address = await embedPage('https://nextseason.example/shows/sengoku-youko');
  assert.equal(await address.textContent('[data-ns-status]'), 'The code for sengoku-youko is ready.');
  assert.equal(new URL(address.url()).search, '?show=sengoku-youko');
  assert.equal(await address.inputValue('#ns-embed-show'), 'sengoku-youko');
});

test('Copy puts the code on the clipboard', async () => {
  const page = await embedPage('sengoku-youko');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  for (const [button, textarea] of [
    ['Copy the widget with its cards', '#ns-embed-full'],
    ['Copy the widget', '#ns-embed-widget'],
  ]) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.waitForFunction((b) => document.querySelector('[data-ns-status]').textContent.startsWith(`Copied: ${b.replace(/^Copy /, '')}`), button);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.inputValue(textarea));
  }
});

for (const scheme of ['light', 'dark']) {
  test(`the embed page, ${scheme} scheme: no serious axe violation, labelled fields, focus visible`, async () => {
    const page = await embedPage('metallic-rouge', { colorScheme: scheme, bypassCSP: true });
    await page.waitForFunction(() => document.querySelector('[data-ns-preview] [data-nextseason]')?.shadowRoot?.querySelector('.ns-show'));
    await page.addScriptTag({ path: AXE });
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(serious, []);
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('main').count(), 1);
    for (const field of ['#ns-embed-show', '#ns-embed-widget', '#ns-embed-full']) {
      assert.ok((await page.locator(`label[for="${field.slice(1)}"]`).textContent()).length > 10, `${field} has its label`);
      await page.focus(field);
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none', `${field}: focus visible`);
    }
    // From the field, Tab reaches the button, with its ring.
    await page.focus('#ns-embed-show');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Get the code');
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.notEqual(ring.style, 'none');
    assert.ok(ring.width >= 2);
  });
}

test('without JavaScript, the page gives the two lines and says what needs JavaScript', async () => {
  const page = await site.page({ javaScriptEnabled: false });
  await page.goto(`${site.url}/embed/?show=metallic-rouge`);
  assert.equal(await page.inputValue('#ns-embed-widget'), '<div data-nextseason data-show="SLUG"></div>\n<script type="module" src="https://nextseason.example/embed.js"></script>\n');
  assert.match(await page.textContent('main'), /they need JavaScript/);
  assert.equal(await page.isVisible('#ns-embed-full'), false);
  assert.equal(await page.locator('button[data-ns-copy]:visible').count(), 0, 'no Copy button that cannot work');
  // The form asks for the show again, to the same page.
  assert.equal(await page.getAttribute('form', 'action'), '/embed/');
});
