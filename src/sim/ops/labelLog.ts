/**
 * The label log: every day's logged features and labels, kept for as long as
 * a training window may need them.
 *
 * Owns: storing days, answering "which labelled days are available to a job
 * on day t" under the label delay, and dropping days no job can reach again.
 * Must not touch: models. The log itself is never corrupted; a buggy job
 * corrupts only its own copy (jobs.ts).
 */
import type { DayData } from '../world/visitors';

export class LabelLog {
  private readonly days = new Map<number, DayData>();

  /** @param keepDays how many most recent days any job may still read. */
  constructor(
    private readonly labelDelay: number,
    private readonly keepDays: number,
  ) {}

  /** Logs day `data.day` and forgets days older than any window can reach. */
  add(data: DayData): void {
    this.days.set(data.day, data);
    const oldest = data.day - this.keepDays - this.labelDelay;
    for (const day of this.days.keys()) if (day < oldest) this.days.delete(day);
  }

  /** The newest day whose labels are known at the end of day `today`. */
  lastLabelledDay(today: number): number {
    return today - this.labelDelay;
  }

  /**
   * The labelled days a job at the end of day `today` may train on: at most
   * `window` days, ending at the newest labelled one, never before `firstDay`.
   */
  window(today: number, window: number, firstDay = 1): DayData[] {
    const last = this.lastLabelledDay(today);
    const out: DayData[] = [];
    for (let day = Math.max(firstDay, last - window + 1); day <= last; day++) {
      const data = this.days.get(day);
      if (data) out.push(data);
    }
    return out;
  }

  /** Number of days held (bounded by keepDays + labelDelay + 1). */
  get size(): number {
    return this.days.size;
  }
}
