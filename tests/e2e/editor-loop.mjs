// The editor's loop (a measurement, not a test): `trunk serve` running, one show's file edited,
// to the edited show served. Prints a JSON array of seconds, one per edit. Run by .ci/bench.sh
// (trunk on PATH); the file is put back as it was, whatever happens.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const SHARD = join(ROOT, 'public/data/shows/sengoku-youko.json');
const PORT = Number(process.env.EDITOR_LOOP_PORT ?? 8181);
const EDITS = Number(process.env.EDITOR_LOOP_EDITS ?? 3);
const URL_ = `http://127.0.0.1:${PORT}/data/shows/sengoku-youko.json`;

const original = await readFile(SHARD, 'utf8');
const dist = await mkdtemp(join(tmpdir(), 'nextseason-serve-'));
const serve = spawn('trunk', ['serve', '--port', String(PORT), '--dist', dist, '--no-autoreload'], { cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'inherit'] });

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
    await writeFile(SHARD, edited);
    await served(marker, 120000);
    times.push((performance.now() - started) / 1000);
    await writeFile(SHARD, original);
    await served('【Release Date】', 120000);
    await new Promise((r) => setTimeout(r, 1500));
  }
} finally {
  await writeFile(SHARD, original);
  try { process.kill(-serve.pid, 'SIGTERM'); } catch {}
  await rm(dist, { recursive: true, force: true });
}
console.log(JSON.stringify(times));
