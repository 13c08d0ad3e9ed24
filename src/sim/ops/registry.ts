/**
 * The model registry of the dynamic model: every job's version, immutable,
 * with the `serving` and `previous` aliases and the audit log.
 *
 * Owns: version ids, which versions keep their weights, the aliases, what
 * each version did while serving (days, live accuracy), and "last known good".
 * Must not touch: training, gates or the serving model (the pipeline moves
 * weights between them).
 *
 * Memory stays bounded: the weights of every version that served are kept
 * (they are small: 11 numbers for the logistic model, about 200 for the MLP,
 * plus the scaler), and of the last KEEP_CANDIDATES candidates that never did.
 */
import { cloneSnapshot, type ModelSnapshot } from '../model';
import type { Cadence } from '../settings';
import type { AuditEntry, VersionStatus } from './registryTypes';

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

  /** Registers a new version (weights copied, so the entry can never change). */
  add(
    entry: Omit<VersionEntry, 'version' | 'servedDays' | 'accuracySum' | 'snapshot'>,
    snapshot: ModelSnapshot | null,
  ): number {
    const version = this.nextId++;
    this.versions.set(version, {
      ...entry,
      version,
      snapshot: snapshot ? cloneSnapshot(snapshot) : null,
      servedDays: 0,
      accuracySum: 0,
    });
    this.prune();
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
  rollbackTarget(day: number, cadence: Cadence): VersionEntry | null {
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

  /** Drops the weights of candidates that never served, beyond the newest KEEP_CANDIDATES. */
  private prune(): void {
    let candidates = 0;
    const newestFirst = [...this.versions.values()].sort((a, b) => b.version - a.version);
    for (const e of newestFirst) {
      if (e.servedDays > 0 || e.version === this.serving || !e.snapshot) continue;
      candidates++;
      if (candidates > KEEP_CANDIDATES) e.snapshot = null;
    }
  }
}
