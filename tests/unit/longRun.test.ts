/**
 * Long runs in Node: ten simulated years of the engine, measured at the end of
 * year 1 and of year 10. Live tensors stay equal, the registry keeps weights
 * for a bounded number of versions, and the JS heap (after a forced GC) grows
 * by at most 20 MB. The engine is stepped without keeping its day results, so
 * what is measured is the engine itself, not a results array. The same for
 * the MLP over three years, and the registry's retention rule on its own.
 * Before the retention rule, the registry kept the weights of every version
 * that ever served (3,588 after ten daily years) and the engine kept every
 * day's job records to average accuracies: about 15 MB of heap growth.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/sim/engine';
import { initBackend, type ModelSnapshot, tensorMemory } from '../../src/sim/model';
import { RETAIN_DAYS } from '../../src/sim/contract';
import { KEEP_CANDIDATES, Registry } from '../../src/sim/ops/registry';
import type { Settings } from '../../src/sim/settings';
import { runSimulation } from '../../src/sim/run';
import { recordFigures } from '../support/figures';
import { settingsWith } from './helpers';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const YEAR = 365;
const MB = 2 ** 20;
/** The target for heap growth between year 1 and year 10. */
const HEAP_GROWTH_LIMIT_MB = 20;
/** Version 1, `previous`, and the newest known-good version past retention keep weights too. */
const PINNED = 3;

interface Reading {
  day: number;
  numTensors: number;
  numBytes: number;
  backendBuffers: number;
  versions: number;
  weightsKept: number;
  weightBytes: number;
  heapUsedMB: number;
  externalMB: number;
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits));

function read(engine: Engine): Reading {
  // Twice: the first pass may only queue finalizers.
  gc();
  gc();
  const { numTensors, numBytes, backendBuffers } = tensorMemory();
  const { versions, weightsKept, weightBytes } = engine.summary().registry;
  const { heapUsed, external } = process.memoryUsage();
  return {
    day: engine.day,
    numTensors,
    numBytes,
    backendBuffers,
    versions,
    weightsKept,
    weightBytes,
    heapUsedMB: round(heapUsed / MB),
    externalMB: round(external / MB),
  };
}

/** Steps a run of `years` years (default settings otherwise), reading memory at the end of each year named. */
async function longRun(
  overrides: Partial<Settings>,
  years: number,
  at: readonly number[],
): Promise<{ readings: Map<number, Reading>; ms: number }> {
  const { backend } = await initBackend();
  const engine = new Engine(settingsWith({ ...overrides, days: years * YEAR }), { backend });
  const readings = new Map<number, Reading>();
  const t0 = performance.now();
  while (!engine.done) {
    engine.step(); // the day's result is dropped at once
    const year = engine.day / YEAR;
    if (at.includes(year)) readings.set(year, read(engine));
  }
  return { readings, ms: Math.round(performance.now() - t0) };
}

describe('a ten-year run in Node (logistic, daily, seed 1)', () => {
  it('keeps tensors flat, registry weights bounded and heap growth under 20 MB', async () => {
    const { readings, ms } = await longRun({ model: 'logistic' }, 10, [1, 10]);
    const y1 = readings.get(1)!;
    const y10 = readings.get(10)!;
    const heapGrowthMB = round(y10.heapUsedMB - y1.heapUsedMB);
    recordFigures('long-run-node', {
      model: 'logistic',
      days: 10 * YEAR,
      wallClockMs: ms,
      numTensorsYear1: y1.numTensors,
      numTensorsYear10: y10.numTensors,
      numBytesYear1: y1.numBytes,
      numBytesYear10: y10.numBytes,
      registryVersionsYear1: y1.versions,
      registryVersionsYear10: y10.versions,
      registryWeightsKeptYear1: y1.weightsKept,
      registryWeightsKeptYear10: y10.weightsKept,
      registryWeightBytesYear1: y1.weightBytes,
      registryWeightBytesYear10: y10.weightBytes,
      heapUsedMBYear1: y1.heapUsedMB,
      heapUsedMBYear10: y10.heapUsedMB,
      heapGrowthMB,
      heapGrowthLimitMB: HEAP_GROWTH_LIMIT_MB,
      externalMBYear1: y1.externalMB,
      externalMBYear10: y10.externalMB,
    });

    expect(y10.numTensors).toBe(y1.numTensors);
    expect(y10.numBytes).toBe(y1.numBytes);
    expect(y10.backendBuffers).toBe(y1.backendBuffers);

    // Every version stays in the registry's catalogue (one job a day)...
    expect(y10.versions).toBeGreaterThan(y1.versions + 9 * (YEAR - 2));
    // ...but weights only for a year of served versions, a few candidates and the pinned few.
    expect(y10.weightsKept).toBeLessThanOrEqual(RETAIN_DAYS + KEEP_CANDIDATES + PINNED);
    const bytesPerVersion = y1.weightBytes / y1.weightsKept;
    expect(y10.weightBytes).toBe(y10.weightsKept * bytesPerVersion);
    expect(y10.weightBytes).toBeLessThanOrEqual(
      (RETAIN_DAYS + KEEP_CANDIDATES + PINNED) * bytesPerVersion,
    );

    expect(heapGrowthMB).toBeLessThanOrEqual(HEAP_GROWTH_LIMIT_MB);
  }, 600_000);
});

describe('a three-year run in Node (MLP, 250 visitors a day)', () => {
  // Half the default visitors: the MLP trains about six times slower than the
  // logistic model, and a leak would not depend on the number of rows.
  it('keeps tensors flat and registry weights bounded', async () => {
    const { readings, ms } = await longRun({ model: 'mlp', visitorsPerDay: 250 }, 3, [1, 3]);
    const y1 = readings.get(1)!;
    const y3 = readings.get(3)!;
    recordFigures('long-run-node', {
      mlp: {
        days: 3 * YEAR,
        visitorsPerDay: 250,
        wallClockMs: ms,
        numTensorsYear1: y1.numTensors,
        numTensorsYear3: y3.numTensors,
        numBytesYear1: y1.numBytes,
        numBytesYear3: y3.numBytes,
        registryVersionsYear3: y3.versions,
        registryWeightsKeptYear1: y1.weightsKept,
        registryWeightsKeptYear3: y3.weightsKept,
        registryWeightBytesYear1: y1.weightBytes,
        registryWeightBytesYear3: y3.weightBytes,
        heapUsedMBYear1: y1.heapUsedMB,
        heapUsedMBYear3: y3.heapUsedMB,
        heapGrowthMB: round(y3.heapUsedMB - y1.heapUsedMB),
      },
    });
    expect(y3.numTensors).toBe(y1.numTensors);
    expect(y3.numBytes).toBe(y1.numBytes);
    // The MLP's steps make buffers outside the engine's books (directKernels.ts).
    expect(y3.backendBuffers).toBe(y1.backendBuffers);
    expect(y3.weightsKept).toBeLessThanOrEqual(RETAIN_DAYS + KEEP_CANDIDATES + PINNED);
    expect(y3.heapUsedMB - y1.heapUsedMB).toBeLessThanOrEqual(HEAP_GROWTH_LIMIT_MB);
  }, 600_000);
});

describe("the registry's retention", () => {
  const snapshot = (): ModelSnapshot => ({
    kind: 'logistic',
    features: 2,
    hidden: 0,
    scaler: { mean: new Float32Array(2), scale: new Float32Array([1, 1]) },
    params: [new Float32Array(3)],
  });
  const reference = { days: [1, 2], meanPrediction: 0.3, buyRate: 0.3 };

  /** A daily registry: v1 made on day 0, then one blessed version a day that serves one day. */
  function daily(lastDay: number, liveAccuracy: (day: number) => number): Registry {
    const registry = new Registry('daily');
    const add = (day: number, parent: number | null) =>
      registry.add(
        {
          parent,
          status: 'blessed',
          validationAccuracy: 0.8,
          createdDay: day,
          trainedThroughDay: day,
          reference,
        },
        snapshot(),
      );
    registry.promote(add(0, null));
    for (let day = 63; day <= lastDay; day++) {
      registry.served(registry.serving!, liveAccuracy(day));
      registry.promote(add(day, registry.serving));
    }
    return registry;
  }

  it('drops nothing in the first year', () => {
    const registry = daily(YEAR, () => 0.8);
    const { versions, weightsKept } = registry.summary();
    expect(weightsKept).toBe(versions);
  });

  it('keeps weights of served versions for RETAIN_DAYS days, plus the pinned few', () => {
    const last = 3 * YEAR;
    const registry = daily(last, () => 0.8);
    const { versions, weightsKept } = registry.summary();
    expect(versions).toBe(1 + (last - 63 + 1));
    for (let v = 1; v <= versions; v++) {
      const e = registry.get(v)!;
      // Made on the last day past retention: the newest known good there (all are here).
      const pinned = v === 1 || v === registry.previous || e.createdDay === last - YEAR - 1;
      const kept = pinned || e.createdDay >= last - YEAR;
      expect(e.snapshot !== null, `v${v} (day ${e.createdDay})`).toBe(kept);
      // The monitoring reference goes with the weights: only a rollback reads it.
      expect(e.reference !== null).toBe(kept);
    }
    expect(weightsKept).toBeLessThanOrEqual(RETAIN_DAYS + KEEP_CANDIDATES + PINNED);
  });

  it('keeps the newest known-good version past retention while nothing younger qualifies', () => {
    const good = 100;
    // Every version but the one made on day `good` serves far below its held-out accuracy.
    const registry = daily(3 * YEAR, (day) => (day === good + 1 ? 0.8 : 0.5));
    const target = registry.rollbackTarget(3 * YEAR);
    expect(target?.createdDay).toBe(good);
    expect(target?.snapshot).not.toBeNull();
    expect(registry.get(target!.version - 1)?.snapshot).toBeNull();
    expect(registry.get(target!.version + 1)?.snapshot).toBeNull();
  });

  it('a rollback to a version whose weights were dropped is refused, saying why', async () => {
    const days = YEAR + 70;
    const settings = settingsWith({ days, visitorsPerDay: 50 });
    const plain = await runSimulation(settings);
    const recent = plain.days[days - 40].dynamic!.servingVersion;
    const { days: out } = await runSimulation(settings, {
      interventions: [
        { day: days - 2, kind: 'rollback', version: 2 },
        { day: days - 2, kind: 'rollback', version: recent },
      ],
    });
    const [refused, done] = out[days - 3].audit.filter((a) => a.action === 'rollback');
    expect(refused.to).toBe(refused.from);
    expect(refused.why).toMatch(/v2 refused: its weights were dropped/);
    expect(done.to).toBe(recent);
    expect(out[days - 2].dynamic!.servingVersion).toBe(recent);
  });
});
