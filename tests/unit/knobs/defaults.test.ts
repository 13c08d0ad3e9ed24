/**
 * Every world knob left at "the scenario's own" (null) gives exactly the run
 * main gave before the knobs existed: the same days and summary, byte for
 * byte (timings aside), for every scenario. The fixture was written by
 * scripts/scenario-digests.ts on main before the change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../src/sim/run';
import { SCENARIO_IDS } from '../../../src/sim/world/scenarios';
import { settingsWith } from '../helpers';
import { runDigest, type RunDigest } from './digest';

const FIXTURE = JSON.parse(
  readFileSync(new URL('../../fixtures/scenarioDigests.json', import.meta.url), 'utf8'),
) as Record<string, RunDigest>;

describe('default knobs reproduce every scenario', () => {
  for (const scenario of SCENARIO_IDS) {
    it(`${scenario}: days and summary identical to main's before the knobs`, async () => {
      const run = await runSimulation(settingsWith({ scenario, seed: 1 }));
      expect(runDigest(run)).toEqual(FIXTURE[scenario]);
    }, 60_000);
  }
});
