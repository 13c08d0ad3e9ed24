/**
 * Two things a job shows that once misled (issue 13): the status of a job the
 * validation gate judged bad that served anyway because the gate was off (it
 * said "rejected"), and the training-loss line, whose axis stretched 0.473 to
 * 0.472 over its whole height. Hand-built results, no engine.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DayResult } from '../../src/sim/contract';
import { JobDetail } from '../../src/ui/jobs/JobDetail';
import { jobsUpTo, registryAt } from '../../src/ui/jobs/jobsData';
import { JobTimeline } from '../../src/ui/jobs/JobTimeline';
import { LossCurve } from '../../src/ui/jobs/LossCurve';
import { RegistryTable } from '../../src/ui/jobs/RegistryTable';
import { fixtureDays, REJECT_REASON } from './jobsFixtures';

/** The fixture's run with its rejected job (v3) served: the validation gate was off for it. */
function gateOffDays(): DayResult[] {
  const days = fixtureDays();
  const job = days[4].dynamic!.jobs[0];
  expect(job.version).toBe(3);
  job.promoted = true;
  job.gates = { ...job.gates, validation: false };
  // The engine's words for such a job (src/sim/ops/pipeline.ts).
  job.reason = `the validation gate is off, so it serves although ${job.reason}`;
  return days;
}

const chipOf = (scope: HTMLElement) => scope.querySelector('.chip');

describe('a job that served because the validation gate was off', () => {
  it('says "served, gate off" in the job list, not "rejected", and keeps its reason', () => {
    render(<JobTimeline jobs={jobsUpTo(gateOffDays(), 8)} selected={null} onSelect={() => {}} />);
    const entry = screen.getAllByRole('button').find((b) => within(b).queryByText('v3'))!;
    expect(chipOf(entry)?.textContent).toBe('served, gate off');
    expect(chipOf(entry)?.className).toContain('chip-gate-off');
    expect(within(entry).queryByText('rejected')).toBeNull();
    expect(entry.textContent).toContain(`so it serves although ${REJECT_REASON}`);
  });

  it('says so in the job’s detail and in the registry', () => {
    const days = gateOffDays();
    const item = jobsUpTo(days, 8).find((j) => j.job.version === 3)!;
    render(<JobDetail item={item} onGoTo={() => {}} />);
    const detail = screen.getByRole('article', { name: /Job v3/ });
    expect(chipOf(within(detail).getByRole('heading', { level: 3 }))?.textContent).toBe(
      'served, gate off',
    );
    // Its reason, as a sentence, says why it served; nothing says "the serving version stayed".
    expect(detail.textContent).toContain('The validation gate is off, so it serves although');
    expect(detail.textContent).not.toContain('The serving version stayed.');

    const rows = registryAt(days, 8);
    expect(rows.find((r) => r.version === 3)).toMatchObject({
      status: 'rejected',
      promoted: true,
    });
    render(<RegistryTable rows={rows} day={8} onRollback={() => {}} />);
    const table = screen.getByRole('table', { name: /Every version the dynamic model/ });
    const v3 = within(table).getByRole('rowheader', { name: /^v3\b/ }).closest('tr')!;
    expect(chipOf(v3)?.textContent).toBe('served, gate off');
  });

  it('a job rejected with the gate on still says "rejected"', () => {
    render(<JobTimeline jobs={jobsUpTo(fixtureDays(), 8)} selected={null} onSelect={() => {}} />);
    const entry = screen.getAllByRole('button').find((b) => within(b).queryByText('v3'))!;
    expect(chipOf(entry)?.textContent).toBe('rejected');
    expect(within(entry).queryByText('served, gate off')).toBeNull();
  });
});

/** The drawing's y of each point of the loss line, in the SVG's units, and the SVG's height. */
function lineYs(container: HTMLElement): { ys: number[]; height: number } {
  const svg = container.querySelector('svg')!;
  const height = Number(svg.getAttribute('viewBox')!.split(' ')[3]);
  const d = container.querySelector('path')!.getAttribute('d')!;
  const ys = [...d.matchAll(/[ML]([-\d.]+) ([-\d.]+)/g)].map((m) => Number(m[2]));
  return { ys, height };
}

const losses = (...values: number[]) => values.map((loss, step) => ({ step, loss }));

describe('the training-loss line', () => {
  it('draws 0.473 to 0.472 as a flat line near the top of an axis from 0 to 0.5', () => {
    const { container } = render(<LossCurve losses={losses(0.473, 0.4725, 0.4722, 0.472)} />);
    expect(container.querySelector('.loss-top')?.textContent).toBe('0.5');
    expect(container.querySelector('.loss-zero')?.textContent).toBe('0');
    expect(screen.getByText('step 0')).toBeTruthy();
    expect(screen.getByText('step 3')).toBeTruthy();
    const { ys, height } = lineYs(container);
    expect(ys).toHaveLength(4);
    // The whole change is under 1% of the drawing's height...
    expect((Math.max(...ys) - Math.min(...ys)) / height).toBeLessThan(0.01);
    // ...and the line sits where 0.47 is on a 0-to-0.5 axis.
    expect(1 - ys[0] / height).toBeCloseTo(0.473 / 0.5, 2);
    expect(screen.getByRole('img', { name: /from 0\.473 to 0\.472 over 3 steps/ })).toBeTruthy();
  });

  it('still shows a real fall as one', () => {
    const { container } = render(<LossCurve losses={losses(0.69, 0.55, 0.5, 0.45)} />);
    expect(container.querySelector('.loss-top')?.textContent).toBe('0.8');
    const { ys, height } = lineYs(container);
    expect((Math.max(...ys) - Math.min(...ys)) / height).toBeGreaterThan(0.25);
  });

  it('a blow-up: the axis reaches the last finite loss and the line stops there', () => {
    const { container } = render(<LossCurve losses={losses(0.69, 40, NaN)} />);
    expect(container.querySelector('.loss-top')?.textContent).toBe('40');
    expect(lineYs(container).ys).toHaveLength(2);
    expect(screen.getByRole('img', { name: /blew up \(not a number\) at step 2/ })).toBeTruthy();
  });
});
