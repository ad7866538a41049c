// axe-core in headless Chromium on the home page, a show page and the 404 page, in the light and
// the dark colour scheme: no serious or critical violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { open } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let site;
before(async () => (site = await open()));
after(async () => site?.close());

for (const scheme of ['light', 'dark']) {
  for (const [path, ready] of [
    ['/', '.ns-show-card'],
    ['/shows/metallic-rouge', '.ns-cast'],
    ['/shows/sengoku-youko', '.ns-read-also'],
    ['/shows/no-such-show', '.ns-not-found'],
  ]) {
    test(`${path} in the ${scheme} scheme has no serious or critical axe violation`, async () => {
      const page = await site.page({ colorScheme: scheme, bypassCSP: true });
      await page.visit(site.url + path);
      await page.waitForSelector(ready);
      await page.addScriptTag({ path: AXE });
      const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(serious, []);
      // What axe cannot judge: every card is a section named by a visible heading, and one h1.
      assert.equal(await page.locator('h1').count(), 1);
      const unnamed = await page.$$eval('main section', (ss) =>
        ss.filter((s) => {
          const h = document.getElementById(s.getAttribute('aria-labelledby'));
          return !h || !s.contains(h) || !h.offsetHeight;
        }).length,
      );
      assert.equal(unnamed, 0);
    });
  }
}

test('keyboard focus is visible', async () => {
  const page = await site.page();
  await page.visit(`${site.url}/shows/metallic-rouge`);
  await page.waitForSelector('.ns-read-also');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  assert.notEqual(outline, 'none');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.notEqual(style.style, 'none');
  assert.ok(style.width >= 2);
});

for (const scheme of ['light', 'dark']) {
  test(`the embedded widgets in a blog post, ${scheme} scheme, have no serious or critical axe violation`, async () => {
    const page = await site.plainBlogPage({ colorScheme: scheme });
    await page.locator('#widget-one >> .ns-cast').waitFor();
    await page.locator('#widget-two >> .ns-offer').first().waitFor();
    await page.addScriptTag({ path: AXE });
    // Only the widgets: the fixture's own markup is not under test.
    const { violations } = await page.evaluate(() =>
      window.axe.run({ include: [['#widget-one'], ['#widget-two']] }, { resultTypes: ['violations'] }),
    );
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(serious, []);
  });
}
