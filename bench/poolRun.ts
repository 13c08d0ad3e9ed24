/**
 * `npx tsx bench/poolRun.ts [--browser]`: the strategy comparison's pool
 * benchmark alone (bench/pool.ts), with the machine's load average before and
 * after, for measuring the pool without the whole `npm run bench`.
 *
 * Owns: nothing but calling bench/pool.ts and printing. Must not touch: src/,
 * bench/results.json.
 */
import { loadavg } from 'node:os';
import { defaultSettings } from '../src/sim/settings';
import { describePool, measureBrowserPool, measurePool } from './pool';

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const before = load();
const node = await measurePool(defaultSettings());
const browser = process.argv.includes('--browser') ? await measureBrowserPool() : null;
for (const line of describePool(node, browser)) console.log(line);
console.log(`load average (1, 5, 15 min): before ${before}, after ${load()}`);
