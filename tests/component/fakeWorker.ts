/**
 * A stand-in for the engine's module Worker in jsdom that speaks comlink's
 * wire format, and the set-up the engine client's tests share (fake timers,
 * the stubbed Worker, the crashes a client hears): workerClient.test.ts (the
 * lab's worker) and workerClientPool.test.ts (the comparison's pool).
 *
 * Owns: the fake and that set-up. Must not touch: the client's code.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { createWorkerClient } from '../../src/worker/client/engineClient';

export interface Request {
  id: string;
  type: string;
  path?: string[];
  /** Comlink's wire values; a proxied callback is { type: 'HANDLER', name: 'proxy', value: port }. */
  argumentList?: { type: string; name?: string; value?: unknown }[];
}

/** A stand-in for the module worker: answers calls as `answer` says, or stays silent. */
export class FakeWorker extends EventTarget {
  static last: FakeWorker;
  /** Every worker made since the test began, in order. */
  static all: FakeWorker[] = [];
  /** Called with each new worker before anything is posted to it. */
  static onCreate: (worker: FakeWorker) => void = () => {};
  terminated = false;
  /** The value a call returns; undefined: no answer at all. */
  answer: (request: Request) => unknown = () => undefined;

  constructor(
    _url: URL,
    readonly options: WorkerOptions = {},
  ) {
    super();
    FakeWorker.last = this;
    FakeWorker.all.push(this);
    FakeWorker.onCreate(this);
  }

  postMessage(request: Request) {
    if (this.terminated || request.type === 'RELEASE') return;
    const value = this.answer(request);
    if (value !== undefined)
      queueMicrotask(() => this.send({ id: request.id, type: 'RAW', value }));
  }

  /** The reply to a call that threw inside the worker (comlink's wire format). */
  throwFor(request: Request, message: string) {
    this.send({
      id: request.id,
      type: 'HANDLER',
      name: 'throw',
      value: { isError: true, value: { message, name: 'Error', stack: '' } },
    });
  }

  /** Any message from the worker (a batch, a reply): a sign of life. */
  send(data: unknown) {
    if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
  }

  terminate() {
    this.terminated = true;
  }
}

/** What the crash listener of the latest client heard, in order. */
export const crashes: string[] = [];

/** Installs the fake Worker and fake timers around each test of the calling file. */
export function useFakeWorkers(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.all = [];
    FakeWorker.onCreate = () => {};
    crashes.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}

/** A client on a machine with `cores` cores, and its (fake) lab worker. */
export function client(cores = 2) {
  const c = createWorkerClient({ cores: () => cores });
  c.onCrash((message) => crashes.push(message));
  return { c, worker: FakeWorker.last };
}
