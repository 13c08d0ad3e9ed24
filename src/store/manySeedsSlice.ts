/**
 * Many worlds: the lab's settings run on several seeds at once on the
 * client's pool of workers, reduced to each model's median daily accuracy
 * with its 10-90% band and a summary over the seeds (src/sim/seeds.ts).
 *
 * Owns: the seed count, the run's progress, its result (computed once when
 * it arrives; its band on a rolling mean once per window: bandFor), why the last one failed, cancelling it, and the estimate of
 * its time. A result belongs to the settings it was run with: a run whose
 * settings are no longer the lab's is stopped at its next progress report,
 * and a result is dropped when the settings change (labStore.ts wires that).
 * Must not touch: the lab's own run (many worlds run beside it).
 */
import type { ModelRole } from '../sim/contract';
import {
  type BandDay,
  MAX_SEEDS,
  seedBands,
  type SeedRow,
  seedRow,
  type SeedRun,
  type SeedSummary,
  summariseSeeds,
} from '../sim/seeds';
import type { DayResult, RunSummary } from '../sim/contract';
import { LIMITS, type Settings } from '../sim/settings';
import type { EngineClient } from '../worker/client/engineClient';
import { poolSize } from '../worker/client/pool';
import type { RunFailure } from '../worker/shared/protocol';
import type { Notice, SliceGet, SliceSet } from './labTypes';

export type { BandDay, SeedBands, SeedSummary } from '../sim/seeds';

/** The seed counts offered on screen (the slice takes any from 2 to MAX_SEEDS). */
export const SEED_COUNTS = [10, 20, 50] as const;
export const DEFAULT_SEED_COUNT = 10;

/** A finished many-worlds run: what the chart and its sentence show. */
export interface ManySeedsResult {
  settings: Settings;
  seeds: number[];
  rows: SeedRow[];
  summary: SeedSummary;
  /** Each seed's digest (daily accuracy): the bands for other rolling means and the counts read them. */
  runs: readonly SeedRun[];
  /** Each model's band on the daily accuracy (bandFor gives it on a rolling mean). */
  band: Record<ModelRole, BandDay[]>;
}

/**
 * Each model's band on each seed's `rolling`-day trailing mean, as the chart
 * draws its lines (computed once per result and window: seeds.ts seedBands),
 * up to day `view` like the lines: the seeds' later days are not on screen
 * yet (before a guess they would give its answer away).
 */
export function bandFor(
  result: ManySeedsResult,
  rolling: number,
  view: number = Number.POSITIVE_INFINITY,
): Record<ModelRole, BandDay[]> {
  const bands = rolling > 1 ? seedBands(result.runs, rolling) : result.band;
  const upTo = (band: BandDay[]) => {
    const last = band.at(-1);
    return !last || last.day <= view ? band : band.filter((d) => d.day <= view);
  };
  return { static: upTo(bands.static), dynamic: upTo(bands.dynamic) };
}

export interface ManySeedsSlice {
  /** Seeds a run takes: the lab's seed and the ones after it (2..MAX_SEEDS). */
  seedCount: number;
  /** Seeds finished (with fractions for those under way) while a run goes; else null. */
  seedsProgress: { done: number; total: number } | null;
  seedsResult: ManySeedsResult | null;
  /** Why the last run stopped, until the next one starts. */
  seedsError: string | null;
  setSeedCount(count: number): void;
  /** Runs the lab's settings on `seedCount` seeds (nothing while one runs). */
  runManySeeds(): void;
  /** Stops the run under way, if any (its workers are terminated; no error shows). */
  cancelManySeeds(): void;
  /** Takes the result off the chart. */
  clearManySeeds(): void;
  /** Starts the pool's workers while the row is open and idle, so a press pays no start-up. */
  warmManySeeds(): void;
  /** Stops the workers started ahead that no run took (the row closed). */
  coolManySeeds(): void;
}

interface Others {
  settings: Settings;
  days: DayResult[];
  summary: RunSummary | null;
  failure: RunFailure | null;
  addNotice(notice: Notice): void;
}

type Lab = ManySeedsSlice & Others;

/** The seeds of a run: the lab's seed and the next count-1 (moved down if they would pass the last seed). */
export function seedsFor(seed: number, count: number): number[] {
  const first = Math.max(LIMITS.seed.min, Math.min(seed, LIMITS.seed.max - count + 1));
  return Array.from({ length: count }, (_, i) => first + i);
}

export const clampSeedCount = (count: number): number =>
  Math.max(2, Math.min(MAX_SEEDS, Math.round(Number.isFinite(count) ? count : DEFAULT_SEED_COUNT)));

/**
 * The time a run of `count` seeds should take, in ms: the lab's own run of
 * these settings (when it has finished) per seed, times the seeds, over the
 * pool's workers; null before the lab's run has finished.
 */
export function seedsEstimateMs(
  state: Pick<Lab, 'settings' | 'days' | 'summary'>,
  count: number,
  cores: number | undefined,
): number | null {
  const { summary, days, settings } = state;
  if (!summary || days.length < settings.days || !(summary.totalMs > 0)) return null;
  return (summary.totalMs * count) / poolSize(cores, count);
}

/** The result of the runs, reduced once: rows, summary and each model's band. */
export function manySeedsResult(settings: Settings, runs: readonly SeedRun[]): ManySeedsResult {
  const rows = runs.map(seedRow);
  return {
    settings,
    seeds: runs.map((r) => r.seed),
    rows,
    summary: summariseSeeds(rows),
    runs,
    band: seedBands(runs, 1),
  };
}

export function createManySeedsSlice(
  set: SliceSet<Lab>,
  get: SliceGet<Lab>,
  client: EngineClient,
): ManySeedsSlice {
  /** Stops the run under way; null when none runs. */
  let running: AbortController | null = null;
  return {
    seedCount: DEFAULT_SEED_COUNT,
    seedsProgress: null,
    seedsResult: null,
    seedsError: null,
    setSeedCount(count) {
      set({ seedCount: clampSeedCount(count) });
    },
    runManySeeds() {
      if (get().seedsProgress) return;
      const settings = get().settings;
      const seeds = seedsFor(settings.seed, get().seedCount);
      const controller = new AbortController();
      running = controller;
      const mine = () => running === controller;
      set({ seedsProgress: { done: 0, total: seeds.length }, seedsError: null });
      client
        .seeds(
          settings,
          seeds,
          (done, total) => {
            if (!mine()) return;
            // Settings changed: the result would be dropped, so its workers stop now.
            if (get().settings !== settings) controller.abort();
            else set({ seedsProgress: { done, total } });
          },
          controller.signal,
        )
        .then(
          (runs) => {
            if (!mine()) return;
            running = null;
            if (get().settings !== settings) {
              set({ seedsProgress: null });
              return;
            }
            try {
              set({ seedsResult: manySeedsResult(settings, runs), seedsProgress: null });
            } catch (error) {
              fail(error);
            }
          },
          (error: unknown) => {
            if (!mine()) return;
            running = null;
            if (controller.signal.aborted) set({ seedsProgress: null });
            else fail(error);
          },
        );
    },
    cancelManySeeds() {
      running?.abort();
    },
    clearManySeeds() {
      set({ seedsResult: null, seedsError: null });
    },
    warmManySeeds() {
      if (!running) client.warmSeeds?.(get().settings, get().seedCount);
    },
    coolManySeeds() {
      client.coolSeeds?.();
    },
  };

  function fail(error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    set({ seedsProgress: null, seedsError: message });
    // A dead engine already has its banner (with Restart); anything else gets a notice.
    if (get().failure) return;
    get().addNotice({
      id: 'many-seeds',
      tone: 'warning',
      text: `The runs on many seeds could not finish: ${message}`,
    });
  }
}
