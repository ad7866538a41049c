// The W3C Nu HTML Checker (vnu.jar, npm vnu-jar, on the machine's Java 11 or later) on every page
// a release build wrote: index.html, 404.html, app.html, embed/index.html, each
// shows/<slug>/index.html, and every show's cards as a blogger pastes them (a fragment) inside a
// minimal document. The build writes no file of cards per show (the embed page renders them in
// the browser, the same markup: embed-code.test.mjs): the debug `nextseason-prerender --snippets`
// writes them here from the build's bundle. Exits 1 on any error, listing the first ones with
// file and line; warnings are counted and listed, and do not fail.
//
//   node tests/e2e/valid-html.mjs [DIST]     (DIST: default $NEXTSEASON_DIST, else dist/;
//                                            the prerender: $NEXTSEASON_PRERENDER_TOOL, else
//                                            target/debug/nextseason-prerender)
//
// vnu.jar is started once for the pages and once for the fragments, side by side where there are
// two cores (a start costs seconds, a page milliseconds): the folders are passed, not the files,
// and vnu's --verbose list of what it checked is compared with what was written.
// A script of its own rather than a `node --test` file: .ci/test.sh runs it before the browser
// tests, so that invalid HTML fails in two minutes rather than after the whole e2e run.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = resolve(process.argv[2] ?? process.env.NEXTSEASON_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url)));
const PRERENDER_TOOL = resolve(
  process.env.NEXTSEASON_PRERENDER_TOOL ?? join(fileURLToPath(new URL('../..', import.meta.url)), process.env.CARGO_TARGET_DIR ?? 'target', 'debug', 'nextseason-prerender'),
);
/** Errors listed in full before the rest are only counted. */
const SHOWN = 30;

/** A pasted fragment as a blog post holds it: the post has its language, title and `<h1>` (the
 *  cards' headings start at `<h2>`). On a line of its own, so that the fragment's line N is the
 *  document's N + 1. */
const wrap = (slug, fragment) =>
  `<!doctype html><html lang=en><head><meta charset=utf-8><title>A post with ${slug}</title></head><body><h1>A post</h1>\n${fragment}</body></html>\n`;

const started = Date.now();
const pages = ['index.html', '404.html', 'app.html', join('embed', 'index.html')].map((f) => join(DIST, f));
const embeds = new Map(); // wrapped file → the fragment's name, as the prerender wrote it
try {
  await main();
} catch (e) {
  console.error(`valid-html: ${e.message}`);
  process.exitCode = 1;
}

async function main() {
  let jar;
  try {
    jar = String(createRequire(import.meta.url)('vnu-jar'));
  } catch {
    throw new Error('vnu-jar is missing from tests/e2e/node_modules: run bash .ci/setup.sh --test');
  }
  for (const file of ['index.html', '404.html', 'app.html', 'shows', join('embed', 'index.html')]) {
    if (!existsSync(join(DIST, file))) throw new Error(`${join(DIST, file)} is missing: run trunk build --release first`);
  }
  if (!existsSync(PRERENDER_TOOL)) throw new Error(`${PRERENDER_TOOL} is missing: run cargo build --bin nextseason-prerender first`);
  // Every written page, and every fragment wrapped into a folder of its own.
  const shows = join(DIST, 'shows');
  for (const slug of await readdir(shows)) pages.push(join(shows, slug, 'index.html'));
  const wrapped = await mkdtemp(join(tmpdir(), 'nextseason-vnu-'));
  try {
    // Every show's cards to paste, rendered from the build's bundle (nothing is written into it).
    const fragments = join(wrapped, 'snippets');
    execFileSync(PRERENDER_TOOL, [DIST, '--snippets', fragments], { stdio: ['ignore', 'ignore', 'inherit'] });
    await mkdir(join(wrapped, 'embed'));
    for (const name of await readdir(fragments)) {
      if (!name.endsWith('.html')) continue;
      const file = join(wrapped, 'embed', name);
      await writeFile(file, wrap(name.slice(0, -'.html'.length), await readFile(join(fragments, name), 'utf8')));
      embeds.set(file, `the cards to paste of ${name.slice(0, -'.html'.length)}`);
    }
    if (embeds.size !== (await readdir(shows)).length) throw new Error(`${embeds.size} fragments for ${(await readdir(shows)).length} show pages`);
    const jobs = [[...pages.slice(0, 4), shows], [join(wrapped, 'embed')]];
    const runs = availableParallelism() > 1 ? await Promise.all(jobs.map((paths) => vnu(jar, paths))) : [await vnu(jar, jobs.flat())];
    report(runs.flatMap((r) => r.checked), runs.flatMap((r) => r.messages));
  } finally {
    await rm(wrapped, { recursive: true, force: true });
  }
}

/** Runs vnu.jar once on `paths` (files and folders): the files it checked, and its messages. */
function vnu(jar, paths) {
  // A deep stack, which vnu's schema needs (512 KB at least, more for a long page); the serial
  // collector: a JVM of about 350 MB instead of 1 GB, no slower here.
  const args = ['-Xss8m', '-XX:+UseSerialGC', '-jar', jar, '--format', 'json', '--skip-info-messages', '--skip-non-html', '--exit-zero-always', '--verbose', ...paths];
  return new Promise((done, failed) => {
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) =>
      failed(e.code === 'ENOENT' ? new Error('java is missing: run bash .ci/setup.sh --test (vnu.jar needs Java 11 or later)') : e),
    );
    child.on('close', (code) => {
      // The JSON report is the last line of stderr (the JVM may write warnings before it).
      const json = err.trim().split('\n').pop();
      if (code !== 0 || !json?.startsWith('{')) return failed(new Error(`vnu.jar exited with ${code}:\n${err.slice(-2000)}`));
      done({ checked: out.split('\n').filter(Boolean).map((f) => resolve(f)), messages: JSON.parse(json).messages });
    });
  });
}

/**
 * What vnu says of a `<meta>` Content-Security-Policy in a file read from disk, whatever the
 * policy: every relative URL of a script or stylesheet "blocked" (even under `script-src *`:
 * it does not resolve them against a file's address), and every JSON-LD block an "inline
 * script" (a data block, which no policy governs: browsers neither run nor block it). Not
 * violations, so not counted; the policy itself is tested in Chromium (csp.test.mjs). A foreign
 * URL or a real inline script is still counted.
 */
function policyFromAFile(m) {
  const url = m.message.match(/^Resource violates Content Security Policy \(meta tag\): [^“]*“([^”]*)” blocked by/)?.[1];
  if (url !== undefined) return !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url);
  // The highlighted source, from the line break before it when the element starts a line.
  const element = m.extract?.substr(m.hiliteStart, m.hiliteLength).trim();
  return m.message.startsWith('Inline script violates Content Security Policy (meta tag)') && element === '<script type="application/ld+json">';
}

/** A path from the working folder when it is under it. */
function shown(file) {
  const path = relative(process.cwd(), file);
  return path.startsWith('..') ? file : path;
}

/** The build's own file and line for a message's document and line. */
function where(message) {
  const file = decodeURIComponent(message.url?.replace(/^file:/, '') ?? '');
  const fragment = embeds.get(file);
  const line = message.lastLine ?? message.firstLine;
  if (fragment) return `${fragment}:${line ? line - 1 : '?'} (in a minimal document)`;
  return `${file ? shown(file) : message.url ?? '(vnu)'}:${line ?? '?'}`;
}

function report(checked, messages) {
  // Every page and fragment, and nothing else, was checked.
  const expected = new Set([...pages, ...embeds.keys()]);
  const seen = new Set(checked);
  const missed = [...expected].filter((f) => !seen.has(f));
  const extra = [...seen].filter((f) => !expected.has(f));
  if (missed.length || extra.length) {
    throw new Error(`vnu checked other files than the build's pages: ${missed.length} missed (${missed.slice(0, 3).join(', ')}), ${extra.length} more (${extra.slice(0, 3).join(', ')})`);
  }
  // Given a folder, vnu names each file it skips, with --skip-non-html too: the pages'
  // precompressed twins (index.html.br, .gz) are not pages.
  const twin = (m) => /\.(br|gz)$/.test(m.url ?? '') && m.message.startsWith('File was not checked.');
  messages = messages.filter((m) => !twin(m));
  const errors = messages.filter((m) => m.type !== 'info');
  const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning' && !policyFromAFile(m));
  const policy = messages.filter((m) => m.type === 'info' && policyFromAFile(m)).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`Nu HTML checker (vnu.jar): ${pages.length} pages and ${embeds.size} embed fragments checked in ${seconds} s: ${errors.length} errors, ${warnings.length} warnings`);
  if (policy > 0) {
    console.log(`  and ${policy} warnings on the pages' <meta> Content-Security-Policy, which vnu gives every file read from disk (relative URLs, JSON-LD): not counted (valid-html.mjs says why)`);
  }
  for (const [label, list] of [['warning', warnings], ['error', errors]]) {
    if (list.length === 0) continue;
    const byMessage = new Map();
    for (const m of list) byMessage.set(m.message, byMessage.get(m.message) ?? []).get(m.message).push(m);
    console.log(`${label}s by message:`);
    for (const [message, ms] of [...byMessage].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`  ${ms.length} × ${message.slice(0, 200)} (first: ${where(ms[0])})`);
    }
  }
  if (errors.length === 0) return;
  console.log(`the first ${Math.min(SHOWN, errors.length)} errors:`);
  for (const m of errors.slice(0, SHOWN)) console.log(`${where(m)}: ${m.type === 'error' ? '' : `${m.type}: `}${m.message}\n    ${m.extract?.replace(/\n/g, ' ') ?? ''}`);
  process.exitCode = 1;
}
