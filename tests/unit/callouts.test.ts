/**
 * The chart's callouts: their words state what the run's results say (this
 * test recomputes every number from the days with its own arithmetic, not
 * with the helpers under test), they appear only once the days they need are
 * on screen, and placed they overprint nothing: no other label, and none of
 * the drawn lines over the label's width, at the widths of a phone, a laptop
 * and two projectors, on every fifth day of the year.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayResult, RunOutput } from '../../src/sim/contract';
import {
  chartNotes,
  holidayRowsNeeded,
  intersects,
  type NoteGeometry,
} from '../../src/ui/chart/annotations';
import { lineHeightOf } from '../../src/ui/chart/axes';
import { calloutCap, type Polyline, storyRequests } from '../../src/ui/chart/calloutPlacement';
import { crossesLines, lineTest } from '../../src/ui/chart/calloutLines';
import { rushBand, storyCallouts } from '../../src/ui/chart/callouts';
import { accuracyFloor, chartRows, holidayMarks, SERIES } from '../../src/ui/chart/chartData';
import { run } from './helpers';

let valentine: RunOutput;
let outage: RunOutput;
let buggy: RunOutput;

beforeAll(async () => {
  [valentine, outage, buggy] = await Promise.all([
    run({}),
    run({ scenario: 'outage', days: 160 }),
    run({ scenario: 'buggy-job', days: 170 }),
  ]);
}, 120_000);

const dayOf = (days: readonly DayResult[], date: string) => days.find((d) => d.date === date)!.day;
const acc = (d: DayResult, role: 'static' | 'dynamic') => d[role]!.accuracy;
function mean(days: readonly DayResult[], role: 'static' | 'dynamic', from: number, to: number) {
  const xs = days.filter((d) => d.day >= from && d.day <= to).map((d) => acc(d, role));
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe('what the callouts say, recomputed from the run', () => {
  it('default run at day 235: the static model’s week before 14 Feb and the dynamic model’s recovery', () => {
    const { days } = valentine;
    const settings = valentine.config.settings;
    // The rush of the default world: 1 to 14 February (tests/unit/story checks it against the world).
    const rushFrom = dayOf(days, '2026-02-01');
    const feb14 = dayOf(days, '2026-02-14');
    const usual = (role: 'static' | 'dynamic') => mean(days, role, rushFrom - 31, rushFrom - 1);
    const lost = Math.round((usual('static') - mean(days, 'static', feb14 - 7, feb14 - 1)) * 100);
    // Dipped: the 3-day mean more than 5 points under usual; back: within 5 again.
    const floor = usual('dynamic') - 0.05;
    let dipped = 0;
    let back = 0;
    for (let day = rushFrom; day <= 235 && !back; day++) {
      const m = mean(days, 'dynamic', day - 2, day);
      if (!dipped && m < floor) dipped = day;
      else if (dipped && m >= floor) back = day;
    }
    expect(lost).toBeGreaterThan(15);
    expect(dipped).toBeGreaterThan(0);
    expect(back).toBeGreaterThan(dipped);
    const texts = storyCallouts(days, settings, 235).map((c) => c.text);
    expect(texts).toEqual([
      `static: −${lost} points in the week before 14 Feb`,
      `dynamic: back within 5 points in ${back - dipped} days`,
    ]);
    expect(rushBand(settings)).toEqual({ from: rushFrom, to: feb14, label: 'Valentine’s rush' });
  });

  it('says nothing before the days it needs are on screen, and “not back yet” during the dip', () => {
    const { days } = valentine;
    const settings = valentine.config.settings;
    const feb14 = dayOf(days, '2026-02-14');
    expect(storyCallouts(days, settings, 200)).toEqual([]);
    expect(storyCallouts(days, settings, feb14 - 2).map((c) => c.kind)).not.toContain('week-drop');
    const during = storyCallouts(days, settings, dayOf(days, '2026-02-05'));
    expect(during.map((c) => c.text)).toEqual(['dynamic: down more than 5 points, not back yet']);
    // Only days computed count, whatever the day asked for.
    expect(storyCallouts(days.slice(0, 200), settings, 365)).toEqual([]);
  });

  it('an outage: “both models drop” only when each model’s mean over the dark days is 5 points under its week before', () => {
    const { days } = outage;
    const first = days.find((d) => d.darkFeatures.length > 0)!;
    let last = first.day;
    while (days[last]?.darkFeatures.length > 0) last++;
    const drop = (role: 'static' | 'dynamic') =>
      (mean(days, role, first.day - 7, first.day - 1) - mean(days, role, first.day, last)) * 100;
    const both = drop('static') >= 5 && drop('dynamic') >= 5;
    expect(both).toBe(true);
    const callout = storyCallouts(days, outage.config.settings, 160).find(
      (c) => c.kind === 'outage',
    );
    expect(callout?.text).toBe('outage: both models drop');
    expect(callout?.day).toBe(first.day);
    expect(
      storyCallouts(days, outage.config.settings, first.day - 1).map((c) => c.kind),
    ).not.toContain('outage');
  });

  it('the validation gate’s blocks on consecutive days as one callout, with the versions', () => {
    const { days } = buggy;
    const blocked = days.flatMap((d) =>
      (d.dynamic?.jobs ?? [])
        .filter((j) => j.status === 'rejected' && !j.promoted)
        .map((j) => ({ day: d.day, v: j.version })),
    );
    expect(blocked.length).toBeGreaterThan(1);
    // The first stretch of days in a row with a block.
    let n = 1;
    while (n < blocked.length && blocked[n].day <= blocked[n - 1].day + 1) n++;
    const streak = blocked.slice(0, n);
    const want = `gate blocks v${streak[0].v}–v${streak.at(-1)!.v}`;
    const gate = storyCallouts(days, buggy.config.settings, 170).filter((c) => c.kind === 'gate');
    expect(gate[0]).toMatchObject({ text: want, day: blocked[0].day });
  });
});

const measureAt = (px: number) => (text: string) => text.length * px * 0.62;

/** A chart `width` px wide with text of `px`, laid out as AccuracyChart does (annotations.test.ts). */
function geometry(width: number, px: number, lastDay: number): NoteGeometry {
  const line = lineHeightOf(px);
  const plotX = 4 + Math.ceil(measureAt(px)('100%') + 10 + line);
  const base = {
    plot: { x: plotX, y: 2 * line + 4, width: width - plotX - 16, height: 300 },
    chart: { width, height: 2 * line + 4 + 300 + 2 * line + 14 },
    px,
    x: (day: number) => plotX + ((day - 1) / (lastDay - 1)) * (width - plotX - 16),
  };
  const input = {
    collectionDays: 62,
    lastDay,
    view: 0,
    holidays: holidayMarks('2025-07-01', lastDay),
  };
  const holidayRows = holidayRowsNeeded(base, input, measureAt(px));
  const y0 = holidayRows * line + 4;
  return {
    ...base,
    plot: { ...base.plot, y: y0 },
    chart: { width, height: y0 + 300 + 2 * line + 14 },
    holidayRows,
  };
}

/** The lines as drawn, in px: the chart's floor at the bottom of the plot, 100% at the top. */
function drawnLines(g: NoteGeometry, days: readonly DayResult[], view: number) {
  const rows = chartRows(days, view, 1);
  const floor = accuracyFloor(rows, SERIES);
  const y = (v: number) => g.plot.y + g.plot.height * (1 - (v - floor) / (1 - floor));
  const lines: Record<string, Polyline[]> = {};
  for (const key of ['static', 'dynamic', 'oracle', 'baseline'] as const) {
    const pts = rows.filter((r) => r[key] !== null).map((r) => ({ x: g.x(r.day), y: y(r[key]!) }));
    lines[key] = [pts];
  }
  return lines;
}

/** The y of the line at x, by this test's own interpolation between the two days around it. */
function lineYAt(line: Polyline, x: number): number | null {
  for (let i = 0; i + 1 < line.length; i++) {
    const [p, q] = [line[i], line[i + 1]];
    if (p.x <= x && x <= q.x)
      return q.x === p.x ? p.y : p.y + ((q.y - p.y) * (x - p.x)) / (q.x - p.x);
  }
  return null;
}

/** Chart widths and text sizes: a phone, presenting at 1280x720, a laptop, presenting at 1920x1080. */
const SIZES: [number, number][] = [
  [328, 12.75],
  [740, 16.6],
  [860, 12.75],
  [1150, 24.8],
];

describe('where the callouts go', () => {
  it('no callout meets another label or a drawn line, on every fifth day, at each width', () => {
    for (const out of [valentine, outage, buggy]) {
      const { days } = out;
      const settings = out.config.settings;
      for (const [width, px] of SIZES) {
        const g = geometry(width, px, settings.days);
        const measure = measureAt(px);
        for (let view = 100; view <= settings.days; view += 5) {
          const lines = drawnLines(g, days, view);
          const layer = {
            callouts: storyCallouts(days, settings, view),
            rush: rushBand(settings),
            lines,
            view,
          };
          const { extra, clear } = storyRequests(g, layer, measure);
          const input = {
            collectionDays: 62,
            lastDay: settings.days,
            view,
            holidays: holidayMarks('2025-07-01', settings.days),
          };
          const notes = chartNotes(g, input, measure, extra, clear);
          const at = `${settings.scenario} ${width}px day ${view}`;
          for (let i = 0; i < notes.length; i++)
            for (let j = i + 1; j < notes.length; j++)
              expect(
                intersects(notes[i].box, notes[j].box),
                `${at}: ${notes[i].text} × ${notes[j].text}`,
              ).toBe(false);
          const placed = notes.filter((n) => n.kind === 'callout');
          expect(placed.length, at).toBeLessThanOrEqual(calloutCap(width));
          for (const n of [...placed, ...notes.filter((m) => m.kind === 'rush')]) {
            // Inside the plot, and no line passes through the label: every px column of it.
            expect(n.box.left, at).toBeGreaterThanOrEqual(g.plot.x);
            expect(n.box.right, at).toBeLessThanOrEqual(g.plot.x + g.plot.width);
            for (let x = Math.floor(n.box.left); x <= Math.ceil(n.box.right); x++)
              for (const line of Object.values(lines).flat()) {
                const y = lineYAt(line, x);
                if (y !== null)
                  expect(y > n.box.top && y < n.box.bottom, `${at}: ${n.text} at x ${x}`).toBe(
                    false,
                  );
              }
          }
        }
      }
    }
  });

  it('at day 235 both Valentine’s callouts find a place at every width but the phone’s, which shows the first', () => {
    const { days } = valentine;
    const settings = valentine.config.settings;
    for (const [width, px] of SIZES) {
      const g = geometry(width, px, 365);
      const measure = measureAt(px);
      const lines = drawnLines(g, days, 235);
      const layer = {
        callouts: storyCallouts(days, settings, 235),
        rush: rushBand(settings),
        lines,
        view: 235,
      };
      const { extra, clear } = storyRequests(g, layer, measure);
      const input = {
        collectionDays: 62,
        lastDay: 365,
        view: 235,
        holidays: holidayMarks('2025-07-01', 365),
      };
      const keys = chartNotes(g, input, measure, extra, clear)
        .filter((n) => n.kind === 'callout')
        .map((n) => n.key);
      expect(keys, `${width}px`).toContain('week-drop');
      if (width > 500) expect(keys, `${width}px`).toEqual(['week-drop', 'recovery']);
    }
  });
});

describe('the lines’ index', () => {
  it('finds every crossing the plain test finds (and at most 1 px more), on 2,000 boxes', () => {
    const g = geometry(860, 12.75, 365);
    const lines = Object.values(drawnLines(g, valentine.days, 300)).flat();
    lines.push([
      { x: g.x(300), y: g.plot.y },
      { x: g.x(300), y: g.plot.y + g.plot.height },
    ]);
    const indexed = lineTest(lines, 4);
    // A fixed sequence of boxes (no platform randomness): a simple LCG.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let crossing = 0;
    for (let i = 0; i < 2000; i++) {
      const left = g.plot.x + next() * g.plot.width;
      const top = g.plot.y + next() * g.plot.height;
      const box = { left, top, right: left + 10 + next() * 200, bottom: top + 16 };
      const plain = crossesLines(box, lines, 4);
      if (plain) crossing++;
      if (plain) expect(indexed(box)).toBe(true);
      if (indexed(box)) expect(crossesLines(box, lines, 5)).toBe(true);
    }
    expect(crossing).toBeGreaterThan(100);
    expect(crossing).toBeLessThan(1900);
  });
});
