/**
 * The prequential engine: advance the simulated world one day at a time.
 *
 * Owns: the order of a day (generate, serve, score, log, train) and the
 * strategies: the static model trained once at the end of the collection
 * period, the dynamic model starting as its copy and retrained on its cadence.
 * Must not touch: the clock for anything but timing fields, the DOM, or any
 * random source other than the run's seed. The TF.js backend must be
 * initialised before an engine is created (model/backend.ts).
 */
import { accuracy, baselineAccuracy, logLoss, mean } from './eval/metrics';
import { isFiniteSnapshot, type Trainer, tfjsTrainer } from './model';
import { runJob, splitRows, TRAINING, windowRows } from './ops/jobs';
import { LabelLog } from './ops/labelLog';
import { COLLECTION_DAYS, FIRST_SERVING_DAY, isDynamicJobDay } from './ops/schedule';
import { DynamicPipeline } from './ops/pipeline';
import { EMPTY_LEDGER, ServingModel } from './ops/servingModel';
import { DriftMonitor } from './eval/monitoring';
import { monitorDay, monitorVersion, versionReference } from './ops/monitorHooks';
import type {
  AuditEntry,
  BackendName,
  DayDrift,
  DayResult,
  FeatureEffects,
  Intervention,
  JobRecord,
  RunConfig,
  RunSummary,
  TrainingEvent,
} from './contract';
import { stream } from './rng';
import type { Settings } from './settings';
import { dateOfDay, holidayOn } from './world/calendar';
import { worldOf, worldTitle } from './world/knobs';
import type { Scenario } from './world/scenarios';
import { trueEffects } from './world/effects';
import { FEATURE_COUNT } from './world/features';
import { dayContext } from './world/truth';
import { type DayData, generateDay } from './world/visitors';
import { type HistoryRow, summarize } from './summary';

export interface EngineOptions {
  backend: BackendName;
  /** Milliseconds for timing fields only (default `performance.now`). */
  clock?: () => number;
  /** The training implementation (default TF.js; the benchmark passes a plain-TS twin). */
  trainer?: Trainer;
  /**
   * Drift monitoring (default on). Off only to measure what it costs: every
   * day's `drift` is then null.
   */
  monitoring?: boolean;
  /**
   * Each day's and each job's "What it learned" effects (default on). Many
   * worlds and the comparison turn them off (they show only accuracy): every
   * day's `effects` is then empty (`truth: []`, no model's), so is every job
   * record's, and every other figure is the same (tested).
   */
  effects?: boolean;
  /** Actions taken during the run (rollbacks, gate switches), each at the end of its day. */
  interventions?: Intervention[];
}

/** `performance.now` exists in Node, browsers and workers; src/sim is compiled without their libs. */
const defaultClock = (): number =>
  (globalThis as unknown as { performance: { now(): number } }).performance.now();

interface Validation {
  accuracy: number;
  logLoss: number;
  rows: number;
}

/** Interventions in the order of their days (a module function: this file takes no inline callbacks). */
function byDay(a: Intervention, b: Intervention): number {
  return a.day - b.day;
}

export class Engine {
  readonly config: RunConfig;
  private readonly scenario: Scenario;
  private readonly log: LabelLog;
  private readonly monitor: DriftMonitor;
  private readonly monitoring: boolean;
  private readonly effects: boolean;
  private pipeline: DynamicPipeline | null = null;
  private readonly interventions: Intervention[];
  private readonly clock: () => number;
  private readonly trainer: Trainer;
  private current = 0;
  private staticModel: ServingModel | null = null;
  private dynamicModel: ServingModel | null = null;
  private validation: Validation | null = null;
  /** Per day, only what the summary reads (summary.ts): a few numbers, whatever the run's length. */
  private readonly history: HistoryRow[] = [];
  private elapsedMs = 0;

  constructor(
    readonly settings: Settings,
    options: EngineOptions,
  ) {
    this.scenario = worldOf(settings);
    this.clock = options.clock ?? defaultClock;
    this.trainer = options.trainer ?? tfjsTrainer;
    this.monitoring = options.monitoring ?? true;
    this.effects = options.effects ?? true;
    this.interventions = [...(options.interventions ?? [])].sort(byDay);
    this.log = new LabelLog(settings.labelDelay, Math.max(COLLECTION_DAYS, settings.windowDays));
    this.monitor = new DriftMonitor(
      settings.driftWindowDays,
      settings.labelDelay,
      Math.max(COLLECTION_DAYS, settings.windowDays, settings.driftWindowDays) +
        settings.labelDelay +
        1,
    );
    this.config = {
      settings,
      scenarioTitle: worldTitle(settings),
      collectionDays: COLLECTION_DAYS,
      backend: options.backend,
      interventions: [...(options.interventions ?? [])],
    };
  }

  /** Days completed so far. */
  get day(): number {
    return this.current;
  }

  get done(): boolean {
    return this.current >= this.settings.days;
  }

  /** Simulates the next day and reports it. */
  step(): DayResult {
    if (this.done) throw new Error('the run is over');
    const started = this.clock();
    const day = ++this.current;
    const { seed, startDate, visitorsPerDay } = this.settings;
    const date = dateOfDay(startDate, day);
    const data = generateDay(
      seed,
      this.scenario,
      day,
      dayContext(date, this.scenario),
      visitorsPerDay,
    );

    const served =
      day >= FIRST_SERVING_DAY && this.staticModel && this.dynamicModel
        ? { static: this.staticModel.serve(data), dynamic: this.dynamicModel.serve(data) }
        : null;

    const effects: FeatureEffects = this.effects
      ? {
          truth: trueEffects(data.features, data.n, data.context, this.scenario, data.darkFeatures),
          static: served && this.staticModel ? this.staticModel.effects(data) : null,
          dynamic: served && this.dynamicModel ? this.dynamicModel.effects(data) : null,
        }
      : { truth: [], static: null, dynamic: null };
    const drift = served && this.monitoring ? monitorDay(this.monitor, data, served) : null;
    const audit: AuditEntry[] = [];
    if (served && this.pipeline && this.dynamicModel) {
      audit.push(
        ...this.pipeline.afterServing(
          day,
          served.dynamic.day.servingVersion,
          served.dynamic.day.accuracy,
        ),
      );
    }
    this.log.add(data);
    const events: TrainingEvent[] = [];
    const jobs: JobRecord[] = [];
    if (day === COLLECTION_DAYS) {
      events.push(...this.trainVersionOne(day));
      // What version 1 learned, on the last day it trained on: the cards show it from tonight.
      if (this.effects) {
        effects.static = this.staticModel?.effects(data) ?? null;
        effects.dynamic = this.dynamicModel?.effects(data) ?? null;
      }
    } else if (this.pipeline && day < this.settings.days && this.jobDue(day, date, drift)) {
      const outcome = this.pipeline.job(day);
      events.push(outcome.event);
      jobs.push(outcome.record);
      audit.push(...outcome.audit);
    }
    for (const iv of this.interventions) {
      if (iv.day === day && this.pipeline) audit.push(...this.pipeline.intervene(iv, day));
    }

    const result: DayResult = {
      day,
      date,
      phase: day >= FIRST_SERVING_DAY ? 'serving' : 'collection',
      holiday: holidayOn(date),
      visitors: data.n,
      buyRate: mean(data.labels),
      oracleAccuracy: accuracy(data.trueProb, data.labels),
      baselineAccuracy: baselineAccuracy(data.labels),
      static: served && this.staticModel ? this.staticModel.report(served.static.day) : null,
      dynamic:
        served && this.dynamicModel ? this.dynamicModel.report(served.dynamic.day, jobs) : null,
      darkFeatures: [...data.darkFeatures],
      effects,
      audit,
      drift,
      events,
      stepMs: 0,
    };
    result.stepMs = this.clock() - started;
    this.elapsedMs += result.stepMs;
    this.history.push({
      date,
      static: result.static && { accuracy: result.static.accuracy },
      dynamic: result.dynamic && { accuracy: result.dynamic.accuracy },
      oracleAccuracy: result.oracleAccuracy,
      baselineAccuracy: result.baselineAccuracy,
    });
    return result;
  }

  /** The run's totals so far. */
  summary(): RunSummary {
    return summarize(this.history, {
      validation: this.validation,
      staticLedger: this.staticModel?.ledger ?? null,
      dynamicLedger: this.dynamicModel?.ledger ?? null,
      backend: this.config.backend,
      registry: this.pipeline?.registry.summary() ?? {
        versions: 0,
        weightsKept: 0,
        weightBytes: 0,
      },
      totalMs: this.elapsedMs,
    });
  }

  /** End of the collection period: train, validate and release version 1 of both models. */
  private trainVersionOne(day: number): TrainingEvent[] {
    const seed = this.settings.seed;
    const days = this.log.window(day, COLLECTION_DAYS);
    const rows = windowRows(days, stream(seed, 'sample', day));
    const { train, holdout } = splitRows(rows, TRAINING.validationShare, stream(seed, 'split'));
    const t0 = this.clock();
    const job = runJob(this.settings.model, train, null, stream(seed, 'init', day), this.trainer);
    const p = this.trainer.predict(job.snapshot, holdout.x, holdout.n);
    const ms = this.clock() - t0;
    this.validation = {
      accuracy: accuracy(p, holdout.y),
      logLoss: logLoss(p, holdout.y),
      rows: holdout.n,
    };
    if (!isFiniteSnapshot(job.snapshot)) {
      throw new Error('training version 1 diverged (the weights are not finite numbers)');
    }
    const through = days[days.length - 1].day;
    const staticModel = new ServingModel(
      'static',
      job.snapshot,
      1,
      through,
      EMPTY_LEDGER,
      this.trainer,
    );
    staticModel.chargeJob(train.n, job.steps, ms);
    staticModel.release(job.snapshot, 1, through);
    this.staticModel = staticModel;
    this.dynamicModel = staticModel.copyAs('dynamic');
    const reference = this.monitoring ? versionReference(days, job.snapshot, train) : null;
    if (reference) {
      this.monitor.setGrid(days, FEATURE_COUNT);
      monitorVersion(this.monitor, 'static', 1, reference);
      monitorVersion(this.monitor, 'dynamic', 1, reference);
    }
    this.pipeline = new DynamicPipeline(
      {
        settings: this.settings,
        scenario: this.scenario,
        trainer: this.trainer,
        clock: this.clock,
        log: this.log,
        monitor: this.monitoring ? this.monitor : null,
        effects: this.effects,
      },
      this.dynamicModel,
      {
        snapshot: job.snapshot,
        validationAccuracy: this.validation.accuracy,
        collection: days,
        reference,
      },
    );
    const event = this.event(days, {
      model: 'static',
      version: 1,
      parentVersion: null,
      released: true,
      rows: train.n,
      steps: job.steps,
      warmStart: false,
      finalLoss: job.finalLoss,
      corruptedLabels: false,
      durationMs: ms,
    });
    return [event, { ...event, model: 'dynamic' }];
  }

  /** Whether the dynamic model's job runs at the end of `day` (its cadence, or an alarm). */
  private jobDue(day: number, date: string, drift: DayDrift | null): boolean {
    const { cadence, days } = this.settings;
    if (cadence !== 'alarm') return isDynamicJobDay(cadence, day, date, days);
    if (day < FIRST_SERVING_DAY || day >= days) return false;
    for (const a of drift?.alerts ?? [])
      if (a.model === 'dynamic' && a.kind !== 'input') return true;
    return false;
  }

  /** A training event over the given window of days. */
  private event(
    days: DayData[],
    job: Omit<TrainingEvent, 'kind' | 'windowStart' | 'windowEnd' | 'finalLoss'> & {
      finalLoss: number;
    },
  ): TrainingEvent {
    const start = this.settings.startDate;
    return {
      kind: 'trained',
      ...job,
      windowStart: dateOfDay(start, days[0].day),
      windowEnd: dateOfDay(start, days[days.length - 1].day),
      finalLoss: Number.isFinite(job.finalLoss) ? job.finalLoss : null,
    };
  }
}
