/**
 * Writes tests/fixtures/scenarioDigests.json: for each scenario, seed 1, the
 * default year, a SHA-256 of the run's `days` and `summary` (timings left
 * out) and a few of its figures. Written on main before the world knobs
 * (issue 17) existed; tests/unit/knobs/defaults.test.ts checks that a run with
 * every knob left at "the scenario's own" still gives exactly these bytes.
 *
 * It also writes tests/fixtures/mlpDigest.json, the same fingerprint of the
 * default world's year with the MLP (seed 1), written before the MLP's
 * training steps called the wasm kernels directly (issue 15);
 * tests/unit/mlpDigest.test.ts checks that MLP runs still give exactly these
 * bytes.
 *
 * Owns: those fixtures. Re-run (`npx tsx scripts/scenario-digests.ts`) only
 * when a change is meant to move published numbers (and the app version).
 */
import { writeFileSync } from 'node:fs';
import { runSimulation } from '../src/sim/run';
import { parseSettings } from '../src/sim/settings';
import { SCENARIO_IDS } from '../src/sim/world/scenarios';
import { runDigest } from '../tests/unit/knobs/digest';

const out: Record<string, unknown> = {};
for (const scenario of SCENARIO_IDS) {
  const parsed = parseSettings({ scenario, seed: 1 });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const run = await runSimulation(parsed.settings);
  out[scenario] = runDigest(run);
  console.log(scenario, out[scenario]);
}
writeFileSync('tests/fixtures/scenarioDigests.json', `${JSON.stringify(out, null, 2)}\n`);

const mlp = parseSettings({ seed: 1, model: 'mlp' });
if (!mlp.ok) throw new Error(JSON.stringify(mlp.issues));
const mlpDigest = runDigest(await runSimulation(mlp.settings));
console.log('mlp', mlpDigest);
writeFileSync('tests/fixtures/mlpDigest.json', `${JSON.stringify(mlpDigest, null, 2)}\n`);
