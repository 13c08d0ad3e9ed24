/**
 * The main thread's engine client against a fake Worker that speaks comlink's
 * wire format: it declares the engine dead on an error event, and on silence
 * while a run is owed results (a killed worker raises no event), with a limit
 * that stretches to the slowest step seen so far; it never does so when the
 * engine said there was nothing to compute. A strategy comparison sits under
 * the same watchdog: its progress (a heartbeat about every 100 ms from the
 * worker) keeps it alive however long it runs, silence ends it, and a dead
 * engine rejects it so the panel's progress always ends.
 */
import * as Comlink from 'comlink';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { createWorkerClient, STALL_MS } from '../../src/worker/client/engineClient';

interface Request {
  id: string;
  type: string;
  path?: string[];
  /** Comlink's wire values; a proxied callback is { type: 'HANDLER', name: 'proxy', value: port }. */
  argumentList?: { type: string; name?: string; value?: unknown }[];
}

/** A stand-in for the module worker: answers calls as `answer` says, or stays silent. */
class FakeWorker extends EventTarget {
  static last: FakeWorker;
  terminated = false;
  /** The value a call returns; undefined: no answer at all. */
  answer: (request: Request) => unknown = () => undefined;

  constructor() {
    super();
    FakeWorker.last = this;
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

let crashes: string[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.stubGlobal('Worker', FakeWorker);
  crashes = [];
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function client() {
  const c = createWorkerClient();
  c.onCrash((message) => crashes.push(message));
  return { c, worker: FakeWorker.last };
}

describe('the engine client watchdog', () => {
  it('a worker that goes silent during a run is declared dead and stopped', async () => {
    const { c, worker } = client();
    worker.answer = (r) => (r.path?.[0] === 'runTo' ? true : undefined);
    c.runTo(1, 100);
    await vi.advanceTimersByTimeAsync(STALL_MS - 1000);
    expect(crashes).toEqual([]);
    await vi.advanceTimersByTimeAsync(2500);
    expect(crashes).toEqual(['the engine stopped answering (nothing for 15 s)']);
    expect(worker.terminated).toBe(true);
  });

  it('nothing to compute means no batch is owed: no alarm however long it stays quiet', async () => {
    const { c, worker } = client();
    worker.answer = (r) => (r.path?.[0] === 'runTo' ? false : undefined);
    c.runTo(1, 100);
    await vi.advanceTimersByTimeAsync(10 * STALL_MS);
    expect(crashes).toEqual([]);
    expect(worker.terminated).toBe(false);
  });

  it('the limit stretches to four times the slowest step seen', async () => {
    const { c, worker } = client();
    worker.answer = (r) => (r.path?.[0] === 'runTo' ? true : undefined);
    c.runTo(1, 100);
    // A slow training day: 12 s without a word, then a batch.
    await vi.advanceTimersByTimeAsync(12_000);
    worker.send({ batch: 1 });
    // 15 s would have been the end; now the limit is 48 s.
    await vi.advanceTimersByTimeAsync(40_000);
    expect(crashes).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(crashes).toEqual(['the engine stopped answering (nothing for 48 s)']);
  });

  it('an idle spell before a request is not counted as silence', async () => {
    const { c, worker } = client();
    worker.answer = (r) => (r.path?.[0] === 'runTo' ? true : undefined);
    await vi.advanceTimersByTimeAsync(60_000);
    c.runTo(1, 100);
    await vi.advanceTimersByTimeAsync(STALL_MS - 2000);
    expect(crashes).toEqual([]);
  });

  it('an error event from the worker is a crash with its message', async () => {
    const { worker } = client();
    worker.dispatchEvent(new ErrorEvent('error', { message: 'Uncaught Error: boom' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(crashes).toEqual(['Uncaught Error: boom']);
    expect(worker.terminated).toBe(true);
  });
});

/** A fake worker that records the comparison call and hands back its progress callback. */
function comparing() {
  const { c, worker } = client();
  let request: Request | null = null;
  worker.answer = (r) => {
    if (r.path?.[0] === 'compare') request = r;
    return undefined;
  };
  // 'pending', 'resolved', or the rejection's message.
  let settled = 'pending';
  const result = c.compare(defaultSettings(), (done, total) => progress.push([done, total]));
  result.then(
    () => (settled = 'resolved'),
    (error: Error) => (settled = error.message),
  );
  const progress: [number, number][] = [];
  /** The worker's side of the progress callback (a real comlink proxy over a MessagePort). */
  let callback: Comlink.Remote<(done: number, total: number) => void> | null = null;
  const beat = (done: number) => {
    callback ??= Comlink.wrap<(done: number, total: number) => void>(
      request?.argumentList?.[1]?.value as MessagePort,
    );
    return callback(done, 4);
  };
  return { c, worker, beat, progress, settled: () => settled, request: () => request };
}

describe('the strategy comparison under the watchdog', () => {
  it('a comparison that keeps reporting lives however long it runs, then resolves', async () => {
    const { worker, beat, progress, settled, request } = comparing();
    // Four year-long runs, a heartbeat every second: four times the limit.
    for (let s = 1; s <= 4 * (STALL_MS / 1000); s++) {
      await vi.advanceTimersByTimeAsync(1000);
      void beat(s / 60);
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(crashes).toEqual([]);
    expect(progress.length).toBeGreaterThan(50);
    worker.send({ id: request()!.id, type: 'RAW', value: { strategies: [] } });
    await vi.advanceTimersByTimeAsync(10);
    expect(settled()).toBe('resolved');
    // Nothing owed any more: no alarm however long it stays quiet.
    await vi.advanceTimersByTimeAsync(10 * STALL_MS);
    expect(crashes).toEqual([]);
  });

  it('a worker killed 2 s into a comparison is declared dead and the comparison rejects', async () => {
    const { worker, beat, settled } = comparing();
    await vi.advanceTimersByTimeAsync(1000);
    void beat(0.01);
    await vi.advanceTimersByTimeAsync(1000);
    void beat(0.02);
    // Killed: not a word from here on.
    await vi.advanceTimersByTimeAsync(STALL_MS - 1500);
    expect(crashes).toEqual([]);
    expect(settled()).toBe('pending');
    await vi.advanceTimersByTimeAsync(2500);
    expect(crashes).toEqual(['the engine stopped answering (nothing for 15 s)']);
    expect(settled()).toBe('the engine stopped answering (nothing for 15 s)');
    expect(worker.terminated).toBe(true);
  });

  it('a slow day stretches the limit for a comparison as for a run', async () => {
    const { beat } = comparing();
    await vi.advanceTimersByTimeAsync(12_000);
    void beat(0.5);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(crashes).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(crashes).toEqual(['the engine stopped answering (nothing for 48 s)']);
  });

  it('after the engine died, a comparison is refused at once; after a restart it runs', async () => {
    const { c, worker } = client();
    worker.dispatchEvent(new ErrorEvent('error', { message: 'Uncaught Error: boom' }));
    await expect(c.compare(defaultSettings(), () => {})).rejects.toThrow(/restart it first/);
    c.restart();
    const fresh = FakeWorker.last;
    expect(fresh).not.toBe(worker);
    fresh.answer = (r) => (r.path?.[0] === 'compare' ? { strategies: [] } : undefined);
    await expect(c.compare(defaultSettings(), () => {})).resolves.toEqual({ strategies: [] });
  });

  it('an error the comparison throws rejects it without declaring the engine dead', async () => {
    const { worker, settled, request } = comparing();
    await vi.advanceTimersByTimeAsync(10);
    worker.throwFor(request()!, 'the static model of the weekly run differs');
    await vi.advanceTimersByTimeAsync(10);
    expect(settled()).toBe('the static model of the weekly run differs');
    expect(crashes).toEqual([]);
    expect(worker.terminated).toBe(false);
    // And nothing is owed any more.
    await vi.advanceTimersByTimeAsync(10 * STALL_MS);
    expect(crashes).toEqual([]);
  });
});
