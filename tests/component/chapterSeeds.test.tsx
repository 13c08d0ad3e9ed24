/**
 * A chapter's "on N of 10 seeds" in the side column (ChapterWords with
 * src/content/chapterSeeds.ts): with a many-worlds result for the settings on
 * screen, the chapter adds one sentence, its count worked out here from each
 * seed's full run by the chapter's own words; a result for other settings
 * adds nothing (the engine in process, cpu backend).
 */
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../src/content/chapters';
import type { RunOutput } from '../../src/sim/contract';
import { runSimulation } from '../../src/sim/run';
import { runSeeds } from '../../src/sim/seedRuns';
import type { SeedRun } from '../../src/sim/seeds';
import { defaultSettings, type Settings } from '../../src/sim/settings';
import { createChapterStore } from '../../src/store/chapterProgress';
import { createLabStore } from '../../src/store/labStore';
import { manySeedsResult } from '../../src/store/manySeedsSlice';
import { ChapterWords } from '../../src/ui/chapters/Chapters';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { inProcessClient } from '../support/inProcessClient';

const settings: Settings = {
  ...defaultSettings(),
  scenario: 'stable',
  days: 80,
  visitorsPerDay: 100,
  seed: 2,
};
const SEEDS = [2, 3, 4];
const chapter = CHAPTERS.find((c) => c.id === 'still-world');
let runs: SeedRun[];
let full: RunOutput[];

beforeAll(async () => {
  runs = await runSeeds(settings, SEEDS, { prefer: 'cpu' });
  full = [];
  for (const seed of SEEDS)
    full.push(await runSimulation({ ...settings, seed }, { prefer: 'cpu' }));
}, 120_000);

function show(resultSettings: Settings | null) {
  if (!chapter) throw new Error('no still-world chapter');
  const lab = createLabStore(inProcessClient('cpu'), { settings });
  lab.setState({
    days: full[0].days,
    summary: full[0].summary,
    view: settings.days,
    target: settings.days,
    seedsResult: resultSettings && manySeedsResult(resultSettings, runs),
  });
  render(
    <LabStoreProvider store={lab}>
      <ChapterWords chapter={chapter} store={createChapterStore()} />
    </LabStoreProvider>,
  );
}

describe('a chapter with many worlds', () => {
  it('adds on how many seeds its claim holds, as its own words say of each seed', () => {
    const holds = full.filter(
      (out) => chapter?.text({ settings, days: out.days })?.instead === null,
    ).length;
    show(settings);
    expect(
      screen.getByText(
        `On ${holds === 0 ? 'none' : holds} of 3 seeds the two end the year within 2 points.`,
      ),
    ).toBeTruthy();
  });

  it('says nothing of seeds for a result of other settings', () => {
    show({ ...settings, cadence: 'weekly' });
    expect(screen.getByText(/training once/)).toBeTruthy();
    expect(screen.queryByText(/seeds/)).toBeNull();
  });
});
