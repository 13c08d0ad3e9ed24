/**
 * The rule that tells a busy engine worker from a gone one, shared by the
 * lab's own worker (engineClient.ts) and every worker of the pool (pool.ts).
 *
 * Owns: the silence limit and its check. A worker counts as gone when it stays
 * silent longer than STALL_MS, or STALL_FACTOR times the longest silence seen
 * so far while it owed something, whichever is longer: the engine sends a
 * batch or a heartbeat about every 100 ms while it computes, but one day is
 * never split, and a day whose training job reads a year of 20,000 visitors a
 * day with the MLP takes over ten seconds. Jobs grow with their window a day
 * at a time, so a slow job always follows a nearly as slow one. A worker that
 * was killed (out of memory, closed) sends nothing and raises no event, so only
 * this silence reveals it.
 * Must not touch: workers themselves (the caller says what is owed, what was
 * heard and what to do about a stall), the store, or the DOM.
 */

/** The shortest silence, while something is owed, that counts as a gone worker. */
export const STALL_MS = 15_000;
const STALL_FACTOR = 4;
/** How often the silence is checked. */
const WATCH_EVERY_MS = 1_000;

/** What the page says when a worker went silent (the comparison's error repeats it). */
export const stallMessage = (limitMs: number): string =>
  `the engine stopped answering (nothing for ${Math.round(limitMs / 1000)} s)`;

export interface Watchdog {
  /**
   * Starts the check; call it just before recording a new debt, so that when
   * nothing was owed until now, the idle spell before is not counted as silence.
   */
  arm(): void;
  /** A sign of life (a batch, a reply, a heartbeat). */
  heard(): void;
  /** Something owed arrived: stops the check when nothing is owed any more. */
  settled(): void;
  /** Stops the check (the worker is gone or replaced). */
  stop(): void;
  /** Stops the check and forgets the silences seen: a fresh worker starts at STALL_MS. */
  reset(): void;
}

/**
 * A watchdog over one worker. `owing` says whether the worker owes an answer
 * now; `onStall` hears the limit that was passed (once per stall; the check
 * stops, so call `reset` before arming it for a new worker).
 */
export function createWatchdog(
  owing: () => boolean,
  onStall: (limitMs: number) => void,
  stallMs = STALL_MS,
): Watchdog {
  let lastHeard = 0;
  /** The longest silence while something was owed, in this worker's life. */
  let longestGap = 0;
  let watch: ReturnType<typeof setInterval> | null = null;
  const limit = () => Math.max(stallMs, STALL_FACTOR * longestGap);
  const stop = () => {
    if (watch !== null) clearInterval(watch);
    watch = null;
  };
  return {
    arm() {
      if (!owing()) lastHeard = Date.now();
      watch ??= setInterval(() => {
        if (!owing()) stop();
        else if (Date.now() - lastHeard > limit()) {
          const passed = limit();
          stop();
          onStall(passed);
        }
      }, WATCH_EVERY_MS);
    },
    heard() {
      const now = Date.now();
      if (owing()) longestGap = Math.max(longestGap, now - lastHeard);
      lastHeard = now;
    },
    settled() {
      if (!owing()) stop();
    },
    stop,
    reset() {
      stop();
      longestGap = 0;
    },
  };
}
