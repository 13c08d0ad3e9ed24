/**
 * The JSON contract of `npm run simulate -- --format json` (src/sim/contract):
 * later work adds fields but never renames these, so they are checked by name
 * and type on every day of a run that covers both phases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatJson } from '../../src/cli/format';
import { run } from './helpers';

type Json = Record<string, unknown>;
let output: { config: Json; days: Json[]; summary: Json };

beforeAll(async () => {
  const result = await run({ days: 75, visitorsPerDay: 80, cadence: 'weekly' });
  output = JSON.parse(formatJson(result)) as typeof output;
});

const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

describe('the JSON contract', () => {
  it('has config, days and summary, with the settings echoed', () => {
    expect(Object.keys(output).sort()).toEqual(['config', 'days', 'summary']);
    expect(output.config.settings).toMatchObject({
      days: 75,
      visitorsPerDay: 80,
      cadence: 'weekly',
    });
    expect(output.days).toHaveLength(75);
  });

  it('gives every day its date, visitors, rates and baselines', () => {
    output.days.forEach((day, i) => {
      expect(day.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(day.day).toBe(i + 1);
      expect(day.visitors).toBe(80);
      for (const key of ['buyRate', 'oracleAccuracy', 'baselineAccuracy']) {
        expect(isNumber(day[key]), `${key} on ${String(day.date)}`).toBe(true);
      }
      const buyRate = day.buyRate as number;
      expect(day.baselineAccuracy).toBeCloseTo(Math.max(buyRate, 1 - buyRate), 12);
    });
  });

  it('has null models during collection and full model objects while serving', () => {
    for (const day of output.days.slice(0, 62)) {
      expect(day.static).toBeNull();
      expect(day.dynamic).toBeNull();
    }
    for (const day of output.days.slice(62)) {
      for (const role of ['static', 'dynamic']) {
        const model = day[role] as Json;
        expect(isNumber(model.accuracy)).toBe(true);
        expect(isNumber(model.logLoss)).toBe(true);
        expect(model.auc === null || isNumber(model.auc)).toBe(true);
        expect(Number.isInteger(model.trainingRuns)).toBe(true);
        expect(Number.isInteger(model.servingVersion)).toBe(true);
      }
    }
    const last = output.days[74];
    expect((last.static as Json).trainingRuns).toBe(1);
    expect((last.dynamic as Json).trainingRuns).toBe(1 + 1); // one weekly job by day 75 (day 69)
    expect((last.dynamic as Json).servingVersion).toBe(2);
  });

  it('carries the drift report on serving days: per model, per feature, finite numbers', () => {
    for (const day of output.days.slice(0, 62)) expect(day.drift).toBeNull();
    output.days.slice(62).forEach((day, i) => {
      const drift = day.drift as Json;
      expect(Object.keys(drift).sort()).toEqual([
        'alerts',
        'calibration',
        'dynamic',
        'edges',
        'inputShares',
        'static',
      ]);
      expect(drift.edges === null).toBe(i > 0);
      expect(drift.calibration === null).toBe(i > 0);
      for (const role of ['static', 'dynamic']) {
        const model = drift[role] as Json;
        for (const key of ['predictionDrift', 'calibrationGap', 'labelDrift']) {
          expect(isNumber(model[key]), key).toBe(true);
        }
        for (const scope of ['day', 'window']) {
          const readings = model[scope] as Json[];
          expect(readings).toHaveLength(10);
          for (const r of readings) {
            expect(isNumber(r.psi) && isNumber(r.ks) && isNumber(r.js)).toBe(true);
            expect(['stable', 'moderate', 'major']).toContain(r.status);
          }
        }
      }
      expect(
        (drift.inputShares as number[][]).every(
          (s) => Math.abs(s.reduce((a, b) => a + b, 0) - 1) < 1e-9,
        ),
      ).toBe(true);
    });
  });

  it('carries each day’s jobs and audit entries, and the ledgers and registry in the summary', () => {
    for (const day of output.days) expect(Array.isArray(day.audit)).toBe(true);
    const jobs = output.days.flatMap((d) => ((d.dynamic as Json | null)?.jobs as Json[]) ?? []);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      version: 2,
      parentVersion: 1,
      status: 'blessed',
      promoted: true,
    });
    for (const key of ['losses', 'validation', 'quarantined', 'gates', 'effects', 'reason']) {
      expect(key in jobs[0]).toBe(true);
    }
    const summary = output.summary as { static: Json; dynamic: Json; registry: Json };
    for (const role of ['static', 'dynamic'] as const) {
      expect(Number.isInteger(summary[role].rejectedJobs)).toBe(true);
      expect(Number.isInteger(summary[role].failedJobs)).toBe(true);
    }
    expect(summary.registry).toMatchObject({ versions: 2, weightsKept: 2 });
    expect((output.config.interventions as unknown[]).length).toBe(0);
  });

  it('reports the static model’s validation accuracy in the summary', () => {
    const summary = output.summary as { static: Json; dynamic: Json };
    expect(isNumber(summary.static.validationAccuracy)).toBe(true);
    expect(summary.static.validationAccuracy).toBeGreaterThan(0.6);
  });
});
