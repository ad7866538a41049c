// The editor's loop (a measurement, not a test): `trunk serve` running, one show's file edited,
// to the edited show served. Prints a JSON array of seconds, one per edit. Run by .ci/bench.sh
// (trunk on PATH); the file is put back as it was, whatever happens. Saved as editors that save
// atomically do (a new file renamed over the old): the sandboxed machines this project is built
// on report no in-place write to the file watcher (inotify), so trunk would not see one.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const SHARD = join(ROOT, 'public/data/shows/sengoku-youko.json');
const PORT = Number(process.env.EDITOR_LOOP_PORT ?? 8181);
const EDITS = Number(process.env.EDITOR_LOOP_EDITS ?? 3);
// The new file is written outside the watched folders (on the same file system), then renamed.
const SAVING = join(ROOT, 'target', 'editor-loop.saving');
const URL_ = `http://127.0.0.1:${PORT}/data/shows/sengoku-youko.json`;

const original = await readFile(SHARD, 'utf8');
const save = async (text) => {
  await writeFile(SAVING, text);
  await rename(SAVING, SHARD);
};
const dist = await mkdtemp(join(tmpdir(), 'nextseason-serve-'));
const serve = spawn('trunk', ['serve', '--port', String(PORT), '--dist', dist, '--no-autoreload'], { cwd: ROOT, detached: true, stdio: ['ignore', process.env.EDITOR_LOOP_LOG ? openSync(process.env.EDITOR_LOOP_LOG, 'w') : 'ignore', 'inherit'] });

const served = async (marker, timeout) => {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    try {
      const response = await fetch(URL_, { cache: 'no-store' });
      if (response.ok && (await response.text()).includes(marker)) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`not served within ${timeout} ms: ${marker}`);
};

const times = [];
try {
  // The first build (compiles what it must).
  await served('"sengoku-youko"', 15 * 60 * 1000);
  await new Promise((r) => setTimeout(r, 2000));
  for (let i = 1; i <= EDITS; i++) {
    const marker = `(edit ${i} ${Date.now()})`;
    const edited = original.replace('"headline": "Will Sengoku Youko have season 2?【Release Date】"', `"headline": "Will Sengoku Youko have season 2? ${marker}"`);
    if (edited === original) throw new Error('the headline to edit is not in the file');
    const started = performance.now();
    await save(edited);
    await served(marker, 120000);
    times.push((performance.now() - started) / 1000);
    await save(original);
    await served('【Release Date】', 120000);
    await new Promise((r) => setTimeout(r, 1500));
  }
} finally {
  await save(original);
  try { process.kill(-serve.pid, 'SIGTERM'); } catch {}
  await rm(dist, { recursive: true, force: true });
}
console.log(JSON.stringify(times));
