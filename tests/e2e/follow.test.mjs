// Following shows (src/follow): the calendars and the feed the release build writes, read by
// the parsers a calendar application and a feed reader would trust (tests/follow/check_follow.py:
// icalendar, recurring-ical-events, feedparser), two builds with an editor's announcement
// between them, and the links a reader follows to them, with and without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_TOOL, PRERENDER_TOOL, open } from './harness.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const PYTHON = join(ROOT, '.ci/follow-check/.venv/bin/python');
const CHECK = join(ROOT, 'tests/follow/check_follow.py');

/** The checker's JSON summary of a build (it exits 1, and this throws, on any problem). */
function checked(dist, args = []) {
  try {
    const out = execFileSync(PYTHON, [CHECK, dist, ...args], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop());
  } catch (error) {
    throw new Error(`check_follow.py found problems:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

let site;
let scratch;
before(async () => {
  site = await open();
  scratch = await mkdtemp(join(tmpdir(), 'nextseason-follow-'));
});
after(async () => {
  await site?.close();
  await rm(scratch, { recursive: true, force: true });
});

test('the editors\' build: calendars and feed read cleanly, and a rebuild of the same facts changes nothing', async () => {
  const first = checked(site.root);
  assert.ok(first.calendars >= 1, 'the site calendar at least');
  await copyFile(join(site.root, 'feed.atom'), join(scratch, 'feed-1.atom'));
  const calendar = await readFile(join(site.root, 'calendar.ics'), 'utf8');
  execFileSync(PRERENDER_TOOL, [site.root]);
  const again = checked(site.root, ['--previous-feed', join(scratch, 'feed-1.atom')]);
  assert.deepEqual(again.change.new, [], 'no entry is new');
  assert.deepEqual(again.change.gone, []);
  assert.equal(await readFile(join(site.root, 'calendar.ics'), 'utf8'), calendar, 'the same calendar, byte for byte');
});

test('an editor dates the next season: one new feed entry, the show gets its calendar, the old entries keep their ids', async () => {
  await copyFile(join(site.root, 'feed.atom'), join(scratch, 'feed-before.atom'));
  const out = execFileSync(BUNDLE_TOOL, [
    'announce', 'metallic-rouge', '--status', 'dated', '--premiere-at', '2027-01-10T23:30:00+09:00',
    '--source', 'https://example.org/news/metallic-rouge-season-2', '--date', '2026-11-02',
    '--bundle', join(site.root, 'data'), '--from', join(site.root, 'data'), '--registry', join(scratch, 'no-registry.json'),
  ], { encoding: 'utf8' });
  assert.match(out, /metallic-rouge/);
  execFileSync(PRERENDER_TOOL, [site.root]);
  const after = checked(site.root, ['--previous-feed', join(scratch, 'feed-before.atom')]);
  assert.equal(after.change.new.length, 1, JSON.stringify(after.change));
  assert.match(after.change.new[0].id, /^tag:[^,]+,2026:shows\/metallic-rouge\/outlook\/dated\/2026-11-02$/);
  assert.deepEqual(after.change.gone, []);
  const ics = await readFile(join(site.root, 'shows/metallic-rouge/calendar.ics'), 'utf8');
  assert.match(ics, /\r\nDTSTART:20270110T143000Z\r\n/, '23:30 in Japan is 14:30 UTC');

  // A reader on the page: the answer box's links, and the files they lead to, as served.
  const page = await site.page();
  await page.visit(`${site.url}/shows/metallic-rouge`);
  const add = page.locator('.ns-answer .ns-follow a[type="text/calendar"]');
  await assert.doesNotReject(add.waitFor());
  assert.equal(await add.textContent(), 'Add to calendar');
  const href = await add.getAttribute('href');
  assert.equal(href, '/shows/metallic-rouge/calendar.ics');
  const response = await page.request.get(`${site.url}${href}`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^text\/calendar/);
  const feed = page.locator('.ns-answer .ns-follow a[type="application/atom+xml"]');
  assert.equal(await feed.getAttribute('href'), '/feed.atom');
  const feedResponse = await page.request.get(`${site.url}/feed.atom`);
  assert.match(feedResponse.headers()['content-type'], /^application\/atom\+xml/);
  assert.equal(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without JavaScript the written pages offer the same links, the home page the site\'s calendar and feed', async () => {
  const page = await site.page({ javaScriptEnabled: false });
  await page.goto(`${site.url}/`);
  const links = await page.locator('.ns-follow a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert.deepEqual(links, [['/calendar.ics', 'Add the premieres to your calendar'], ['/feed.atom', 'Follow changes (Atom feed)']]);
  await page.goto(`${site.url}/shows/metallic-rouge`);
  assert.equal(await page.locator('.ns-answer .ns-follow a[href="/shows/metallic-rouge/calendar.ics"]').count(), 1);
  assert.equal(await page.locator('head link[rel="alternate"][type="text/calendar"]').getAttribute('href'), `${new URL(await page.locator('link[rel="canonical"]').getAttribute('href')).origin}/shows/metallic-rouge/calendar.ics`);
  await page.context().close();
});
