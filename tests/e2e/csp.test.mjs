// The release build under a strict Content-Security-Policy (issue 13's): no inline script or
// style is needed. For the catalogue, a show page, an unknown show and the app's own page, the
// page renders, the app takes over, and the browser reports no violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './harness.mjs';

const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

let site;
before(async () => (site = await open({ headers: { 'content-security-policy': POLICY } })));
after(async () => site?.close());

/** A page that records every violation the browser reports, from the document's start. */
async function watched() {
  const page = await site.page({ locale: 'en-US' });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return page;
}

for (const [path, ready] of [
  ['/', '.ns-show-card'],
  ['/shows/metallic-rouge', '.ns-cast'],
  ['/shows/no-such-show', '.ns-not-found'],
]) {
  test(`${path} renders and the app takes over under the strict policy`, async () => {
    const page = await watched();
    const response = await page.visit(site.url + path);
    assert.equal(response.headers()['content-security-policy'], POLICY);
    await page.waitForSelector(ready);
    // The app is running: it answers a link in place (the router), and its page is the one shown.
    assert.equal(await page.locator('[data-ns-prerendered]').count(), 0);
    assert.equal(await page.locator('.ns-root[hidden]').count(), 0);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    // An unknown show is a 404, its page and its file: the browser says so, and nothing else.
    const expected = (e) => path.includes('no-such-show') && /status of 404/.test(e);
    assert.deepEqual(page.errors.filter((e) => !expected(e)), []);
  });
}

test("the app's own page (a host's fallback where no page was written) runs under the policy", async () => {
  const page = await watched();
  await page.goto(`${site.url}/app.html`);
  // app.html at its own address is no route of the site: the app shows its 404 page.
  await page.waitForSelector('.ns-not-found');
  await page.goto(`${site.url}/shows/metallic-rouge`);
  await page.waitForSelector('.ns-cast');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
});

test('following links and changing the region under the policy raises no violation', async () => {
  const page = await watched();
  await page.visit(`${site.url}/shows/metallic-rouge`);
  await page.waitForSelector('.ns-offer');
  await page.selectOption('#ns-region', 'JP');
  await page.waitForFunction(() => document.querySelector('.ns-offer--here')?.textContent.includes('Fuji TV'));
  await page.click('.ns-read-also a');
  await page.waitForURL('**/shows/sengoku-youko');
  await page.waitForFunction(() => /Sengoku Youko/.test(document.querySelector('h1')?.textContent ?? ''));
  await page.click('a.ns-header__link');
  await page.waitForSelector('.ns-show-card');
  await page.fill('input[type=search]', 'Sengoku');
  await page.waitForFunction(() => document.querySelectorAll('.ns-show-card').length === 1);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
});

test('no written page holds an inline script or style attribute', async () => {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  for (const file of ['index.html', '404.html', 'app.html', 'shows/metallic-rouge/index.html', 'embed/metallic-rouge.html']) {
    const html = await readFile(join(site.root, file), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    for (const [, attributes, body] of scripts) {
      if (/type="application\/ld\+json"/.test(attributes)) continue;
      assert.match(attributes, /\bsrc="/, `${file}: an inline script`);
      assert.equal(body.trim(), '', `${file}: a script with a body`);
    }
    assert.doesNotMatch(html, /\sstyle="/, `${file}: a style attribute`);
    assert.doesNotMatch(html, /\selementtiming=/, `${file}: elementtiming is not valid HTML`);
  }
});
