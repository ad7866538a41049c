// The live countdown (README: "a live countdown in the reader's time zone once the date is
// known"), end to end, on synthetic dated shows (generated and labelled synthetic, their
// premieres written here; never in the shipped bundle): it ticks down in the outlook card and in
// the answer box (on the browser's own clock), then, under Playwright's page clock, to the second,
// and says "It has premiered." once the moment has come (Playwright's timer ids do not fit the
// i32 that web-sys gives them, so its clock cannot stand in for the browser's timers: the wasm's
// clearInterval misses them); the outlook card gives the premiere in the reader's own time zone
// (Tokyo and Buenos Aires: another day and hour for one instant), and a premiere known only to
// the day counts down to the start of that day where the reader is.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_TOOL, PRERENDER_TOOL, open } from './harness.mjs';

/** A premiere announced to the minute, in Japan time: February 28, 16:30 UTC. */
const EXACT = '/shows/synthetic-00000';
const PREMIERE_AT = '2031-03-01T01:30:00+09:00';
const PREMIERE = Date.parse(PREMIERE_AT);
/** A premiere announced to the day: its countdown ends at the start of that day, the reader's. */
const DAY_ONLY = '/shows/synthetic-00001';

const CARD = '.ns-outlook .ns-countdown__left';
const BOX = '.ns-answer__countdown [role=timer]';

let site;
before(async () => {
  site = await open({ synthetic: 2 });
  const data = join(site.root, 'data');
  const dated = async (path, outlook) => {
    const file = join(data, 'shows', `${path.split('/').pop()}.json`);
    const show = JSON.parse(await readFile(file, 'utf8'));
    const summary = `Synthetic outlook for ${show.title}: a premiere date, generated test text.`;
    await writeFile(file, JSON.stringify({ ...show, outlook: { status: 'dated', summary, window: { from: '2031-03-01' }, ...outlook } }, null, 2));
  };
  await dated(EXACT, { premiere_at: PREMIERE_AT });
  await dated(DAY_ONLY, {});
  execFileSync(BUNDLE_TOOL, ['index', data]);
  execFileSync(PRERENDER_TOOL, [site.root]);
});
after(async () => site?.close());

/** "1 day, 02:03:04 to go" in seconds. */
function secondsLeft(text) {
  const match = /^(?:(\d+) days?, )?(\d\d):(\d\d):(\d\d) to go$/.exec(text);
  assert.ok(match, `a countdown: ${JSON.stringify(text)}`);
  const [days, h, m, s] = match.slice(1).map((n) => Number(n ?? 0));
  return ((days * 24 + h) * 60 + m) * 60 + s;
}

/** Waits until both countdowns read `text` (the page's clock moved already: at once). */
async function bothRead(page, text) {
  try {
    await page.waitForFunction(([selectors, text]) => selectors.every((s) => document.querySelector(s)?.textContent === text), [[CARD, BOX], text], { timeout: 10_000 });
  } catch {
    const read = await page.evaluate((selectors) => selectors.map((s) => document.querySelector(s)?.textContent), [CARD, BOX]);
    assert.deepEqual(read, [text, text], 'the outlook card’s countdown and the answer box’s');
  }
}

test('the countdown ticks down in the outlook card and the answer box, to the second, then says it has premiered', async () => {
  // On the browser's own clock and timers first: it ticks.
  const live = await site.page({ locale: 'en-US', timezoneId: 'Asia/Tokyo' });
  await live.visit(site.url + EXACT);
  for (const timer of [CARD, BOX]) {
    const before = await live.textContent(timer);
    const ticked = await live.waitForFunction(([selector, text]) => document.querySelector(selector).textContent !== text, [timer, before], { timeout: 10_000 }).then(() => true, () => false);
    assert.ok(ticked, `${timer} still reads ${before} after 10 s`);
    const [left, after] = [secondsLeft(before), secondsLeft(await live.textContent(timer))];
    assert.ok(after < left && after >= left - 5, `${timer} went down: ${before}, then ${after} s`);
  }
  assert.deepEqual(live.errors, []);

  // Then on the page's clock (Playwright's), set a little before the premiere: to the second.
  const page = await site.page({ locale: 'en-US', timezoneId: 'Asia/Tokyo' });
  await page.clock.install({ time: PREMIERE - 150_000 });
  await page.visit(site.url + EXACT);
  assert.equal(await page.textContent('.ns-answer__status'), 'Date announced');
  const left = secondsLeft(await page.textContent(BOX));
  assert.ok(left > 60 && left <= 150, `${left} s left`);
  await page.clock.pauseAt(PREMIERE - 61_000);
  await bothRead(page, '00:01:01 to go');
  await page.clock.runFor(1000);
  await bothRead(page, '00:01:00 to go');
  await page.clock.runFor(59_000);
  await bothRead(page, '00:00:01 to go');
  assert.doesNotMatch(await page.textContent('.ns-outlook'), /premiered/);
  await page.clock.runFor(1000);
  await bothRead(page, 'It has premiered.');
  // What was announced stays as it was written.
  assert.equal(await page.textContent('.ns-answer__status'), 'Date announced');
  assert.match(await page.textContent('.ns-outlook .ns-countdown'), /^Premieres Saturday, March 1, 2031 at 01:30, your time \(Asia\/Tokyo\)\.It has premiered\.$/);
  assert.deepEqual(page.errors, []);
});

for (const [zone, exact, dayOnly] of [
  // 16:30 UTC is 01:30 the next day in Tokyo (UTC+9) and 13:30 the same day in Buenos Aires
  // (UTC−3). March 1 begins at 15:00 UTC the day before in Tokyo, at 03:00 UTC in Buenos Aires.
  ['Asia/Tokyo', 'Saturday, March 1, 2031 at 01:30', { when: 'Saturday, March 1, 2031', left: '03:00:00 to go' }],
  ['America/Buenos_Aires', 'Friday, February 28, 2031 at 13:30', { when: 'Saturday, March 1, 2031', left: '15:00:00 to go' }],
]) {
  test(`in ${zone}, the premiere is given in the reader’s time zone, and a day’s countdown ends when that day begins there`, async () => {
    const page = await site.page({ locale: 'en-US', timezoneId: zone });
    // The same instant for every reader: 12:00 UTC on February 28, 2031.
    await page.clock.setFixedTime(Date.parse('2031-02-28T12:00:00Z'));
    await page.visit(site.url + EXACT);
    const zoneName = zone.replace('America/', 'America/(Argentina/)?');
    const said = await page.textContent('.ns-outlook .ns-countdown p:first-child');
    assert.match(said, new RegExp(`^Premieres ${exact}, your time \\(${zoneName}\\)\\.$`));
    assert.equal(await page.getAttribute('.ns-outlook .ns-countdown time', 'datetime'), new Date(PREMIERE).toISOString().replace('.000Z', 'Z'));
    await bothRead(page, '04:30:00 to go');
    // The answer says the day as it was announced (in Japan), wherever the reader is.
    assert.match(await page.textContent('.ns-answer__sentence'), /premieres on March 1, 2031\.$/);

    await page.visit(site.url + DAY_ONLY);
    assert.match(await page.textContent('.ns-outlook .ns-countdown p:first-child'), new RegExp(`^Premieres ${dayOnly.when}, your time \\(${zoneName}\\)\\.$`));
    await bothRead(page, dayOnly.left);
    assert.deepEqual(page.errors, []);
  });
}
