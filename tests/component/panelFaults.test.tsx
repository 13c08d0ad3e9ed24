/**
 * A real panel of the real lab throws while the lab runs (jsdom, the real
 * engine in process on the cpu backend). The fault is injected into the drift
 * panel and the training jobs panel, one at a time: the failed panel says so,
 * every other panel keeps working, the run goes on, settings and quiz progress
 * are untouched, and "Try again" brings the panel back once the fault is gone.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { createLabStore } from '../../src/store/labStore';
import { createQuizStore } from '../../src/store/quizProgress';
import { App } from '../../src/ui/App';
import { LabStoreProvider } from '../../src/ui/storeContext';
import type * as DriftPanelModule from '../../src/ui/drift/DriftPanel';
import type * as JobsPanelModule from '../../src/ui/jobs/JobsPanel';
import { recordFigures } from '../support/figures';
import { inProcessClient } from '../support/inProcessClient';
import { memoryStorage } from '../support/memoryStorage';

/** Which panel throws on its next render; null: none. */
const fault = vi.hoisted(() => ({ panel: null as string | null }));

vi.mock('../../src/ui/drift/DriftPanel', async (importOriginal) => {
  const real = await importOriginal<typeof DriftPanelModule>();
  return {
    ...real,
    DriftPanel: () => {
      if (fault.panel === 'drift') throw new Error('injected fault in the drift panel');
      return real.DriftPanel();
    },
  };
});
vi.mock('../../src/ui/jobs/JobsPanel', async (importOriginal) => {
  const real = await importOriginal<typeof JobsPanelModule>();
  return {
    ...real,
    JobsPanel: () => {
      if (fault.panel === 'jobs') throw new Error('injected fault in the jobs panel');
      return real.JobsPanel();
    },
  };
});

const settings = { ...defaultSettings(), days: 120, visitorsPerDay: 100, seed: 8 };
const survived: string[] = [];

afterEach(() => {
  fault.panel = null;
  recordFigures('faults', { panelCases: 2, panelSurvived: survived.length });
});

/** Quiz A, in the quizzes' view (opened first: only the open view is in the page). */
async function quizA(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('tab', { name: 'Quizzes' }));
  return screen.findByRole('group', { name: /Quiz A/ });
}

async function throwIn(panel: 'drift' | 'jobs', heading: RegExp, message: RegExp) {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  const store = createLabStore(inProcessClient('cpu'), { settings });
  const storage = memoryStorage();
  const quiz = createQuizStore({ storage });
  render(
    <LabStoreProvider store={store}>
      <App quiz={quiz} />
    </LabStoreProvider>,
  );
  const user = userEvent.setup();
  await user.click(
    within(await quizA(user)).getByRole('checkbox', { name: /needs less watching/ }),
  );
  act(() => store.getState().stepDays(70));
  await waitFor(() => expect(store.getState().view).toBe(70), { timeout: 20_000 });
  const settingsBefore = store.getState().settings;
  const quizBefore = storage.data.get('bloomcast.quiz');
  expect(quizBefore).toBeDefined();

  const tab = panel === 'drift' ? 'Watching the inputs' : 'Training jobs';
  await user.click(screen.getByRole('tab', { name: tab }));
  fault.panel = panel;
  act(() => store.getState().stepDays(10));
  await waitFor(() => expect(store.getState().view).toBe(80), { timeout: 20_000 });
  const failed = await screen.findByRole('heading', { name: heading });
  const box = failed.closest('[role="alert"]') as HTMLElement;
  expect(box.textContent).toMatch(message);
  expect(box.textContent).toMatch(/settings are unaffected/);

  // Everything else still works: the models' numbers beside it, the chart, the timeline, the quiz.
  expect(screen.getAllByRole('heading', { name: /Static model|Dynamic model/ }).length).toBe(2);
  await user.click(screen.getByRole('tab', { name: 'Chart' }));
  expect(await screen.findByRole('region', { name: 'Accuracy over time' })).toBeTruthy();
  act(() => store.getState().stepDays(5));
  await waitFor(() => expect(store.getState().view).toBe(85), { timeout: 20_000 });
  expect(
    within(await quizA(user)).getByRole('checkbox', { name: /needs less watching/ }),
  ).toHaveProperty('checked', true);
  expect(store.getState().settings).toBe(settingsBefore);
  expect(store.getState().failure).toBeNull();
  expect(storage.data.get('bloomcast.quiz')).toBe(quizBefore);

  // The fault goes away; "Try again" shows the panel with the current day.
  // Opened again with the fault still there, the panel fails again, alone.
  await user.click(screen.getByRole('tab', { name: tab }));
  const again = (await screen.findByRole('heading', { name: heading })).closest(
    '[role="alert"]',
  ) as HTMLElement;
  fault.panel = null;
  await user.click(within(again).getByRole('button', { name: 'Try again' }));
  expect(screen.queryByRole('heading', { name: heading })).toBeNull();
  spy.mockRestore();
}

describe('a panel that throws in the running lab', () => {
  it('the drift panel fails alone and comes back', async () => {
    await throwIn('drift', /drift panel could not be shown/, /injected fault in the drift panel/);
    expect(await screen.findByRole('region', { name: 'Watching the inputs' })).toBeTruthy();
    survived.push('drift');
  });

  it('the training jobs panel fails alone and comes back', async () => {
    await throwIn(
      'jobs',
      /training jobs panel could not be shown/,
      /injected fault in the jobs panel/,
    );
    survived.push('jobs');
  });
});
