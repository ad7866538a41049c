// The release build fits the strictest host's limits the README names (its "Hosting" table):
// Cloudflare Pages takes at most 20,000 files a deploy (its free plan) and 25 MiB a file. Counted
// on the build as shipped (every show of the full catalogue), without the precompressed .br and
// .gz twins, which a host with a file limit compresses by itself (NEXTSEASON_PRECOMPRESS=off).
// The counts are printed, to keep the README's table honest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DIST } from './harness.mjs';

const FILES_PER_DEPLOY = 20_000;
const BYTES_PER_FILE = 25 * 1024 * 1024;
const isTwin = (name) => name.endsWith('.br') || name.endsWith('.gz');

/** Every file under `folder`: its path and size. */
async function* files(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield { path, size: (await stat(path)).size };
  }
}

test(`the release build holds at most ${FILES_PER_DEPLOY.toLocaleString('en')} files without its twins, none over 25 MiB`, async () => {
  let count = 0;
  let twins = 0;
  let bytes = 0;
  let largest = { path: '', size: 0 };
  for await (const file of files(DIST)) {
    if (isTwin(file.path)) {
      twins++;
      continue;
    }
    count++;
    bytes += file.size;
    if (file.size > largest.size) largest = file;
  }
  // The build as shipped: a page for every show of its catalogue (the full one, thousands).
  const { total } = JSON.parse(await readFile(join(DIST, 'data', 'index.json'), 'utf8'));
  const pages = (await readdir(join(DIST, 'shows'))).length;
  assert.equal(pages, total, `a page for each of the catalogue's ${total} shows`);
  console.log(
    `${DIST}: ${count} files (${total} shows; ${(bytes / 1e6).toFixed(1)} MB), ${count + twins} with the ${twins} precompressed twins; ` +
      `the largest: ${relative(DIST, largest.path)}, ${(largest.size / 1e6).toFixed(2)} MB`,
  );
  assert.ok(count <= FILES_PER_DEPLOY, `${count} files without the twins: over Cloudflare Pages' ${FILES_PER_DEPLOY} a deploy`);
  assert.ok(largest.size <= BYTES_PER_FILE, `${relative(DIST, largest.path)} is ${largest.size} bytes: over 25 MiB`);
});
