/**
 * The model headline and card rendered over a real run (the engine in
 * process, cpu backend): nothing before serving, version 1's learned weights
 * on the day it is trained, the serving version's own check and the worst 7
 * days once there are seven, each number the one headline.ts derives.
 */
import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunOutput } from '../../src/sim/contract';
import { runSimulation } from '../../src/sim/run';
import { defaultSettings } from '../../src/sim/settings';
import { createLabStore } from '../../src/store/labStore';
import { percent } from '../../src/ui/chart/chartData';
import { dateRangeText, headline } from '../../src/ui/cards/headline';
import { ModelCard } from '../../src/ui/cards/ModelCard';
import { ModelHeadline } from '../../src/ui/cards/ModelHeadline';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { inProcessClient } from '../support/inProcessClient';

const settings = { ...defaultSettings(), days: 90, visitorsPerDay: 100, seed: 3 };
let out: RunOutput;
const count = new Intl.NumberFormat('en-GB');

beforeAll(async () => {
  out = await runSimulation(settings, { prefer: 'cpu' });
}, 60_000);

/** Both headlines and both cards with days 1..view on screen. */
function at(view: number): void {
  const store = createLabStore(inProcessClient('cpu'), { settings });
  store.setState({ days: out.days, summary: out.summary, view });
  render(
    <LabStoreProvider store={store}>
      <ModelHeadline role="static" />
      <ModelHeadline role="dynamic" />
      <ModelCard role="static" />
      <ModelCard role="dynamic" />
    </LabStoreProvider>,
  );
}
const headlineOf = (name: RegExp) => screen.getByRole('region', { name });
const cardOf = (name: RegExp) => screen.getByRole('article', { name });

describe('the model headline and card', () => {
  it('before serving, each says plainly that there is nothing yet', () => {
    at(30);
    for (const name of [/Static model/, /Dynamic model/]) {
      expect(
        within(headlineOf(name)).getByText(/^Collecting data: nothing to show yet/),
      ).toBeTruthy();
      expect(within(headlineOf(name)).queryByText(/%/)).toBeNull();
    }
  });

  it('on the day version 1 is trained, the card shows what it learned, not dashes', () => {
    at(62);
    expect(
      within(headlineOf(/Static model/)).getByText(/trained today; nothing served/),
    ).toBeTruthy();
    const table = within(cardOf(/Static model/)).getByRole('table', { name: /log-odds/ });
    const learned = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0].textContent);
    expect(learned.length).toBeGreaterThan(5);
    for (const cell of learned) expect(cell).toMatch(/^[+−]\d+\.\d+$/);
  });

  it('with fewer than 7 served days, the worst week waits and says how many there are', () => {
    at(66);
    const worst = within(headlineOf(/Static model/)).getByText('Worst 7 days so far');
    expect(worst.nextSibling?.textContent).toBe('after 7 days of serving (4 so far)');
  });

  it('the dynamic model is measured against its serving version’s own check', () => {
    at(90);
    const h = headline(out.days, 90, 'dynamic', out.summary);
    expect(h.servingVersion).toBeGreaterThan(1);
    const box = within(headlineOf(/Dynamic model/));
    expect(box.getByText(`v${h.servingVersion}`)).toBeTruthy();
    expect(
      box.getByText(`vs v${h.servingVersion}’s own check, ${percent(h.check!.accuracy)}`),
    ).toBeTruthy();
    const worst = box.getByText('Worst 7 days so far').nextSibling?.textContent;
    expect(worst).toBe(`${percent(h.worst!.accuracy)}${dateRangeText(h.worst!.from, h.worst!.to)}`);

    const card = within(cardOf(/Dynamic model/));
    expect(card.getByText('Validation accuracy').nextSibling?.textContent).toBe(
      `${percent(h.check!.accuracy)} on ${count.format(h.check!.rows)} held-out visits of ${dateRangeText(h.check!.from, h.check!.to)}, the latest labelled day (v${h.servingVersion}’s own check)`,
    );
    // The static card still quotes version 1's check on the collection period.
    expect(
      within(cardOf(/Static model/)).getByText('Validation accuracy').nextSibling?.textContent,
    ).toMatch(/^\d+\.\d% on [\d,]+ held-out visits of 1 Jul – 31 Aug 2025 \(v1’s own check\)$/);
  });
});
