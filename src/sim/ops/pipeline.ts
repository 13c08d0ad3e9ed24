/**
 * The dynamic model's training pipeline: each job's data gate, training,
 * validation gate and promotion; manual and automatic rollback; gate switches.
 *
 * Owns: what happens between "a job is due" and "a version serves", and the
 * records of it (JobRecord, AuditEntry, the registry).
 * Must not touch: scheduling (the engine says when), serving or scoring.
 */
import { PageHinkley } from '../eval/detectors';
import type { DriftMonitor } from '../eval/monitoring';
import { PAGE_HINKLEY_OPTIONS } from '../eval/monitoring';
import {
  cloneSnapshot,
  isFiniteSnapshot,
  modelEffects,
  type ModelSnapshot,
  type Trainer,
} from '../model';
import {
  type AuditEntry,
  type Intervention,
  type JobRecord,
  type QuarantinedDay,
  RETAIN_DAYS,
  type TrainingEvent,
} from '../contract';
import { stream } from '../rng';
import type { Settings } from '../settings';
import { dateOfDay, type IsoDate } from '../world/calendar';
import type { Scenario } from '../world/scenarios';
import type { DayData } from '../world/visitors';
import { checkDay, type Expectations, learnExpectations } from './dataGate';
import { divergence, validateOnHoldout } from './gates';
import { corruptLabels, RowBuffer, runJob, windowRows } from './jobs';
import type { LabelLog } from './labelLog';
import { monitorVersion, versionReference } from './monitorHooks';
import { emptyRecord, eventOf } from './jobRecords';
import { Registry } from './registry';
import type { ServingModel } from './servingModel';

export interface PipelineDeps {
  settings: Settings;
  scenario: Scenario;
  trainer: Trainer;
  clock: () => number;
  log: LabelLog;
  monitor: DriftMonitor | null;
  /**
   * Whether each job's record holds what the new version learned (its
   * effects): off for runs that show none (many worlds, the comparison), where
   * an MLP's took about a fifth of the year's time.
   */
  effects: boolean;
}

export interface JobOutcome {
  event: TrainingEvent;
  record: JobRecord;
  audit: AuditEntry[];
}

/** A training loss as a job record keeps it: -1 for a loss that is not a number. */
function recordedLoss(l: { step: number; loss: number }): { step: number; loss: number } {
  return { step: l.step, loss: Number.isFinite(l.loss) ? l.loss : -1 };
}

export class DynamicPipeline {
  readonly registry: Registry;
  readonly gates: { validation: boolean; data: boolean };
  private readonly expectations: Expectations;
  private rollbackDetector = new PageHinkley(PAGE_HINKLEY_OPTIONS);
  private lastPromotionDay = 0;
  private readonly verdicts = new Map<number, string | null>();
  /** Every job's rows, one buffer reused (see RowBuffer). */
  private readonly rowBuffer = new RowBuffer();

  constructor(
    private readonly deps: PipelineDeps,
    private readonly model: ServingModel,
    versionOne: {
      snapshot: ModelSnapshot;
      validationAccuracy: number;
      collection: DayData[];
      reference: { days: number[]; meanPrediction: number; buyRate: number } | null;
    },
  ) {
    this.registry = new Registry(deps.settings.cadence);
    this.gates = { validation: deps.settings.validationGate, data: deps.settings.dataGate };
    this.expectations = learnExpectations(versionOne.collection);
    const version = this.registry.add(
      {
        parent: null,
        status: 'blessed',
        validationAccuracy: versionOne.validationAccuracy,
        createdDay: 0,
        trainedThroughDay: model.trainedThroughDay,
        reference: versionOne.reference,
      },
      versionOne.snapshot,
    );
    this.registry.promote(version);
  }

  /** The data gate's verdict on a day (cached: a logged day never changes). */
  private check(d: DayData): string | null {
    let verdict = this.verdicts.get(d.day);
    if (verdict === undefined) {
      verdict = checkDay(this.expectations, d);
      this.verdicts.set(d.day, verdict);
      for (const old of this.verdicts.keys()) if (old < d.day - 400) this.verdicts.delete(old);
    }
    return verdict;
  }

  private date(day: number): IsoDate {
    return dateOfDay(this.deps.settings.startDate, day);
  }

  /** One job at the end of `day`: gates, training, validation, promotion. */
  job(day: number): JobOutcome {
    const { settings, scenario, trainer, clock, log } = this.deps;
    const labelled = log.window(day, settings.windowDays + 1);
    const holdout = labelled.length > 1 ? labelled[labelled.length - 1] : null;
    const window = holdout ? labelled.slice(0, -1) : labelled;
    const quarantined: QuarantinedDay[] = [];
    // A loop, not a callback made per job (see directKernels.ts on closures and V8).
    const kept: DayData[] = [];
    for (const d of window) {
      const reason = this.gates.data ? this.check(d) : null;
      if (reason) quarantined.push({ date: this.date(d.day), reason });
      else kept.push(d);
    }
    const gates = { ...this.gates };
    const parentVersion = this.registry.serving;
    const t0 = clock();
    if (kept.length === 0) {
      return this.failed(
        day,
        window,
        quarantined,
        gates,
        'every day of the window failed the data gate',
        clock() - t0,
      );
    }
    const rows = windowRows(kept, stream(settings.seed, 'sample', day), undefined, this.rowBuffer);
    const bug = scenario.labelBug;
    const corrupted = bug !== null && day >= bug.fromDay && day < bug.fromDay + bug.days;
    if (corrupted) corruptLabels(rows, bug.flipShare, stream(settings.seed, 'fault', day));
    const parent = settings.warmStart ? this.model.snapshot : null;
    const job = runJob(
      settings.model,
      rows,
      parent,
      stream(settings.seed, 'init', day),
      trainer,
      settings.learningRate,
    );
    const failure = divergence(isFiniteSnapshot(job.snapshot), job.losses, job.finalLoss);
    const { validation, verdict } =
      !failure && holdout
        ? validateOnHoldout(job.snapshot, this.model.snapshot, holdout, this.date(holdout.day))
        : { validation: null, verdict: null };
    const ms = clock() - t0;
    const status = failure ? 'failed' : verdict ? 'rejected' : 'blessed';
    const promoted = status === 'blessed' || (status === 'rejected' && !gates.validation);
    const version = this.registry.add(
      {
        parent: parentVersion,
        status,
        validationAccuracy: validation?.candidate.accuracy ?? null,
        createdDay: day,
        trainedThroughDay: kept[kept.length - 1].day,
        reference:
          promoted && this.deps.monitor ? versionReference(kept, job.snapshot, rows) : null,
      },
      failure ? null : job.snapshot,
    );
    this.model.chargeJob(rows.n, job.steps, ms, promoted ? 'blessed' : status);
    const reason =
      failure ??
      (verdict
        ? promoted
          ? `the validation gate is off, so it serves although ${verdict}`
          : verdict
        : null);
    if (promoted) this.promote(version, job.snapshot, kept[kept.length - 1].day, day);
    const audit: AuditEntry[] = [
      {
        date: this.date(day),
        action: promoted ? 'promote' : failure ? 'fail' : 'reject',
        from: parentVersion,
        to: promoted ? version : parentVersion,
        why: reason ?? (promoted ? 'passed the validation gate' : ''),
      },
    ];
    const record: JobRecord = {
      version,
      parentVersion,
      status,
      reason,
      promoted,
      windowStart: this.date(kept[0].day),
      windowEnd: this.date(kept[kept.length - 1].day),
      trainDays: kept.length,
      rows: rows.n,
      steps: job.steps,
      losses: job.losses.map(recordedLoss),
      validation,
      quarantined,
      gates,
      effects: failure || !this.deps.effects ? [] : modelEffects(job.snapshot, rows.x, rows.n),
      corruptedLabels: corrupted,
      durationMs: ms,
    };
    const event = eventOf(record, settings.warmStart, job.finalLoss);
    return { event, record, audit };
  }

  /** A person's action at the end of `day`. */
  intervene(iv: Intervention, day: number): AuditEntry[] {
    const date = this.date(day);
    if (iv.kind === 'gate') {
      this.gates[iv.gate] = iv.on;
      const serving = this.registry.serving;
      return [
        {
          date,
          action: 'gate',
          from: serving,
          to: serving,
          why: `${iv.gate} gate switched ${iv.on ? 'on' : 'off'} by hand`,
        },
      ];
    }
    return this.rollback(iv.version, day, 'rolled back by hand');
  }

  /**
   * After a serving day: records the version's live accuracy and, with
   * automatic rollback on, watches the daily error rate (Page-Hinkley, not
   * reset by daily promotions) and rolls back to the last known good version
   * when it fires within a week of a promotion.
   */
  afterServing(day: number, version: number, dayAccuracy: number): AuditEntry[] {
    this.registry.served(version, dayAccuracy);
    if (!this.deps.settings.autoRollback) return [];
    this.rollbackDetector.update(1 - dayAccuracy);
    if (!this.rollbackDetector.driftDetected || day - this.lastPromotionDay > 7) return [];
    const target = this.registry.rollbackTarget(day);
    if (!target) return [];
    return this.rollback(
      target.version,
      day,
      `automatic: the daily error rate rose to ${((1 - dayAccuracy) * 100).toFixed(1)}% (Page-Hinkley) after a promotion; v${target.version} is the last known good version`,
    );
  }

  private rollback(version: number, day: number, why: string): AuditEntry[] {
    const date = this.date(day);
    const entry = this.registry.get(version);
    const from = this.registry.serving;
    if (!entry?.snapshot || (entry.servedDays === 0 && version !== 1)) {
      return [
        {
          date,
          action: 'rollback',
          from,
          to: from,
          why: `rollback to v${version} refused: ${
            entry && entry.servedDays > 0
              ? `its weights were dropped (a served version keeps them for ${RETAIN_DAYS} days)`
              : 'it never served or its weights are gone'
          }`,
        },
      ];
    }
    this.model.release(cloneSnapshot(entry.snapshot), version, entry.trainedThroughDay);
    this.registry.promote(version);
    this.rollbackDetector = new PageHinkley(PAGE_HINKLEY_OPTIONS);
    if (this.deps.monitor && entry.reference) {
      monitorVersion(this.deps.monitor, 'dynamic', version, entry.reference);
    }
    return [{ date, action: 'rollback', from, to: version, why }];
  }

  private promote(
    version: number,
    snapshot: ModelSnapshot,
    trainedThrough: number,
    day: number,
  ): void {
    this.model.release(snapshot, version, trainedThrough);
    this.registry.promote(version);
    this.lastPromotionDay = day;
    const reference = this.registry.get(version)?.reference;
    if (this.deps.monitor && reference)
      monitorVersion(this.deps.monitor, 'dynamic', version, reference);
  }

  private failed(
    day: number,
    window: DayData[],
    quarantined: QuarantinedDay[],
    gates: JobRecord['gates'],
    reason: string,
    ms: number,
  ): JobOutcome {
    const parentVersion = this.registry.serving;
    const version = this.registry.add(
      {
        parent: parentVersion,
        status: 'failed',
        validationAccuracy: null,
        createdDay: day,
        trainedThroughDay: day,
        reference: null,
      },
      null,
    );
    this.model.chargeJob(0, 0, ms, 'failed');
    const first = window[0]?.day ?? day;
    const last = window[window.length - 1]?.day ?? day;
    const record = emptyRecord(version, parentVersion, reason, {
      windowStart: this.date(first),
      windowEnd: this.date(last),
      quarantined,
      gates,
      durationMs: ms,
    });
    const event = eventOf(record, this.deps.settings.warmStart, NaN);
    return {
      event,
      record,
      audit: [
        {
          date: this.date(day),
          action: 'fail',
          from: parentVersion,
          to: parentVersion,
          why: reason,
        },
      ],
    };
  }
}
