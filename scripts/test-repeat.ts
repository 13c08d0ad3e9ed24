/**
 * `npm run test:repeat -- N`: builds the app once, runs the whole end-to-end
 * suite N times (default 5), and prints how often each test failed, then a
 * total. Exits 1 if any run failed.
 *
 * Whole-suite runs in a loop, not Playwright's --repeat-each: each run starts
 * fresh worker processes, preview servers and browsers, and its tests share
 * the machine with the same neighbours as in `npm test` and on CI (the year
 * runs and the ten-year run beside each other). --repeat-each instead runs
 * one test's copies back to back in one worker, a load pattern CI never sees.
 *
 * Owns: the loop and the flake report. Must not touch: the tests or the
 * runner's settings (playwright.config.ts); extra arguments after N go to
 * `playwright test` unchanged (e.g. a file name, or --workers=1).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface JsonTest {
  status: 'expected' | 'unexpected' | 'flaky' | 'skipped';
}
interface JsonSpec {
  title: string;
  file: string;
  line: number;
  tests: JsonTest[];
}
interface JsonSuite {
  title: string;
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}
interface JsonReport {
  suites: JsonSuite[];
  stats: { duration: number; expected: number; unexpected: number; flaky: number };
  errors: unknown[];
}

/** Every test of a report as "file:line › describe › title" and whether it passed. */
function outcomes(suites: JsonSuite[], path: string[] = []): Map<string, boolean> {
  const found = new Map<string, boolean>();
  for (const suite of suites) {
    const here = suite.title.endsWith('.ts') ? path : [...path, suite.title];
    for (const spec of suite.specs ?? []) {
      const name = [`${spec.file}:${spec.line}`, ...here, spec.title].join(' › ');
      found.set(
        name,
        spec.tests.every((t) => t.status === 'expected' || t.status === 'skipped'),
      );
    }
    for (const [name, passed] of outcomes(suite.suites ?? [], here)) found.set(name, passed);
  }
  return found;
}

function main(): number {
  const [count = '5', ...rest] = process.argv.slice(2);
  const runs = Number(count);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`usage: npm run test:repeat -- N [playwright args]  (got "${count}")`);
    return 2;
  }
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;

  const dir = join('test-artifacts', 'repeat');
  mkdirSync(dir, { recursive: true });
  const failures = new Map<string, number>();
  const seconds: number[] = [];
  let failedRuns = 0;
  for (let run = 1; run <= runs; run++) {
    console.log(`\n=== run ${run} of ${runs} ===`);
    const file = join(dir, `run-${run}.json`);
    const result = spawnSync('npx', ['playwright', 'test', '--reporter=list,json', ...rest], {
      stdio: 'inherit',
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: file },
    });
    let report: JsonReport;
    try {
      report = JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
    } catch {
      console.error(`run ${run}: no report (playwright exited with ${result.status})`);
      failedRuns++;
      continue;
    }
    seconds.push(Math.round(report.stats.duration / 1000));
    const tests = outcomes(report.suites);
    for (const [name, passed] of tests) {
      failures.set(name, (failures.get(name) ?? 0) + (passed ? 0 : 1));
    }
    if (result.status !== 0 || report.errors.length > 0) failedRuns++;
  }

  console.log(`\nFlake report: ${runs} whole-suite runs (${seconds.join(', ')} s)`);
  const width = Math.max(...[...failures.keys()].map((n) => n.length));
  for (const [name, failed] of [...failures].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${name.padEnd(width)}  ${failed}/${runs}${failed > 0 ? '  <- failed' : ''}`);
  }
  const total = [...failures.values()].reduce((a, b) => a + b, 0);
  console.log(
    `Total: ${total} failures in ${failures.size * runs} test runs; ${failedRuns} of ${runs} suite runs failed`,
  );
  return failedRuns > 0 ? 1 : 0;
}

process.exitCode = main();
