/**
 * The run's moments (src/sim/story): holiday rushes read from the world, and
 * the event list the timeline's "next event" step and the chart's callouts
 * use, checked against real runs of the engine.
 */
import { describe, expect, it } from 'vitest';
import { firstRush, holidayRushes } from '../../../src/sim/story/rush';
import { nextEvent, storyEvents } from '../../../src/sim/story/events';
import { SCENARIOS } from '../../../src/sim/world/scenarios';
import { dateOfDay } from '../../../src/sim/world/calendar';
import { holidayIntensity } from '../../../src/sim/world/truth';
import { run, settingsWith } from '../helpers';

describe('holiday rushes', () => {
  it('finds Valentine’s rush of the default run from the world: 1 to 14 February 2026', () => {
    const rush = firstRush(settingsWith({}));
    expect(rush).not.toBeNull();
    expect(dateOfDay('2025-07-01', rush!.from)).toBe('2026-02-01');
    expect(dateOfDay('2025-07-01', rush!.to)).toBe('2026-02-14');
    expect(rush!.day).toBe(rush!.to);
    expect(rush!.date).toBe('2026-02-14');
  });

  it('agrees with the ramp: every rush day has intensity above zero, the day before has none', () => {
    const settings = settingsWith({});
    for (const rush of holidayRushes(settings)) {
      expect(holidayIntensity(rush.day - rush.from)).toBeGreaterThan(0);
      expect(holidayIntensity(rush.day - rush.from + 1)).toBe(0);
    }
    expect(holidayRushes(settings).map((r) => r.holiday)).toEqual([
      'christmas',
      'valentine',
      'mothersDay',
    ]);
  });

  it('moves with a world whose ramp starts later, and vanishes without holidays', () => {
    expect(holidayRushes(settingsWith({ scenario: 'stable' }))).toEqual([]);
    const shortRun = settingsWith({ days: 220 });
    const cut = firstRush(shortRun);
    expect(cut?.to).toBe(220);
    expect(cut?.day).toBe(229);
    expect(SCENARIOS.valentine.holidaysOn).toBe(true);
  });
});

describe('story events', () => {
  it('lists the buggy job’s rejections as gate blocks with the candidate’s version', async () => {
    const out = await run({ scenario: 'buggy-job', days: 170 });
    const events = storyEvents(out.days, out.config.settings);
    const rejected = events.filter((e) => e.kind === 'rejected');
    const jobs = out.days.flatMap((d) =>
      (d.dynamic?.jobs ?? [])
        .filter((j) => j.status === 'rejected')
        .map((j) => ({ day: d.day, v: j.version })),
    );
    expect(jobs.length).toBeGreaterThan(0);
    expect(rejected.map((e) => [e.day, e.label])).toEqual(
      jobs.map((j) => [j.day, `gate blocks v${j.v}`]),
    );
    // In day order, and the next event after a rejection's day is a later one.
    for (let i = 1; i < events.length; i++)
      expect(events[i].day).toBeGreaterThanOrEqual(events[i - 1].day);
    const first = rejected[0];
    expect(nextEvent(events, first.day - 1)?.day).toBeLessThanOrEqual(first.day);
    expect(nextEvent(events, first.day)?.day ?? Infinity).toBeGreaterThan(first.day);
  }, 120_000);

  it('marks the outage on its first dark day, once', async () => {
    const out = await run({ scenario: 'outage', days: 140 });
    const outages = storyEvents(out.days, out.config.settings).filter((e) => e.kind === 'outage');
    const firstDark = out.days.find((d) => d.darkFeatures.length > 0)!;
    expect(outages).toEqual([
      {
        day: firstDark.day,
        kind: 'outage',
        label: `source dark: ${firstDark.darkFeatures.join(', ')}`,
      },
    ]);
    expect(firstDark.day).toBe(SCENARIOS.outage.outage!.fromDay);
  }, 120_000);
});
