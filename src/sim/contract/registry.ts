/**
 * Part of the JSON contract (src/sim/contract): training operations as plain
 * data. What a training job produced, what the gates decided, the audit log of
 * promotions, rejections and rollbacks, and the interventions a person made.
 *
 * Owns: these shapes and the weight-retention period. Fields are added, never
 * renamed or removed; names ending in `Ms` are timings.
 * Must not touch: how they are computed (src/sim/ops: registry.ts, gates.ts,
 * dataGate.ts, pipeline.ts).
 */
import type { IsoDate } from '../world/calendar';

/**
 * Versions that served keep their weights for this many days after they were
 * made (src/sim/ops/registry.ts applies it; the UI reads it to offer only
 * rollbacks that can work). Here, not in registry.ts, so the page can read it
 * without loading the model code.
 */
export const RETAIN_DAYS = 365;

/** blessed: passed the gates (promoted to serving); rejected: failed a gate; failed: training broke. */
export type VersionStatus = 'blessed' | 'rejected' | 'failed';

/** A candidate's and the serving version's scores on the same held-out day. */
export interface GateScores {
  accuracy: number;
  logLoss: number;
}

/** The validation gate's evidence for one candidate. */
export interface ValidationRecord {
  /** The held-out labelled day(s), not used to train the candidate. */
  from: IsoDate;
  to: IsoDate;
  rows: number;
  candidate: GateScores;
  /** Null for the first version (checked against the floor only). */
  serving: GateScores | null;
}

/** A day the data gate kept out of a job's training window, and why. */
export interface QuarantinedDay {
  date: IsoDate;
  reason: string;
}

/** One training job of the dynamic model (or version 1), as the registry records it. */
export interface JobRecord {
  version: number;
  parentVersion: number | null;
  status: VersionStatus;
  /** Why it was rejected or failed; null when blessed. */
  reason: string | null;
  /** True when this version started serving (blessed with the gate on, or any finite job with it off). */
  promoted: boolean;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  /** Days in the window that trained (after quarantine). */
  trainDays: number;
  rows: number;
  steps: number;
  /** Training loss at each recorded step (step 0 = before training). */
  losses: { step: number; loss: number }[];
  validation: ValidationRecord | null;
  quarantined: QuarantinedDay[];
  /** The gates as they stood for this job. */
  gates: { validation: boolean; data: boolean };
  /** Per feature: the change in log-odds per unit the candidate learned (effects.ts's measure). */
  effects: number[];
  corruptedLabels: boolean;
  durationMs: number;
}

export type AuditAction = 'promote' | 'reject' | 'fail' | 'rollback' | 'gate';

/** One entry of the audit log: every promotion, rejection, failure, rollback and gate switch. */
export interface AuditEntry {
  date: IsoDate;
  action: AuditAction;
  /** The serving version before and after (equal for rejections and failures). */
  from: number | null;
  to: number | null;
  /** Who or what decided, in words. */
  why: string;
}

/** An action taken by a person during a run, replayed exactly from settings plus this list. */
export type Intervention =
  | { day: number; kind: 'rollback'; version: number }
  | { day: number; kind: 'gate'; gate: 'validation' | 'data'; on: boolean };
