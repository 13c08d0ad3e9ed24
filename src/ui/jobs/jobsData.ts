/**
 * The training-jobs panel's data, derived from day results up to the day on
 * screen: the dynamic model's jobs, the registry of versions with its
 * `serving` and `previous` aliases, the audit log, and the cost ledger of
 * both models side by side.
 *
 * Owns: every number the jobs panel shows, so tests can check them without
 * rendering. Must not touch: React, the store, or how the engine decides
 * (src/sim/ops); this only reads what the engine reported.
 */
import type {
  AuditEntry,
  DayResult,
  JobRecord,
  Ledger,
  ModelDay,
  VersionStatus,
} from '../../sim/contract';
import type { IsoDate } from '../../sim/world/calendar';

/** A job with the day it ran on (at that day's end) and what was true then. */
export interface DatedJob {
  day: number;
  date: IsoDate;
  /** The version that served the day the job ran (what the candidate was checked against). */
  servingVersion: number;
  /** The world's true per-feature effects on the job's day. */
  truth: (number | null)[];
  job: JobRecord;
}

export type Alias = 'serving' | 'previous';

/** One version in the registry, as it stands on the day on screen. */
export interface RegistryRow {
  version: number;
  parentVersion: number | null;
  status: VersionStatus;
  reason: string | null;
  /** Whether it started serving when made (a job that did not pass serves only with the gate off). */
  promoted: boolean;
  createdDay: number;
  createdDate: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  rows: number;
  /** The candidate's accuracy on its held-out day(s); null when unknown or training failed. */
  validationAccuracy: number | null;
  /** Days (up to the day on screen) this version served. */
  servedDays: number;
  /** Mean accuracy over those days; null when it never served. */
  liveAccuracy: number | null;
  aliases: Alias[];
}

export interface DatedAudit {
  day: number;
  entry: AuditEntry;
}

/** A model's cumulative training cost (the ledger fields of ModelDay). */
export type { Ledger };

export interface LedgerComparison {
  static: Ledger;
  dynamic: Ledger;
  /** Dynamic over static examples processed: "N x the training work"; null when static is 0. */
  examplesRatio: number | null;
  /** Dynamic over static training runs; null when static is 0. */
  runsRatio: number | null;
}

/** The days on screen, 1..view, clamped to what was computed. */
const onScreen = (days: readonly DayResult[], view: number) =>
  days.slice(0, Math.max(0, Math.min(view, days.length)));

/** Every job of the dynamic model up to day `view`, newest first. */
export function jobsUpTo(days: readonly DayResult[], view: number): DatedJob[] {
  const out: DatedJob[] = [];
  const shown = onScreen(days, view);
  for (let i = shown.length - 1; i >= 0; i--) {
    const d = shown[i];
    if (!d.dynamic) continue;
    for (let k = d.dynamic.jobs.length - 1; k >= 0; k--) {
      out.push({
        day: d.day,
        date: d.date,
        servingVersion: d.dynamic.servingVersion,
        truth: d.effects.truth,
        job: d.dynamic.jobs[k],
      });
    }
  }
  return out;
}

/**
 * The aliases on day `view`: `serving` is the version that served that day;
 * `previous` is the one that served just before it started (after a rollback,
 * the version rolled back from). Null when there is none.
 */
export function aliasesAt(
  days: readonly DayResult[],
  view: number,
): { serving: number | null; previous: number | null } {
  const shown = onScreen(days, view);
  const today = shown.at(-1)?.dynamic;
  if (!today) return { serving: null, previous: null };
  const serving = today.servingVersion;
  for (let i = shown.length - 2; i >= 0; i--) {
    const v = shown[i].dynamic?.servingVersion;
    if (v === undefined) break; // the collection period: nothing served before
    if (v !== serving) return { serving, previous: v };
  }
  return { serving, previous: null };
}

/**
 * One row per version that exists by day `view`, newest first. Version 1 comes
 * from the collection period's training event (its validation accuracy is not
 * in the day results: pass it as `firstValidation`, e.g. from the summary).
 */
export function registryAt(
  days: readonly DayResult[],
  view: number,
  firstValidation: number | null = null,
): RegistryRow[] {
  const shown = onScreen(days, view);
  const served = new Map<number, { days: number; sum: number }>();
  for (const d of shown) {
    if (!d.dynamic) continue;
    const s = served.get(d.dynamic.servingVersion) ?? { days: 0, sum: 0 };
    s.days++;
    s.sum += d.dynamic.accuracy;
    served.set(d.dynamic.servingVersion, s);
  }
  const { serving, previous } = aliasesAt(days, view);
  const usage = (version: number) => {
    const s = served.get(version);
    const aliases: Alias[] = [];
    if (version === serving) aliases.push('serving');
    if (version === previous) aliases.push('previous');
    return {
      servedDays: s?.days ?? 0,
      liveAccuracy: s ? s.sum / s.days : null,
      aliases,
    };
  };

  const rows: RegistryRow[] = [];
  for (const d of shown) {
    for (const e of d.events) {
      if (e.model !== 'dynamic' || e.parentVersion !== null) continue;
      rows.push({
        version: e.version,
        parentVersion: null,
        status: 'blessed',
        reason: null,
        promoted: true,
        createdDay: d.day,
        createdDate: d.date,
        windowStart: e.windowStart,
        windowEnd: e.windowEnd,
        rows: e.rows,
        validationAccuracy: firstValidation,
        ...usage(e.version),
      });
    }
  }
  for (const { day, date, job } of jobsUpTo(days, view)) {
    rows.push({
      version: job.version,
      parentVersion: job.parentVersion,
      status: job.status,
      reason: job.reason,
      promoted: job.promoted,
      createdDay: day,
      createdDate: date,
      windowStart: job.windowStart,
      windowEnd: job.windowEnd,
      rows: job.rows,
      validationAccuracy: job.validation?.candidate.accuracy ?? null,
      ...usage(job.version),
    });
  }
  return rows.sort((a, b) => b.version - a.version);
}

/** Audit entries (promotions, rejections, failures, rollbacks, gate switches) up to `view`, newest first. */
export function auditUpTo(days: readonly DayResult[], view: number): DatedAudit[] {
  const out: DatedAudit[] = [];
  const shown = onScreen(days, view);
  for (let i = shown.length - 1; i >= 0; i--) {
    const { day, audit } = shown[i];
    for (let k = audit.length - 1; k >= 0; k--) out.push({ day, entry: audit[k] });
  }
  return out;
}

const ledgerOf = (m: ModelDay): Ledger => ({
  trainingRuns: m.trainingRuns,
  examplesProcessed: m.examplesProcessed,
  releases: m.releases,
  trainingMs: m.trainingMs,
  rejectedJobs: m.rejectedJobs,
  failedJobs: m.failedJobs,
});

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Both models' ledgers on day `view`, and how much more the dynamic one has trained; null before serving. */
export function ledgerAt(days: readonly DayResult[], view: number): LedgerComparison | null {
  const today = onScreen(days, view).at(-1);
  if (!today?.static || !today.dynamic) return null;
  const s = ledgerOf(today.static);
  const d = ledgerOf(today.dynamic);
  return {
    static: s,
    dynamic: d,
    examplesRatio: ratio(d.examplesProcessed, s.examplesProcessed),
    runsRatio: ratio(d.trainingRuns, s.trainingRuns),
  };
}

/** "4", "12", "2.5": a ratio as the number before "×". */
export function formatTimes(value: number): string {
  if (value >= 10) return Math.round(value).toLocaleString('en-GB');
  const one = Math.round(value * 10) / 10;
  return Number.isInteger(one) ? String(one) : one.toFixed(1);
}

/** Steps of a "nice" axis end within a power of ten. */
const NICE = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * The top of a job's loss axis, which starts at zero: the smallest round
 * number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or
 * above the largest finite loss, so that 0.473 to 0.472 draws as the flat line
 * it is. 1 when no loss is finite and above zero.
 */
export function lossAxisTop(losses: readonly { loss: number }[]): number {
  let max = 0;
  for (const { loss } of losses) if (Number.isFinite(loss) && loss > max) max = loss;
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = NICE.find((n) => n * power >= max * (1 - 1e-12)) ?? 10;
  return Number((step * power).toPrecision(12));
}

/** An axis label for a loss: "0.5", "1.2", "40", "0.025" (no trailing zeros). */
export function formatLossTick(value: number): string {
  return String(Number(value.toPrecision(3)));
}
