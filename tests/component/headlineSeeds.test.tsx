/**
 * The headline cards' "on N of 10 seeds" (src/ui/cards/seedsCount.ts): with a
 * many-worlds result for the settings on screen, each headline says on how
 * many seeds the worst week falls on the days it shows, the count worked out
 * here from each seed's own full run (the engine in process, cpu backend);
 * a result for other settings, or none, adds nothing.
 */
import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayResult, RunOutput } from '../../src/sim/contract';
import { runSimulation } from '../../src/sim/run';
import { runSeeds } from '../../src/sim/seedRuns';
import type { SeedRun } from '../../src/sim/seeds';
import { defaultSettings, type Settings } from '../../src/sim/settings';
import { createLabStore } from '../../src/store/labStore';
import { manySeedsResult } from '../../src/store/manySeedsSlice';
import { worstWeek } from '../../src/ui/cards/headline';
import { ModelHeadline } from '../../src/ui/cards/ModelHeadline';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { inProcessClient } from '../support/inProcessClient';

const settings: Settings = { ...defaultSettings(), days: 90, visitorsPerDay: 100, seed: 3 };
const SEEDS = [3, 4, 5, 6];
let out: RunOutput;
let runs: SeedRun[];
let full: DayResult[][];

beforeAll(async () => {
  runs = await runSeeds(settings, SEEDS, { prefer: 'cpu' });
  full = [];
  for (const seed of SEEDS) {
    full.push((await runSimulation({ ...settings, seed }, { prefer: 'cpu' })).days);
  }
  out = await runSimulation(settings, { prefer: 'cpu' });
}, 120_000);

function at(view: number, resultSettings: Settings | null) {
  const store = createLabStore(inProcessClient('cpu'), { settings });
  store.setState({
    days: out.days,
    summary: out.summary,
    view,
    seedsResult: resultSettings && manySeedsResult(resultSettings, runs),
  });
  render(
    <LabStoreProvider store={store}>
      <ModelHeadline role="static" />
      <ModelHeadline role="dynamic" />
    </LabStoreProvider>,
  );
}
const headlineOf = (name: RegExp) => screen.getByRole('region', { name });

/** On how many seeds' full runs the worst week up to `view` shares a day with seed 3's. */
function expected(role: 'static' | 'dynamic', view: number): number {
  const week = worstWeek(out.days, view, role);
  if (!week) throw new Error('no worst week');
  return full.filter((days) => {
    const w = worstWeek(days, view, role);
    return w !== null && w.fromDay <= week.toDay && w.toDay >= week.fromDay;
  }).length;
}

describe('the headline with many worlds', () => {
  it('says on how many seeds the worst week falls on the days it shows', () => {
    for (const view of [80, 90]) {
      at(view, settings);
      for (const [role, name] of [
        ['static', /Static model/],
        ['dynamic', /Dynamic model/],
      ] as const) {
        const n = expected(role, view);
        expect(
          within(headlineOf(name)).getByText(
            `(on ${n === 0 ? 'none' : n} of ${SEEDS.length} seeds)`,
          ),
        ).toBeTruthy();
      }
      document.body.innerHTML = '';
    }
  });

  it('counts a result whose settings differ only in the seed', () => {
    at(90, { ...settings, seed: 40 });
    expect(within(headlineOf(/Static model/)).getByText(/of 4 seeds\)$/)).toBeTruthy();
  });

  it('says nothing of seeds for a result of other settings, or with none', () => {
    at(90, { ...settings, windowDays: settings.windowDays + 1 });
    expect(screen.queryByText(/seeds/)).toBeNull();
    document.body.innerHTML = '';
    at(90, null);
    expect(screen.queryByText(/seeds/)).toBeNull();
    // Before seven days have served there is no worst week to count.
    document.body.innerHTML = '';
    at(66, settings);
    expect(screen.queryByText(/seeds/)).toBeNull();
  });
});
