// Shared set-up of the end-to-end tests: a private copy of the release build (so that a test may
// break and repair its files), served on loopback, and headless Chromium.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from './browser.mjs';
import { headersFor, parseHeadersFile, startServer } from './server.mjs';

export const DIST = resolve(process.env.NEXTSEASON_DIST ?? new URL('../../dist', import.meta.url).pathname);
/** The bundle tool (built by .ci/test.sh), which generates labelled-synthetic catalogues. */
/** Where cargo put the debug tools: CARGO_TARGET_DIR when set (relative to the repository's
 *  root, where .ci/test.sh runs cargo), else the project's target/. */
const TARGET = resolve(new URL('../..', import.meta.url).pathname, process.env.CARGO_TARGET_DIR ?? 'target');
export const BUNDLE_TOOL = resolve(process.env.NEXTSEASON_BUNDLE_TOOL ?? join(TARGET, 'debug', 'nextseason-bundle'));
export const PRERENDER_TOOL = resolve(process.env.NEXTSEASON_PRERENDER_TOOL ?? join(TARGET, 'debug', 'nextseason-prerender'));
/** Up to this many generated shows, their pages are written as a release build writes them. */
const PRERENDER_UP_TO = 1000;

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
/** The editors' own bundle: their shards and its catalogue, without bangumi-data's works. */
const EDITORIAL = new URL('../../public/data', import.meta.url).pathname;
/** What the release build writes from the bundle: its pages (the embed page among them), their
 *  share cards, its calendars and its feed. */
const WRITTEN_FROM_THE_BUNDLE = new Set(['data', 'shows', 'cards', 'embed', 'index.html', '404.html', 'sitemap.xml', 'robots.txt', 'feed.atom', 'calendar.ics']);
/** The release build's precompressed twins (README, "Precompressed files"): the editorial copy
 *  leaves them out, since the pages written again for it would not match them. */
const isTwin = (name) => name.endsWith('.br') || name.endsWith('.gz');

/**
 * `catalogue`: 'editorial' (the default) serves the release build on the editors' shards alone,
 * its pages written again for them, so that a test knows every show; 'full' serves the release
 * build as it is, with every work of bangumi-data. The full build is hard-linked, not copied
 * (its 8,000 pages): a test on it must not write its files (page.route can change a response).
 *
 * `synthetic`: add that many generated shows (synthetic-00000…) to the shipped ones, and (up to
 * a thousand) their pages, as the release build writes them.
 * `precompressed`: serve the build's .br and .gz twins as nginx's brotli_static and gzip_static
 * do (server.mjs); `compress`: brotli made on the fly (the benchmark).
 * The build is served at the root and again under /nextseason/ (a sub-folder, as a blogger's
 * CDN would), the blog fixtures under /blog/, and every /anime/… path answers with
 * fixtures/blog/anime.html (a host that rewrites to one page).
 *
 * `headers`: response headers for every file; `hostHeaders`: those of the build's own
 * `_headers` too, as Netlify and Cloudflare Pages send them (`headers` win over them).
 */
export async function open({ catalogue = 'editorial', synthetic = 0, compress = false, precompressed = false, headers = {}, hostHeaders = false } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'nextseason-e2e-'));
  if (catalogue === 'full') {
    if (synthetic > 0) throw new Error('synthetic shows are added to the editorial catalogue only');
    await rm(root, { recursive: true });
    execFileSync('cp', ['-al', DIST, root]);
  } else if (catalogue === 'editorial') {
    for (const name of await readdir(DIST)) {
      if (!WRITTEN_FROM_THE_BUNDLE.has(name) && !isTwin(name)) await cp(join(DIST, name), join(root, name), { recursive: true, filter: (from) => !isTwin(from) });
    }
    await cp(EDITORIAL, join(root, 'data'), { recursive: true });
    // Trunk's own page, which the prerender starts from.
    await cp(join(DIST, 'app.html'), join(root, 'index.html'));
    // The pages of the editors' shows; larger generated catalogues are served as a single-page
    // host serves what has no file (404.html), their pages not written.
    if (synthetic === 0 || synthetic > PRERENDER_UP_TO) execFileSync(PRERENDER_TOOL, [root]);
    if (synthetic > 0) {
      execFileSync(BUNDLE_TOOL, ['synthetic', '--shows', String(synthetic), '--out', join(root, 'data'), '--merge']);
      if (synthetic <= PRERENDER_UP_TO) execFileSync(PRERENDER_TOOL, [root]);
    }
  } else {
    throw new Error(`unknown catalogue ${catalogue}`);
  }
  const { server, requests, url } = await startServer(root, 0, {
    mounts: [['/nextseason/', root], ['/blog/', join(FIXTURES, 'blog')]],
    rewrites: [['/anime/', join(FIXTURES, 'blog', 'anime.html')]],
    compress,
    precompressed,
    headers,
    hostHeaders,
  });
  const browser = await launch();
  return {
    root,
    url,
    requests,
    browser,
    /** The headers the build's own `_headers` gives `path`, as a host that reads it sends them. */
    async headers(path) {
      return headersFor(parseHeadersFile(await readFile(join(root, '_headers'), 'utf8')), path);
    },
    /** A new page that records the console errors and uncaught exceptions of the app. */
    async page(options = {}) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.errors = [];
      page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
      page.on('pageerror', (e) => page.errors.push(e.message));
      /** Opens a page of the site and waits for the app to have taken over the page written at
       *  build time (which may show another catalogue than a test's generated one). */
      page.visit = async (address) => {
        const response = await page.goto(address);
        await page.waitForFunction(() => !document.querySelector('[data-ns-prerendered]'));
        return response;
      };
      return page;
    },
    /** The blog post of fixtures/blog/ without its theme: the same page on a plain blog. */
    async plainBlogPage(options = {}) {
      const page = await this.page(options);
      await page.route('**/blog/hostile.css', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
      await page.goto(`${url}/blog/post.html`);
      return page;
    },
    /** How many times a path was requested from the server. */
    count(path) {
      return requests.filter((p) => p === path).length;
    },
    async close() {
      await browser.close();
      server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The visible text of every card heading, in order. */
export function cardHeadings(page) {
  return page.$$eval('main section[aria-labelledby]', (sections) =>
    sections.map((s) => document.getElementById(s.getAttribute('aria-labelledby'))?.textContent.trim()),
  );
}

/** Adds up the page's layout shifts from its start (those not caused by input) in `window.__cls`. */
export async function countLayoutShifts(page) {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Holds back every request of `page` matching `glob` until the returned function is called:
 *  a test creates a state this way, then waits for that state, never for a time. */
export async function holdRequests(page, glob) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(glob, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
