/**
 * A probe on both sides of the engine worker's boundary, so a test can check
 * that something does NOT happen (a paused run stays where it stopped) on
 * deterministic signals instead of a fixed wait:
 * - the page counts the batches it has handled;
 * - the worker counts the batches it has sent, notes that count when it
 *   handles `pause`, and can hold its run loop at the yield after a chosen
 *   day, so a pause lands mid-run however slow or fast the machine is.
 *
 * Batches travel as comlink calls `listener.batch(batch)` on a MessagePort
 * (`{ type: 'APPLY', path: ['batch'], argumentList: [{ value: batch }] }`);
 * `pause` arrives on the worker's global scope the same way. The engine host
 * yields between slices with `setTimeout(resolve, 0)`; holding those
 * callbacks stops it between two days, with its messages still handled.
 *
 * Owns: the probe scripts and reading them. Must not touch: the app's code
 * or the content of any message (only tests install the probe).
 */
import type { Page, Worker } from '@playwright/test';

interface PageProbe {
  __batchesHandled: number;
}

export interface WorkerProbe {
  sent: number;
  /** Batches sent when the worker handled `pause`; null before that. */
  sentAtPause: number | null;
  /** The run loop is held (its yield callbacks are kept, not run). */
  holding: boolean;
  /** Set once everything the worker had to do after `release()` has run. */
  settled: boolean;
}

/**
 * An init script for the page: counts each batch after the app's handler for
 * it has run (the store has taken it in and, as zustand's updates render
 * synchronously, drawn it).
 */
export function countHandledBatches(): void {
  const probe = window as unknown as PageProbe;
  probe.__batchesHandled = 0;
  const isBatch = (data: unknown) => {
    const d = data as { type?: unknown; path?: unknown } | null;
    return d?.type === 'APPLY' && Array.isArray(d.path) && d.path[0] === 'batch';
  };
  const wrapped = new WeakMap<object, EventListener>();
  // The originals are kept to be called with each port as `this` (.call below).
  /* eslint-disable @typescript-eslint/unbound-method */
  const add = MessagePort.prototype.addEventListener;
  const remove = MessagePort.prototype.removeEventListener;
  /* eslint-enable @typescript-eslint/unbound-method */
  MessagePort.prototype.addEventListener = function (
    this: MessagePort,
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (type !== 'message' || typeof listener !== 'function') {
      add.call(this, type, listener, options);
      return;
    }
    const counting: EventListener = function (this: MessagePort, event) {
      listener.call(this, event);
      if (isBatch((event as MessageEvent).data)) probe.__batchesHandled++;
    };
    wrapped.set(listener, counting);
    add.call(this, type, counting, options);
  } as typeof MessagePort.prototype.addEventListener;
  MessagePort.prototype.removeEventListener = function (
    this: MessagePort,
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ) {
    remove.call(this, type, wrapped.get(listener) ?? listener, options);
  } as typeof MessagePort.prototype.removeEventListener;
}

/** Batches the page has handled since it loaded (needs `countHandledBatches` as an init script). */
export function batchesHandled(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as PageProbe).__batchesHandled);
}

/**
 * Installs the worker's side of the probe. With `holdAfterDay`, the first
 * batch that reaches past that day holds the run loop at its next yield
 * (once; `release()` lets it go on).
 */
export async function probeWorker(worker: Worker, holdAfterDay: number | null): Promise<void> {
  await worker.evaluate((holdAfter) => {
    const scope = self as unknown as {
      __probe: WorkerProbe;
      __release: () => void;
      setTimeout: (run: () => void, ms?: number) => number;
      addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
    };
    const probe: WorkerProbe = { sent: 0, sentAtPause: null, holding: false, settled: false };
    scope.__probe = probe;
    const call = (data: unknown) => {
      const d = data as { type?: unknown; path?: unknown; argumentList?: unknown } | null;
      return d?.type === 'APPLY' && Array.isArray(d.path) ? (d.path[0] as unknown) : null;
    };
    let holdAt = holdAfter;
    const held: (() => void)[] = [];
    const nativeSetTimeout = scope.setTimeout.bind(self);
    scope.setTimeout = (run, ms) => {
      if (!probe.holding) return nativeSetTimeout(run, ms);
      held.push(run);
      return 0;
    };
    scope.__release = () => {
      probe.holding = false;
      for (const run of held.splice(0)) nativeSetTimeout(run, 0);
      // Queued after the held callbacks: by the time it runs, the loop they
      // resumed has either stopped or sent its next batch.
      nativeSetTimeout(() => {
        probe.settled = true;
      }, 0);
    };
    // Kept to be called with each port as `this` (.apply below).
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const post = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (
      this: MessagePort,
      ...args: Parameters<MessagePort['postMessage']>
    ) {
      if (call(args[0]) === 'batch') {
        probe.sent++;
        const [wire] = (args[0] as { argumentList: { value?: { computed?: number } }[] })
          .argumentList;
        if (holdAt !== null && (wire.value?.computed ?? 0) > holdAt) {
          holdAt = null;
          probe.holding = true;
        }
      }
      post.apply(this, args);
    } as typeof MessagePort.prototype.postMessage;
    scope.addEventListener('message', (event) => {
      // Comlink's own handler, added first, has already applied the pause.
      if (call(event.data) === 'pause') probe.sentAtPause = probe.sent;
    });
  }, holdAfterDay);
}

/** The worker's side of the probe now. */
export function workerProbe(worker: Worker): Promise<WorkerProbe> {
  return worker.evaluate(() => ({ ...(self as unknown as { __probe: WorkerProbe }).__probe }));
}

/** Lets a held run loop go on. */
export async function release(worker: Worker): Promise<void> {
  await worker.evaluate(() => (self as unknown as { __release: () => void }).__release());
}
