/**
 * The MLP's year is the same, byte for byte (timings aside), as before its
 * training steps called the wasm kernels directly and kept Adam's state in
 * float32 arrays (issue 15): the fixture was written by
 * scripts/scenario-digests.ts on main before that change. Links to MLP runs
 * must show the numbers their sender saw.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { tensorMemory } from '../../src/sim/model';
import { runSimulation } from '../../src/sim/run';
import { settingsWith } from './helpers';
import { runDigest, type RunDigest } from './knobs/digest';

const FIXTURE = JSON.parse(
  readFileSync(new URL('../fixtures/mlpDigest.json', import.meta.url), 'utf8'),
) as RunDigest;

it("the default world's MLP year (seed 1, wasm) is unchanged, and frees every backend buffer", async () => {
  const run = await runSimulation(settingsWith({ seed: 1, model: 'mlp' }), { prefer: 'wasm' });
  expect(run.summary.backend).toBe('wasm');
  const buffers = tensorMemory().backendBuffers;
  expect(runDigest(run)).toEqual(FIXTURE);
  const again = await runSimulation(settingsWith({ seed: 1, model: 'mlp', days: 90 }), {
    prefer: 'wasm',
  });
  expect(again.days).toHaveLength(90);
  expect(tensorMemory().backendBuffers).toBe(buffers);
}, 120_000);
