import { describe, expect, it } from 'vitest';
import {
  SETTING_KEYS,
  defaultSettings,
  parseSettings,
  parseSettingsLenient,
} from '../../src/sim/settings';

describe('settings schema', () => {
  it('has the documented defaults', () => {
    expect(defaultSettings()).toEqual({
      scenario: 'valentine',
      seed: 1,
      startDate: '2025-07-01',
      days: 365,
      visitorsPerDay: 500,
      model: 'logistic',
      cadence: 'daily',
      windowDays: 28,
      warmStart: true,
      labelDelay: 0,
      driftWindowDays: 7,
      validationGate: true,
      dataGate: true,
      autoRollback: false,
      learningRate: 0.05,
      // The world's knobs: null is the scenario's own value.
      valentineEffect: null,
      valentineLeadDays: null,
      seasonStrength: null,
      randomBuyers: null,
      outageDay: null,
      outageDays: null,
      bugDay: null,
      bugShare: null,
    });
  });

  it.each([
    [
      'scenario',
      'winter',
      /scenario must be one of: valentine, stable, seasons, outage, buggy-job/,
    ],
    ['seed', -1, /seed must be a whole number from 0 to 4294967295/],
    ['seed', 1.5, /seed must be a whole number/],
    ['startDate', '2025-02-30', /startDate must be a real date written YYYY-MM-DD/],
    ['startDate', '1850-07-01', /startDate must fall in the years 2000 to 2100/],
    ['days', 62, /days must be a whole number from 63 to 3650/],
    ['visitorsPerDay', 49, /visitorsPerDay must be a whole number from 50 to 20000/],
    ['visitorsPerDay', 20_001, /visitorsPerDay must be a whole number from 50 to 20000/],
    ['visitorsPerDay', '500', /visitorsPerDay must be a whole number from 50 to 20000/],
    ['model', 'forest', /model must be one of: logistic, mlp/],
    ['cadence', 'hourly', /cadence must be one of: daily, weekly, monthly/],
    ['windowDays', 0, /windowDays must be a whole number from 1 to 365/],
    ['warmStart', 'yes', /warmStart must be true or false/],
    ['labelDelay', 15, /labelDelay must be a whole number from 0 to 14/],
    ['driftWindowDays', 1, /driftWindowDays must be a whole number from 2 to 56/],
  ])('rejects %s = %j with a message naming the field and range', (field, value, message) => {
    const result = parseSettings({ [field]: value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0].field).toBe(field);
    expect(result.issues[0].message).toMatch(message);
  });

  it('rejects a whole object when any field is bad: nothing half-applied', () => {
    const result = parseSettings({ seed: 7, visitorsPerDay: 10, cadence: 'hourly' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => i.field).sort()).toEqual(['cadence', 'visitorsPerDay']);
  });

  it('rejects unknown settings by name', () => {
    const result = parseSettings({ visitors: 100 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].message).toMatch(/unknown setting "visitors"/);
  });

  it('names each bad field once, even when its value fails several checks', () => {
    const result = parseSettings({ seed: 9007199254740992, startDate: '+002025-07-01' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([
        { field: 'seed', message: 'seed must be a whole number from 0 to 4294967295' },
        { field: 'startDate', message: 'startDate must be a real date written YYYY-MM-DD' },
      ]);
  });

  it('echoes unknown keys cut, with control characters shown, and at most eight of them', () => {
    const keys = [
      'k'.repeat(60_000),
      'bell\u0007',
      ...Array.from({ length: 20 }, (_, i) => `u${i}`),
    ];
    const result = parseSettings(Object.fromEntries(keys.map((k) => [k, 1])));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    const message = result.issues[0]?.message ?? '';
    expect(message).toMatch(
      /^unknown setting "k{40}… \(60000 characters\)", "bell\\x07", "u0", .*"u5" and 14 more; known settings: scenario, /,
    );
    // What the input adds is bounded: the message less its fixed list of known settings.
    const known = message.slice(message.indexOf('; known settings: '));
    expect(known).toBe(`; known settings: ${SETTING_KEYS.join(', ')}`);
    expect(message.length - known.length).toBeLessThan(200);
    const lenient = parseSettingsLenient({ ['\u202e'.repeat(100)]: 1 });
    expect(lenient.dropped[0]?.field).toMatch(/^(\\u202E){6}\\u20… \(100 characters\)$/);
  });

  it('lenient parsing keeps the good fields and names the bad ones', () => {
    const { settings, dropped } = parseSettingsLenient({ seed: 9, days: 'lots', colour: 'red' });
    expect(settings.seed).toBe(9);
    expect(settings.days).toBe(365);
    expect(dropped.map((d) => d.field).sort()).toEqual(['colour', 'days']);
  });
});
