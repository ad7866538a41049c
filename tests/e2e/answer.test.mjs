// The answer first (issue 14): the answer box under the <h1> is fully on the first screen at
// phone and desktop sizes, says what the outlook card says, its jump links move focus to the
// cards' headings, it is in the page written at build time, the take-over shifts nothing, and
// axe finds no violation in it, light or dark. On an editor's show (the editorial catalogue)
// and on imported shows (the release build as shipped).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BUNDLE_TOOL, PRERENDER_TOOL, countLayoutShifts, holdRequests, open } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** An editor's show, and works of bangumi-data with generated articles: one whose next season
 *  aired (its link and title in Japanese), the one of those with the longest headline, and one
 *  NextSeason found nothing after. */
const EDITORIAL = '/shows/metallic-rouge';
const LATER_SEASON = '/shows/frieren-beyond-the-journeys-end';
const LONGEST_LATER = '/shows/i-was-reincarnated-as-the-7th-prince-so-i-can-take-my-time-perfecting-my-magical';
const NOTHING_LATER = '/shows/sengoku-youko-the-thousandfold-chaos-arc';
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

let editorial;
let full;
before(async () => {
  editorial = await open();
  full = await open({ catalogue: 'full' });
});
after(async () => {
  await editorial?.close();
  await full?.close();
});

/** Where the answer box is, against the viewport. */
const answerBox = (page) =>
  page.$eval('main .ns-answer', (box) => {
    const r = box.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: innerWidth, height: innerHeight };
  });

function assertOnFirstScreen(box, what) {
  assert.ok(box.top >= 0 && box.left >= 0, `${what}: starts on screen (${JSON.stringify(box)})`);
  assert.ok(box.bottom <= box.height && box.right <= box.width, `${what}: ends on the first screen (${JSON.stringify(box)})`);
}

for (const viewport of SIZES) {
  for (const [name, site, path] of [
    ['an editor’s show', () => editorial, EDITORIAL],
    ['an imported show with a later season', () => full, LATER_SEASON],
    ['the imported show with a later season and the longest headline', () => full, LONGEST_LATER],
  ]) {
    test(`${name} at ${viewport.width}×${viewport.height}: the answer is fully on the first screen and agrees with the outlook card`, async () => {
      const page = await site().page({ viewport, locale: 'en-US' });
      await page.visit(site().url + path);
      await page.waitForSelector('main .ns-answer');
      // Right under the headline.
      assert.equal(await page.$eval('h1', (h) => h.nextElementSibling.className), 'ns-answer');
      assertOnFirstScreen(await answerBox(page), path);
      const texts = await page.evaluate(() => {
        const text = (selector) => document.querySelector(selector)?.textContent.trim();
        return {
          badge: text('.ns-answer__status'),
          sentence: text('.ns-answer__sentence'),
          window: text('.ns-answer__facts .ns-sheet__row:not(.ns-answer__watch)'),
          cardBadge: text('.ns-outlook__status'),
          cardSentence: text('.ns-outlook__answer') ?? text('.ns-outlook__data'),
          cardWindow: text('.ns-outlook__window .ns-sheet__row'),
        };
      });
      assert.ok(texts.badge && texts.sentence, JSON.stringify(texts));
      assert.equal(texts.badge, texts.cardBadge);
      assert.equal(texts.sentence, texts.cardSentence);
      assert.equal(texts.window, texts.cardWindow);
      assert.deepEqual(page.errors, []);
    });
  }
}

test('the answers’ words: an editor’s window, the data’s next season linked, the data’s silence not read as “no”', async () => {
  const page = await editorial.page();
  await page.visit(editorial.url + EDITORIAL);
  assert.equal(await page.textContent('.ns-answer__status'), 'No announcement');
  assert.equal(await page.textContent('.ns-answer__sentence'), 'No second season has been announced.');
  assert.match(await page.textContent('.ns-answer__facts'), /Expected\s*2025 or later/);

  const later = await full.page();
  await later.visit(full.url + LATER_SEASON);
  assert.match(await later.textContent('.ns-answer__status'), /^Next season (aired|airing|dated)$/);
  const next = await later.getAttribute('.ns-answer__sentence a', 'href');
  assert.match(next, /^\/shows\/[a-z0-9-]+$/);
  assert.equal(await later.getAttribute(`.ns-timeline a[href="${next}"]`, 'href'), next, 'the next season is in the timeline too');

  const nothing = await full.page();
  await nothing.visit(full.url + NOTHING_LATER);
  assert.equal(await nothing.textContent('.ns-answer__status'), 'No later season found');
  assert.equal(await nothing.textContent('.ns-answer__caveat'), 'A season the data does not hold yet may already have been announced.');
  // It leads with the odds from history: a share of a group, never a prediction about the show.
  assert.match(await nothing.textContent('.ns-answer__sentence'), /^(About \d+|Under 1)\u00a0% of [^.]+ seasons [^.]*had waited as long as this one \([^)]+\) got another season within the next two years\./);
  assert.deepEqual([...page.errors, ...later.errors, ...nothing.errors], []);
});

test('where to watch now: the reader’s platform, or none in their region, and a change in the watch card shows here', async () => {
  const watchNow = (page) => page.textContent('.ns-answer__watch dd');
  const us = await editorial.page({ locale: 'en-US' });
  await us.visit(editorial.url + EDITORIAL);
  assert.equal(await watchNow(us), 'Crunchyroll');
  await us.selectOption('#ns-region', 'KR');
  await us.waitForFunction(() => document.querySelector('.ns-answer__watch dd').textContent === 'Not streaming in your region');
  await us.selectOption('#ns-region', 'JP');
  await us.waitForFunction(() => document.querySelector('.ns-answer__watch dd').textContent === 'Fuji TV +Ultra');
  // It links down to the watch card.
  await us.click('.ns-answer__watch a');
  await us.waitForFunction(() => document.activeElement?.id === 'ns-watch-h');
  assert.deepEqual(us.errors, []);
});

for (const viewport of SIZES) {
  test(`the jump links move focus to each card’s heading, before and after the take-over, at ${viewport.width}px`, async () => {
    const page = await editorial.page({ viewport });
    const jumps = async () => {
      const links = await page.$$eval('nav.ns-jumps a', (as) => as.map((a) => [a.getAttribute('href').slice(1), a.textContent]));
      assert.deepEqual(links.map(([, title]) => title), ['Technical sheet', 'Season 2 outlook', 'Where to watch', 'Cast', 'Read also']);
      for (const [id, title] of links) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.click(`nav.ns-jumps a[href="#${id}"]`);
        await page.waitForFunction((id) => document.activeElement?.id === id, id);
        const heading = await page.$eval(`#${id}`, (h) => ({ text: h.textContent, top: h.getBoundingClientRect().top }));
        assert.equal(heading.text, title);
        assert.ok(heading.top >= -1 && heading.top < viewport.height, `#${id} is on screen (top ${heading.top})`);
      }
      // By keyboard too: the link, then Enter.
      await page.focus('nav.ns-jumps a[href="#ns-cast-h"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'ns-cast-h');
      const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(ring, 'none', 'focus is visible after a jump by keyboard');
      assert.equal(await page.getByRole('navigation', { name: 'On this page' }).count(), 1);
    };
    // The page written at build time, the wasm held back: plain links.
    const release = await holdRequests(page, '**/*.wasm');
    await page.goto(editorial.url + EDITORIAL);
    await page.waitForSelector('[data-ns-prerendered] nav.ns-jumps');
    await jumps();
    assert.ok(await page.$('[data-ns-prerendered]'), 'still the written page');
    release();
    await page.waitForFunction(() => !document.querySelector('[data-ns-prerendered]'));
    await page.evaluate(() => (window.__sameDocument = true));
    await jumps();
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'jumps stay in the page');
    assert.equal(new URL(page.url()).pathname, EDITORIAL);
    assert.equal(await page.locator('h1').count(), 1);
    assert.deepEqual(page.errors, []);
  });
}

test('without JavaScript the answer is there, on the first screen, with its jump links', async () => {
  for (const [site, path] of [[editorial, EDITORIAL], [full, LATER_SEASON], [full, NOTHING_LATER]]) {
    const page = await site.page({ javaScriptEnabled: false, viewport: SIZES[0] });
    await page.goto(site.url + path);
    assert.equal(await page.$eval('h1', (h) => h.nextElementSibling.className), 'ns-answer', path);
    assert.ok((await page.textContent('.ns-answer__sentence')).length > 20, path);
    assert.match(await page.textContent('.ns-answer__watch dd'), /^(\d+ platforms?: set your region|No platform listed yet)$/);
    if (path !== NOTHING_LATER) assertOnFirstScreen(await answerBox(page), path);
    await page.click('nav.ns-jumps a[href="#ns-outlook-h"]');
    await page.waitForFunction(() => document.activeElement?.id === 'ns-outlook-h');
    await page.context().close();
  }
});

/** A page that adds up layout shifts, with the wasm held back until `release()`, so that a test
 *  reads the page written at build time before the app takes its place. */
async function heldPage(site, options) {
  const page = await site.page({ locale: 'en-US', ...options });
  await countLayoutShifts(page);
  page.release = await holdRequests(page, '**/*.wasm');
  /** The take-over, then two frames for the observer to report what it caused. */
  page.takenOver = async () => {
    await page.waitForFunction(() => !document.querySelector('[data-ns-prerendered]') && document.querySelector('.ns-root .ns-answer'));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  };
  return page;
}

for (const viewport of SIZES) {
  for (const [site, path] of [[() => editorial, EDITORIAL], [() => full, LATER_SEASON]]) {
    test(`the reader's region fills in the answer without layout shift: ${path} at ${viewport.width}px`, async () => {
      const page = await heldPage(site(), { viewport });
      await page.goto(site().url + path);
      await page.waitForSelector('[data-ns-prerendered] .ns-answer');
      const written = await page.textContent('.ns-answer__watch dd');
      assert.match(written, /^\d+ platforms?: set your region$/);
      page.release();
      await page.takenOver();
      assert.notEqual(await page.textContent('.ns-answer__watch dd'), written, 'the reader’s region filled in');
      assert.equal(await page.evaluate(() => window.__cls), 0, 'cumulative layout shift');
      assert.deepEqual(page.errors, []);
    });
  }
}

test('a dated season counts down in the answer, and the reader’s own time zone shifts nothing', async () => {
  // Synthetic: the editor's show given a premiere announced for a day two months ahead, with its
  // time, and its pages written again; restored afterwards.
  const shard = join(editorial.root, 'data', 'shows', 'metallic-rouge.json');
  const original = await readFile(shard, 'utf8');
  const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const dated = { ...JSON.parse(original), outlook: { status: 'dated', summary: 'Synthetic: a premiere date was announced.', window: { from: day }, premiere_at: `${day}T23:00:00+09:00` } };
  const rewrite = async (text) => {
    await writeFile(shard, text);
    execFileSync(BUNDLE_TOOL, ['index', join(editorial.root, 'data')]);
    execFileSync(PRERENDER_TOOL, [editorial.root]);
  };
  await rewrite(JSON.stringify(dated, null, 2));
  try {
    for (const viewport of SIZES) {
      // Far from the build's UTC: the outlook card's local time and zone name change on take-over.
      const page = await heldPage(editorial, { viewport, timezoneId: 'America/Argentina/Buenos_Aires' });
      await page.goto(editorial.url + EDITORIAL);
      await page.waitForSelector('[data-ns-prerendered] .ns-answer__countdown');
      assert.match(await page.textContent('.ns-answer__sentence'), /^Season 2 premieres on \w+ \d+, \d{4}\.$/);
      assert.match(await page.textContent('.ns-answer__countdown [role=timer]'), /^\d+ days, \d\d:\d\d:\d\d to go$/);
      assertOnFirstScreen(await answerBox(page), `${EDITORIAL}, dated, written`);
      page.release();
      await page.takenOver();
      assert.match(await page.textContent('.ns-outlook .ns-countdown'), /your time \(America\/(Argentina\/)?Buenos_Aires\)/);
      const tick = await page.textContent('.ns-answer__countdown [role=timer]');
      await page.waitForFunction((t) => document.querySelector('.ns-answer__countdown [role=timer]').textContent !== t, tick);
      assert.equal(await page.evaluate(() => window.__cls), 0, `cumulative layout shift at ${viewport.width}px`);
      assertOnFirstScreen(await answerBox(page), `${EDITORIAL}, dated`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  } finally {
    await rewrite(original);
  }
});

for (const scheme of ['light', 'dark']) {
  test(`axe: no violation on the answer's pages in the ${scheme} scheme`, async () => {
    for (const [site, path] of [[editorial, EDITORIAL], [full, LATER_SEASON], [full, NOTHING_LATER]]) {
      const page = await site.page({ colorScheme: scheme, bypassCSP: true, viewport: SIZES[0] });
      await page.visit(site.url + path);
      await page.waitForSelector('main .ns-answer');
      await page.addScriptTag({ path: AXE });
      const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      assert.deepEqual(violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], path);
      await page.context().close();
    }
  });
}

test('in the widget: the answer under the headline by default, alone as a card of its own, jumps within the shadow root', async () => {
  const page = await editorial.page({ locale: 'en-US' });
  await page.route('**/blog/answer.html', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Answers</title></head><body><h1>My post</h1>
        <div id="all" data-nextseason data-show="metallic-rouge"></div>
        <div id="alone" data-nextseason data-show="metallic-rouge" data-cards="answer,outlook,watch"></div>
        <script type="module" src="/nextseason/embed.js"></script></body></html>`,
    }),
  );
  await page.goto(`${editorial.url}/blog/answer.html`);
  await page.locator('#all >> h2#ns-headline + .ns-answer').waitFor();
  await page.locator('#alone >> .ns-answer-card').waitFor();
  assert.equal(await page.locator('#all >> .ns-answer__sentence').textContent(), 'No second season has been announced.');
  assert.equal(await page.locator('#alone >> section.ns-answer-card > h3').textContent(), 'Will Metallic Rouge get season 2?');
  assert.equal(await page.locator('#alone >> .ns-answer__watch dd').textContent(), 'Crunchyroll');
  assert.deepEqual(await page.locator('#alone >> nav.ns-jumps a').allTextContents(), ['Season 2 outlook', 'Where to watch']);
  const address = page.url();
  await page.locator('#alone >> nav.ns-jumps a[href="#ns-watch-h"]').click();
  await page.waitForFunction(() => document.querySelector('#alone').shadowRoot.activeElement?.id === 'ns-watch-h');
  await page.locator('#all >> nav.ns-jumps a[href="#ns-cast-h"]').click();
  await page.waitForFunction(() => document.querySelector('#all').shadowRoot.activeElement?.id === 'ns-cast-h');
  assert.equal(page.url(), address, "the host's address is left alone");
  const top = await page.locator('#all >> #ns-cast-h').evaluate((h) => h.getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 100, `the heading is at the top of the window (${top})`);
  assert.deepEqual(page.errors, []);
});
