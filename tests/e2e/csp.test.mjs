// The release build as a static host serves it with the build's own `_headers` (its
// Content-Security-Policy with Trusted Types, caching, CORS) and 404.html with status 404 for
// unknown paths; then under issue 13's strict policy; then the widget in a blog on another
// origin with a policy of its own. Every time the page renders, the app takes over, and the
// browser reports no violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from './harness.mjs';
import { headersFor, parseHeadersFile, startServer } from './server.mjs';

const STRICT =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const IMMUTABLE = 'public, max-age=31536000, immutable';

let own;
let strict;
before(async () => {
  [own, strict] = await Promise.all([open({ hostHeaders: true }), open({ hostHeaders: true, headers: { 'content-security-policy': STRICT } })]);
});
after(async () => Promise.all([own?.close(), strict?.close()]));

/** A page that records every violation the browser reports, from the document's start. */
async function watched(site, options = {}) {
  const page = await site.page({ locale: 'en-US', ...options });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
  });
  return page;
}

const violations = (page) => page.evaluate(() => window.__violations);

for (const [name, policy] of [['its own _headers', null], ['the strict policy of issue 13', STRICT]]) {
  for (const [path, ready, status] of [
    ['/', '.ns-show-card', 200],
    ['/shows/metallic-rouge', '.ns-cast', 200],
    ['/shows/no-such-show', '.ns-not-found', 404],
  ]) {
    test(`${path} under ${name}: renders, the app takes over, no violation`, async () => {
      const site = policy ? strict : own;
      const page = await watched(site);
      const response = await page.visit(site.url + path);
      assert.equal(response.status(), status);
      const expected = policy ?? (await site.headers(path))['content-security-policy'];
      assert.equal(response.headers()['content-security-policy'], expected);
      assert.match(expected, /script-src 'self' 'wasm-unsafe-eval'/);
      await page.waitForSelector(ready);
      // The app is running: its page is the one shown, the written one gone.
      assert.equal(await page.locator('[data-ns-prerendered]').count(), 0);
      assert.equal(await page.locator('.ns-root[hidden]').count(), 0);
      assert.deepEqual(await violations(page), []);
      // An unknown show is a 404, its page and its file: the browser says so, and nothing else.
      const notFound = (e) => path.includes('no-such-show') && /status of 404/.test(e);
      assert.deepEqual(page.errors.filter((e) => !notFound(e)), []);
    });
  }
}

test('the build sends the headers of its _headers: one cache rule per file, CORS for what the widget reads', async () => {
  const response = async (path) => {
    const r = await fetch(own.url + path);
    await r.arrayBuffer();
    return r;
  };
  const names = await readdir(own.root);
  const hashed = names.filter((n) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(n));
  assert.ok(hashed.some((n) => n.startsWith('nextseason-embed-') && n.endsWith('.wasm')), names.join(' '));
  for (const name of hashed) {
    const r = await response(`/${name}`);
    assert.equal(r.headers.get('cache-control'), IMMUTABLE, name);
    assert.equal(r.headers.get('access-control-allow-origin'), name.startsWith('nextseason-embed-') ? '*' : null, name);
  }
  for (const path of ['/', '/shows/metallic-rouge', '/embed.js', '/embed.css', '/data/index.json', '/data/shows/metallic-rouge.json', '/404.html', '/app.html', '/sitemap.xml']) {
    const r = await response(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get('cache-control'), 'public, max-age=0, must-revalidate', path);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(r.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
    assert.equal(r.headers.get('access-control-allow-origin'), /embed\.|\/data\//.test(path) ? '*' : null, path);
  }
  // An unknown address: 404.html, with status 404, the policy and noindex.
  const missing = await response('/no/such/page');
  assert.equal(missing.status, 404);
  assert.match(await (await fetch(own.url + '/no/such/page')).text(), /<meta name="robots" content="noindex"/);
  assert.ok(missing.headers.get('content-security-policy'));
});

test("every written page carries the policy as a <meta>, the header's without frame-ancestors", async () => {
  const header = (await own.headers('/'))['content-security-policy'];
  assert.match(header, /frame-ancestors 'none'/);
  const meta = header.replace(/; frame-ancestors 'none'/, '');
  for (const file of ['index.html', '404.html', 'app.html', 'shows/metallic-rouge/index.html']) {
    const html = await readFile(join(own.root, file), 'utf8');
    const tags = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
    assert.equal(tags.length, 1, file);
    assert.equal(tags[0][1].replaceAll('&#39;', "'"), meta, file);
    // First in the head but for the charset: a meta policy governs only what follows it.
    assert.ok(html.indexOf('http-equiv="Content-Security-Policy"') < html.search(/<script|<link/), file);
  }
});

test('Trusted Types: the app renders through its default policy, which refuses markup that could run a script', async () => {
  const page = await watched(own);
  await page.visit(`${own.url}/shows/metallic-rouge`);
  await page.waitForSelector('.ns-offer');
  // The region list is markup set through the policy; choosing a region re-renders the card.
  await page.selectOption('#ns-region', 'JP');
  await page.waitForFunction(() => document.querySelector('.ns-offer--here')?.textContent.includes('Fuji TV'));
  const outcome = await page.evaluate(() => {
    const attempt = (html) => {
      try {
        document.createElement('div').innerHTML = html;
        return 'set';
      } catch (e) {
        return e.name;
      }
    };
    return {
      enforced: trustedTypes.defaultPolicy !== null,
      inert: attempt('<p class="x">text &amp; more</p>'),
      handler: attempt('<img src="/favicon.svg" onerror="window.__ran = true">'),
      script: attempt('<script>window.__ran = true</script>'),
      address: attempt('<a href="java&#115;cript:window.__ran=true">x</a>'),
    };
  });
  assert.deepEqual(outcome, { enforced: true, inert: 'set', handler: 'TypeError', script: 'TypeError', address: 'TypeError' });
  // The refusals are the only violations.
  assert.equal((await violations(page)).filter((v) => !/^require-trusted-types-for/.test(v)).length, 0);
});

test('following links and changing the region under the strict policy raises no violation', async () => {
  const page = await watched(strict);
  await page.visit(`${strict.url}/shows/metallic-rouge`);
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
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
});

test("the app's own page (a host's fallback where no page was written) runs under its policy", async () => {
  const page = await watched(own);
  await page.goto(`${own.url}/app.html`);
  // app.html at its own address is no route of the site: the app shows its 404 page.
  await page.waitForSelector('.ns-not-found');
  await page.goto(`${own.url}/shows/metallic-rouge`);
  await page.waitForSelector('.ns-cast');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
});

/** A blog on another origin (another port) whose page embeds the widget from `site`. */
async function blogOn(site) {
  const folder = await mkdtemp(join(tmpdir(), 'nextseason-blog-'));
  await writeFile(
    join(folder, 'index.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Another origin's blog</title></head><body>
<h1>My blog</h1>
<div id="widget" data-nextseason data-show="metallic-rouge"></div>
<script type="module" src="${site.url}/embed.js"></script>
</body></html>`,
  );
  // What the README tells a blogger with a policy of their own to add: the site's origin for
  // scripts and fetches, and 'wasm-unsafe-eval'; nothing for styles.
  const policy =
    `default-src 'self'; script-src 'self' ${site.url} 'wasm-unsafe-eval'; style-src 'self'; ` +
    `connect-src 'self' ${site.url}; img-src 'self' data:; object-src 'none'; base-uri 'none'`;
  const blog = await startServer(folder, 0, { headers: { 'content-security-policy': policy } });
  // Closing the blog removes its folder too: a run leaves nothing in the temporary directory.
  return { ...blog, close: () => { blog.server.close(); return rm(folder, { recursive: true, force: true }); } };
}

test('a blog on another origin, with its own policy, embeds the widget from the site', async () => {
  const blog = await blogOn(own);
  try {
    assert.notEqual(new URL(blog.url).origin, new URL(own.url).origin);
    const page = await watched(own);
    await page.goto(`${blog.url}/`);
    await page.locator('#widget >> h2#ns-headline').waitFor();
    await page.locator('#widget >> .ns-offer').first().waitFor();
    // The widget's stylesheet applies (its cards are laid out, not bare).
    const display = await page.locator('#widget >> section.ns-card').first().evaluate((el) => getComputedStyle(el).display);
    assert.notEqual(display, 'inline');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(page.errors, []);
  } finally {
    await blog.close();
  }
});

test('without the CORS headers of _headers, the same blog gets no widget', async () => {
  // The build served by a host that ignores _headers: the control that shows the headers matter.
  const bare = await startServer(own.root);
  const blog = await blogOn({ url: bare.url });
  try {
    const page = await own.page();
    const failed = page.waitForEvent('console', (m) => m.type() === 'error' && /CORS/.test(m.text()));
    await page.goto(`${blog.url}/`);
    await failed;
    assert.equal(await page.locator('#widget >> h2#ns-headline').count(), 0);
  } finally {
    await blog.close();
    bare.server.close();
  }
});

test('no written page holds an inline script or style attribute', async () => {
  for (const file of ['index.html', '404.html', 'app.html', 'shows/metallic-rouge/index.html', 'embed/index.html']) {
    const html = await readFile(join(own.root, file), 'utf8');
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

test('the shipped build has a _headers file that sets no header twice for any of its files', async () => {
  const { DIST } = await import('./harness.mjs');
  const rules = parseHeadersFile(await readFile(join(DIST, '_headers'), 'utf8'));
  // The host reads _headers and _redirects, not serves them; the precompressed twins are served for their originals.
  const entries = await readdir(DIST, { withFileTypes: true });
  for (const entry of entries.filter((e) => e.name !== '_headers' && e.name !== '_redirects' && !/\.(br|gz)$/.test(e.name))) {
    // A folder's files share its rule.
    const path = entry.isDirectory() ? `/${entry.name}/x` : `/${entry.name}`;
    const headers = headersFor(rules, path);
    assert.ok(headers['content-security-policy'] && headers['cache-control'], path);
  }
  assert.ok(rules.length < 100, 'Cloudflare Pages reads at most 100 rules');
});

test("the README's lines for nginx and Caddy send the build's own policy", async () => {
  const { DIST } = await import('./harness.mjs');
  const policy = headersFor(parseHeadersFile(await readFile(join(DIST, '_headers'), 'utf8')), '/')['content-security-policy'];
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const nginx = readme.match(/```nginx\n([\s\S]*?)```/)[1];
  const caddy = readme.match(/```caddy\n([\s\S]*?)```/)[1];
  assert.ok(nginx.includes(`add_header Content-Security-Policy "${policy}" always;`));
  assert.ok(caddy.includes(`header Content-Security-Policy "${policy}"`));
});
