// Measures the time from a click on a "Read also" link to the new show's <h1> painted, for a
// show already prefetched (hovered first) and for a cold one, on the release build served on
// loopback. Not a test: prints median, min and max of each over RUNS switches.
// Usage (from tests/e2e, after `trunk build --release` and `cargo build --bin nextseason-bundle`):
//   node measure-route-switch.mjs [RUNS]
import { open } from './harness.mjs';
import { routeSwitchTimes } from './route-switch.mjs';

const RUNS = Number(process.argv[2] ?? 15);
const site = await open({ synthetic: 2 * RUNS + 2 });
const { cold, prefetched, fetches } = await routeSwitchTimes(site, RUNS);
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(1)} ms (min ${s[0].toFixed(1)}, max ${s[s.length - 1].toFixed(1)}, n=${s.length})`;
};
console.log(`click → new <h1> painted, cold:       ${stats(cold)}`);
console.log(`click → new <h1> painted, prefetched: ${stats(prefetched)}`);
console.log(`the cold shard's fetch (round trip):  ${stats(fetches)}`);
await site.close();
