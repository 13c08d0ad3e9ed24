/**
 * The model registry of the dynamic model: every job's version, immutable,
 * with the `serving` and `previous` aliases and the audit log.
 *
 * Owns: version ids, which versions keep their weights, the aliases, what
 * each version did while serving (days, live accuracy), and "last known good".
 * Must not touch: training, gates or the serving model (the pipeline moves
 * weights between them).
 *
 * Memory stays bounded however long the run: every version's entry is kept
 * (a few numbers each), but weights (11 numbers for the logistic model, about
 * 200 for the MLP, plus the scaler) only for
 * - versions made within the last RETAIN_DAYS days that served,
 * - the newest KEEP_CANDIDATES candidates that never served,
 * - version 1, the `serving` and `previous` versions, and the newest older
 *   version that counts as known good (what an automatic rollback may still
 *   pick when nothing younger qualifies).
 * A daily cadence makes a version a day, so weights of every version that ever
 * served would grow with the run (3,650 of them in ten years). A version
 * whose weights are dropped loses its monitoring reference too (only a
 * rollback reads it), and a rollback to it is refused, saying why. No run of a
 * year or less drops anything but candidates' weights.
 */
import { cloneSnapshot, type ModelSnapshot } from '../model';
import type { Cadence } from '../settings';
import { type AuditEntry, RETAIN_DAYS, type VersionStatus } from '../contract';

/** Candidates that never served keep their weights only while among the newest this many. */
export const KEEP_CANDIDATES = 5;
/** A version is "known good" after serving this many days (or its whole cadence period, if shorter). */
export const KNOWN_GOOD_DAYS = 7;
/** ...with live accuracy no lower than its held-out accuracy minus this. */
export const KNOWN_GOOD_TOLERANCE = 0.05;

/** Days a cadence leaves a version serving; "known good" asks for at most 7 of them. */
const PERIOD_DAYS: Record<Cadence, number> = { daily: 1, weekly: 7, monthly: 30, alarm: 7 };
/** Versions promoted this close to an alarm are suspects, never rollback targets. */
const SUSPECT_DAYS = 3;

export interface VersionEntry {
  version: number;
  parent: number | null;
  status: VersionStatus;
  /** Held-out accuracy from the gate (version 1: its validation split). */
  validationAccuracy: number | null;
  createdDay: number;
  /** The last day whose rows it trained on. */
  trainedThroughDay: number;
  /** What the drift monitor compares it with: its training days, mean prediction and buy rate there. */
  reference: { days: number[]; meanPrediction: number; buyRate: number } | null;
  snapshot: ModelSnapshot | null;
  servedDays: number;
  accuracySum: number;
}

export class Registry {
  private readonly versions = new Map<number, VersionEntry>();
  private nextId = 1;
  serving: number | null = null;
  previous: number | null = null;
  readonly audit: AuditEntry[] = [];

  /** @param cadence the dynamic model's cadence: how long "known good" asks a version to serve. */
  constructor(private readonly cadence: Cadence = 'daily') {}

  /** Registers a new version (weights copied, so the entry can never change). */
  add(
    entry: Omit<VersionEntry, 'version' | 'servedDays' | 'accuracySum' | 'snapshot'>,
    snapshot: ModelSnapshot | null,
  ): number {
    const version = this.nextId++;
    // Field by field, not by spreading `entry`: V8 gives a spread copy a large
    // out-of-object property store (about 0.8 KB), kept for every version.
    this.versions.set(version, {
      version,
      parent: entry.parent,
      status: entry.status,
      validationAccuracy: entry.validationAccuracy,
      createdDay: entry.createdDay,
      trainedThroughDay: entry.trainedThroughDay,
      reference: entry.reference,
      snapshot: snapshot ? cloneSnapshot(snapshot) : null,
      servedDays: 0,
      accuracySum: 0,
    });
    this.prune(entry.createdDay);
    return version;
  }

  get(version: number): VersionEntry | undefined {
    return this.versions.get(version);
  }

  /** Points `serving` at `version` (and `previous` at the one it replaces). */
  promote(version: number): void {
    if (this.serving !== version) this.previous = this.serving;
    this.serving = version;
  }

  /** Records one day of serving by `version` with its live accuracy. */
  served(version: number, accuracy: number): void {
    const entry = this.versions.get(version);
    if (!entry) return;
    entry.servedDays++;
    entry.accuracySum += accuracy;
  }

  /**
   * The newest version, promoted before `beforeDay`, that was blessed, served
   * at least min(KNOWN_GOOD_DAYS, periodDays) days, and whose live accuracy
   * held within KNOWN_GOOD_TOLERANCE of its held-out accuracy. Not merely
   * `previous`, which after several bad promotions may be bad too.
   */
  lastKnownGood(beforeDay: number, periodDays: number): VersionEntry | null {
    const need = Math.max(1, Math.min(KNOWN_GOOD_DAYS, periodDays));
    let best: VersionEntry | null = null;
    for (const e of this.versions.values()) {
      if (e.status !== 'blessed' || !e.snapshot || e.createdDay >= beforeDay) continue;
      if (e.servedDays < need || e.validationAccuracy === null) continue;
      const live = e.accuracySum / e.servedDays;
      if (live < e.validationAccuracy - KNOWN_GOOD_TOLERANCE) continue;
      if (!best || e.version > best.version) best = e;
    }
    return best;
  }

  /** Where an automatic rollback on `day` goes: the last known good version, if not the serving one. */
  rollbackTarget(day: number, cadence: Cadence = this.cadence): VersionEntry | null {
    const target = this.lastKnownGood(day - SUSPECT_DAYS, PERIOD_DAYS[cadence]);
    return target && target.version !== this.serving ? target : null;
  }

  /** Bytes held by kept weights (the registry's memory, reported per simulated year). */
  get weightBytes(): number {
    let bytes = 0;
    for (const e of this.versions.values()) {
      if (!e.snapshot) continue;
      bytes += e.snapshot.scaler.mean.byteLength + e.snapshot.scaler.scale.byteLength;
      for (const p of e.snapshot.params) bytes += p.byteLength;
    }
    return bytes;
  }

  get size(): number {
    return this.versions.size;
  }

  /** Versions, versions with weights, and bytes held. */
  summary(): { versions: number; weightsKept: number; weightBytes: number } {
    let kept = 0;
    for (const e of this.versions.values()) if (e.snapshot) kept++;
    return { versions: this.versions.size, weightsKept: kept, weightBytes: this.weightBytes };
  }

  /**
   * On `today`: drops the weights of candidates that never served, beyond the
   * newest KEEP_CANDIDATES, and of versions that served, once made more than
   * RETAIN_DAYS days ago (with the exceptions above).
   */
  private prune(today: number): void {
    let candidates = 0;
    const cutoff = today - RETAIN_DAYS;
    // Known good among the versions past retention: their serving is over (the
    // serving version is never dropped), so this stays the rollback target
    // from them for as long as nothing younger qualifies.
    const keep = this.lastKnownGood(cutoff, PERIOD_DAYS[this.cadence])?.version;
    // Versions are added in id order and a Map keeps that order: reversed, newest first.
    const newestFirst = [...this.versions.values()].reverse();
    for (const e of newestFirst) {
      if (e.version === this.serving || !e.snapshot) continue;
      if (e.servedDays === 0) {
        candidates++;
        if (candidates > KEEP_CANDIDATES) e.snapshot = null;
        continue;
      }
      const pinned = e.version === 1 || e.version === this.previous || e.version === keep;
      if (e.createdDay < cutoff && !pinned) {
        e.snapshot = null;
        e.reference = null;
      }
    }
  }
}
