/**
 * Inputs against what they mean (src/ui/drift/driftContrast.ts), against
 * engine runs: on Valentine's Day the inputs barely move while the learned
 * effect of "has a partner" is far from the truth (concept drift); a few days
 * into the outage an input has jumped while that effect is where it was
 * (input drift). The numbers in the box are recomputed here from the results.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayResult, ModelRole, RunOutput } from '../../src/sim/contract';
import { FEATURES } from '../../src/sim/world/features';
import { contrastText, driftContrast } from '../../src/ui/drift/driftContrast';
import { dayLevelFeatures } from '../../src/ui/drift/driftData';
import { run } from './helpers';

const PARTNER = FEATURES.findIndex((f) => f.id === 'hasPartner');
const ROLES: ModelRole[] = ['static', 'dynamic'];

/** This test's own reading: the highest status, then the highest PSI among features judged by PSI. */
function largestInput(day: DayResult, role: ModelRole, dayLevel: Set<number>) {
  const order = ['stable', 'moderate', 'major'];
  const readings = day.drift![role].day;
  let best = 0;
  const key = (j: number) => [
    order.indexOf(readings[j].status),
    dayLevel.has(j) ? 0 : Math.min(readings[j].psi, 99),
  ];
  for (let j = 1; j < readings.length; j++) {
    const [s, p] = key(j);
    const [bs, bp] = key(best);
    if (s > bs || (s === bs && p > bp)) best = j;
  }
  return best;
}

describe('inputs against what they mean', () => {
  let valentine: RunOutput;
  let outage: RunOutput;
  beforeAll(async () => {
    [valentine, outage] = await Promise.all([
      run({ scenario: 'valentine', days: 235 }),
      run({ scenario: 'outage', days: 140 }),
    ]);
  }, 180_000);

  it('Valentine’s Day (day 229), dynamic model: inputs short of a jump, meaning far apart', () => {
    const day = valentine.days[228];
    expect(day.holiday).toBe('valentine');
    const dayLevel = dayLevelFeatures(valentine.days);
    const c = driftContrast(day, 'dynamic', dayLevel)!;
    expect(c.kind).toBe('concept');
    const top = largestInput(day, 'dynamic', dayLevel);
    const reading = day.drift!.dynamic.day[top];
    expect(c.input).toEqual({
      feature: top,
      psi: reading.psi,
      ks: reading.ks,
      status: reading.status,
    });
    expect(reading.status).not.toBe('major');
    const truth = day.effects.truth[PARTNER]!;
    const learned = day.effects.dynamic![PARTNER];
    expect(truth - learned).toBeGreaterThan(3);
    const text = contrastText(c);
    expect(text.inputs).toContain(
      `${FEATURES[top].label} (PSI ${reading.psi.toFixed(2)}, KS ${reading.ks.toFixed(2)})`,
    );
    expect(text.meaning).toContain(`adds ${truth.toFixed(1)} `);
    expect(text.meaning).toContain(`learned ${learned.toFixed(1)}`);
    expect(text.kind).toMatch(/^Concept drift/);
  });

  it('Valentine’s Day, static model: the visitors’ own inputs short of a jump, but the holiday calendar is new to it', () => {
    const day = valentine.days[228];
    const dayLevel = dayLevelFeatures(valentine.days);
    const c = driftContrast(day, 'static', dayLevel)!;
    const readings = day.drift!.static.day;
    // July–August held no gift holiday within 30 days: the calendar feature reads major (by KS).
    const calendar = FEATURES.findIndex((f) => f.id === 'daysToHoliday');
    expect(readings[calendar].status).toBe('major');
    expect(c.input.feature).toBe(largestInput(day, 'static', dayLevel));
    expect(c.input.feature).toBe(calendar);
    // Every other feature is short of major.
    expect(readings.filter((r, j) => j !== calendar && r.status === 'major')).toEqual([]);
    expect(day.effects.truth[PARTNER]! - day.effects.static![PARTNER]).toBeGreaterThan(4);
    expect(c.kind).toBe('both');
    expect(contrastText(c).kind).toMatch(/^Both at once/);
  });

  it.each(ROLES)(
    'a few days into the outage (day 134), %s model: an input jumped, meaning close',
    (role) => {
      const day = outage.days[133];
      expect(day.darkFeatures).toEqual(['minutesOnSite']);
      const dayLevel = dayLevelFeatures(outage.days);
      const c = driftContrast(day, role, dayLevel)!;
      expect(c.kind).toBe('input');
      const top = largestInput(day, role, dayLevel);
      expect(FEATURES[top].id).toBe('minutesOnSite');
      const reading = day.drift![role].day[top];
      expect(c.input).toEqual({ feature: top, psi: reading.psi, ks: reading.ks, status: 'major' });
      expect(contrastText(c).inputs).toMatch(/^Jumped: Minutes on site \(PSI \d+\.\d\d, KS /);
      expect(Math.abs(day.effects.truth[PARTNER]! - day.effects[role]![PARTNER])).toBeLessThan(0.5);
      expect(contrastText(c).kind).toMatch(/^Input drift/);
    },
  );

  it('a calm day before either is “neither”, and a day before serving has no box', () => {
    const calm = outage.days[119]; // 29 Oct, weeks before the outage
    const dayLevel = dayLevelFeatures(outage.days);
    expect(driftContrast(calm, 'dynamic', dayLevel)?.kind).toBe('none');
    expect(driftContrast(outage.days[10], 'static', dayLevel)).toBeNull();
    expect(driftContrast(undefined, 'static', dayLevel)).toBeNull();
  });

  it('after the holiday the dynamic model’s window still holds it: its learned effect is the one far off', () => {
    const day = valentine.days[231]; // 17 Feb
    const c = driftContrast(day, 'dynamic', dayLevelFeatures(valentine.days))!;
    expect(day.effects.dynamic![PARTNER] - day.effects.truth[PARTNER]!).toBeGreaterThan(1);
    expect(c.meaningMoved).toBe(true);
  });
});
