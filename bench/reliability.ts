/**
 * `npm run test:reliability`: the hardening tests, run with figure recording
 * on, and their figures gathered into bench/results.json under `reliability`
 * (the timing figures of `npm run bench` stay as they are).
 *
 * Owns: which test files make up the reliability report, `npm audit
 * --omit=dev` and the `reliability` section of results.json.
 * Must not touch: what the tests assert (each figure is recorded next to the
 * assertion that checks it, see tests/support/figures.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The tests behind each part of the report (all also run in `npm test`):
 * files under tests/e2e run in Playwright Test, the others in Vitest.
 */
export const RELIABILITY_TESTS = [
  // Bad input, fuzzed: settings schema, URL parser, scenario importer.
  'tests/unit/fuzz',
  // Hostile links in Chromium.
  'tests/e2e/hostileUrls.test.ts',
  // Storage full, disabled, corrupted, foreign.
  'tests/unit/storageFaults.test.ts',
  'tests/component/storageFaults.test.tsx',
  'tests/e2e/storage.test.ts',
  // Echoes of user input bounded (stored keys, imported files, tour storage at start-up).
  'tests/e2e/echoes.test.ts',
  // Engine and panel faults.
  'tests/unit/store.test.ts',
  'tests/component/panelFaults.test.tsx',
  'tests/component/workerClient.test.ts',
  'tests/e2e/faults.test.ts',
  // Failures and notices in every mode, the comparison's watchdog, gate switches.
  'tests/e2e/failures.test.ts',
  // Links that reproduce whatever the opener stored.
  'tests/unit/linkReproduces.test.ts',
  'tests/e2e/links.test.ts',
  // Ten simulated years, in Node and in the browser worker.
  'tests/unit/longRun.test.ts',
  'tests/e2e/longRun.test.ts',
  // Requests, the Content-Security-Policy, and TF.js kept out of the page's chunks.
  'tests/e2e/network.test.ts',
  'tests/e2e/bundle.test.ts',
];

interface Audit {
  ran: boolean;
  /** Vulnerabilities by severity, when the audit ran. */
  vulnerabilities?: Record<string, number>;
  dependencies?: number;
  /** Why it did not run. */
  error?: string;
}

/** `npm audit --omit=dev`: reported, never a gate (advisories change without code changes). */
function audit(): Audit {
  const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
  try {
    const report = JSON.parse(result.stdout) as {
      metadata?: { vulnerabilities: Record<string, number>; dependencies: { prod?: number } };
      message?: string;
    };
    if (report.metadata) {
      return {
        ran: true,
        vulnerabilities: report.metadata.vulnerabilities,
        dependencies: report.metadata.dependencies.prod,
      };
    }
    return { ran: false, error: report.message ?? 'npm audit gave no report' };
  } catch {
    return {
      ran: false,
      error: (result.stderr || 'npm audit gave no output').trim().slice(0, 300),
    };
  }
}

function main(): number {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'bloomcast-figures-'));
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;
  // Vitest first, then the browser tests, as in `npm test`: the CPU-heavy ten
  // years in Node never share the machine with Chromium's.
  const env = { ...process.env, BLOOMCAST_FIGURES: dir };
  const inBrowser = (t: string) => t.startsWith('tests/e2e/');
  const vitest = spawnSync(
    'npx',
    ['vitest', 'run', ...RELIABILITY_TESTS.filter((t) => !inBrowser(t))],
    { stdio: 'inherit', env },
  );
  const playwright = spawnSync(
    'npx',
    ['playwright', 'test', ...RELIABILITY_TESTS.filter(inBrowser)],
    { stdio: 'inherit', env },
  );
  const testsPassed = vitest.status === 0 && playwright.status === 0;
  // One file per recording, named <section>.<time>-<pid>-<n>.json: merged in time order.
  const figures: Record<string, Record<string, unknown>> = {};
  const files = readdirSync(dir).map((file) => {
    const [section, stamp] = file.split('.');
    return { file, section, stamp };
  });
  files.sort((a, b) => a.stamp.localeCompare(b.stamp));
  for (const { file, section } of files) {
    const values = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    figures[section] = { ...figures[section], ...values };
  }
  rmSync(dir, { recursive: true, force: true });

  const reliability = {
    date: new Date().toISOString(),
    node: process.version,
    cpuCount: cpus().length,
    loadAverage: loadavg(),
    testsPassed,
    tests: RELIABILITY_TESTS,
    ...figures,
    npmAuditOmitDev: audit(),
    reliabilityMs: Math.round(performance.now() - started),
  };
  const file = fileURLToPath(new URL('./results.json', import.meta.url));
  const results = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  writeFileSync(file, `${JSON.stringify({ ...results, reliability }, null, 2)}\n`);
  console.log(JSON.stringify(reliability, null, 2));
  return testsPassed ? 0 : 1;
}

process.exitCode = main();
