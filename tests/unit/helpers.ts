/**
 * Shared helpers for unit tests: settings with overrides, a valid non-default
 * value of each setting, runs, means over dates, results without timings.
 */
import { runSimulation } from '../../src/sim/run';
import type { DayResult, RunOutput } from '../../src/sim/contract';
import { parseSettings, type SettingKey, type Settings, specOf } from '../../src/sim/settings';

export function settingsWith(overrides: Partial<Settings>): Settings {
  const parsed = parseSettings(overrides);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return parsed.settings;
}

export function run(overrides: Partial<Settings>): Promise<RunOutput> {
  return runSimulation(settingsWith(overrides));
}

/** Mean of a model's accuracy over serving days with from <= date <= to. */
export function meanAccuracy(
  days: DayResult[],
  model: 'static' | 'dynamic',
  from = '0000',
  to = '9999',
): number {
  const values = days
    .filter((d) => d.date >= from && d.date <= to)
    .flatMap((d) => (d[model] ? [d[model].accuracy] : []));
  if (values.length === 0) throw new Error(`no serving days between ${from} and ${to}`);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** A copy of a result with every timing field (name ending in "Ms") removed. */
export function withoutTimings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !key.endsWith('Ms'))
        .map(([key, v]) => [key, withoutTimings(v)]),
    );
  }
  return value;
}

/** A valid value of each setting other than its default, from the table alone. */
export function otherValue(key: SettingKey): Settings[SettingKey] {
  const spec = specOf(key);
  switch (spec.kind) {
    case 'int':
    case 'number':
      return spec.default === spec.max ? spec.min : spec.max;
    case 'enum':
      return spec.values.find((v) => v !== spec.default) ?? spec.default;
    case 'boolean':
      return !spec.default;
    case 'date':
      return `${spec.years.min}-01-01`;
    case 'knob':
      return spec.max;
  }
}
