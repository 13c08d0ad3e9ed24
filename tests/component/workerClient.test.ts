/**
 * The main thread's engine client against a fake Worker that speaks comlink's
 * wire format: it declares the engine dead on an error event, and on silence
 * while a run is owed results (a killed worker raises no event), with a limit
 * that stretches to the slowest step seen so far; it never does so when the
 * engine said there was nothing to compute. A strategy comparison runs on a
 * pool of workers of its own, sized to the machine's cores, under the same
 * watchdog: their heartbeats (about every 100 ms) keep it alive however long it
 * runs; a pool worker's silence, error or failed run rejects it and stops the
 * other pool workers, never the lab's worker; a cancel stops them all.
 */
import * as Comlink from 'comlink';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DigestedRun } from '../../src/sim/compareDigest';
import type { ModelSummary, RunSummary } from '../../src/sim/contract';
import { defaultSettings } from '../../src/sim/settings';
import type { RunJob } from '../../src/worker/shared/engineApi';
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

let crashes: string[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.stubGlobal('Worker', FakeWorker);
  FakeWorker.all = [];
  FakeWorker.onCreate = () => {};
  crashes = [];
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function client(cores = 2) {
  const c = createWorkerClient({ cores: () => cores });
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

/** A run's digest as a pool worker returns it (the static model the same in every run). */
function digested(runs: number): DigestedRun {
  const ledger = (trainingRuns: number): ModelSummary => ({
    validationAccuracy: 0.8,
    validationLogLoss: 0.4,
    validationRows: 100,
    meanAccuracy: 0.7,
    trainingRuns,
    examplesProcessed: trainingRuns * 1000,
    releases: trainingRuns,
    trainingMs: 5,
    rejectedJobs: 0,
    failedJobs: 0,
  });
  return {
    digest: {
      firstServingDay: 63,
      dates: ['2025-09-01', '2025-09-02'],
      static: { accuracy: [0.7, 0.6], ledger: ledger(1) },
      dynamic: { accuracy: [0.7, 0.7], ledger: ledger(runs) },
      totalMs: 10,
    },
    summary: {} as RunSummary,
  };
}

/** A pool worker's side of one `runJob` call: its heartbeat and its answers. */
interface JobCall {
  worker: FakeWorker;
  request: Request;
  beat(fraction: number): Promise<void>;
  finish(result: DigestedRun): void;
}

/**
 * Starts a comparison on a client whose machine has `cores` cores; the pool
 * workers record their `runJob` calls and answer only when told.
 */
async function comparing(cores = 2) {
  const { c, worker } = client(cores);
  const jobs: JobCall[] = [];
  const controller = new AbortController();
  // 'pending', 'resolved', or the rejection's message.
  let settled = 'pending';
  const progress: [number, number][] = [];
  const pool: FakeWorker[] = [];
  FakeWorker.onCreate = (w) => {
    pool.push(w);
    w.answer = (request) => {
      if (request.path?.[0] !== 'runJob') return undefined;
      const port = request.argumentList?.[1]?.value as MessagePort;
      const remote = Comlink.wrap<(fraction: number) => void>(port);
      jobs.push({
        worker: w,
        request,
        beat: (fraction) => remote(fraction),
        finish: (value) => w.send({ id: request.id, type: 'RAW', value }),
      });
      return undefined;
    };
  };
  const result = c.compare(
    defaultSettings(),
    (done, total) => progress.push([done, total]),
    controller.signal,
  );
  result.then(
    () => (settled = 'resolved'),
    (error: Error) => (settled = error.message),
  );
  await vi.advanceTimersByTimeAsync(0);
  return { c, worker, pool, jobs, progress, controller, settled: () => settled };
}

describe('the strategy comparison on a pool of workers', () => {
  it('runs on one new worker per core, each running whole runs, and stops them at the end', async () => {
    const { worker, pool, jobs, progress, settled } = await comparing(2);
    expect(pool).toHaveLength(2);
    expect(pool.map((w) => w.options.name)).toEqual(['bloomcast-pool-1', 'bloomcast-pool-2']);
    expect(pool.map((w) => w.options.type)).toEqual(['module', 'module']);
    // The daily run (the longest) goes first, beside the weekly one.
    expect(
      jobs.map((j) => (j.request.argumentList?.[0]?.value as RunJob).settings.cadence),
    ).toEqual(['daily', 'weekly']);
    jobs[1].finish(digested(2));
    await vi.advanceTimersByTimeAsync(10);
    expect(jobs[2].worker).toBe(jobs[1].worker);
    jobs[2].finish(digested(1));
    await vi.advanceTimersByTimeAsync(10);
    jobs[3].finish(digested(2));
    await vi.advanceTimersByTimeAsync(10);
    expect(jobs[3].worker.terminated).toBe(true);
    jobs[0].finish(digested(3));
    await vi.advanceTimersByTimeAsync(10);
    expect(settled()).toBe('resolved');
    expect(pool.every((w) => w.terminated)).toBe(true);
    expect(worker.terminated).toBe(false);
    expect(progress.at(-1)).toEqual([4, 4]);
  });

  it('sizes the pool from the cores: one core, one worker; sixteen, four', async () => {
    expect((await comparing(1)).pool).toHaveLength(1);
    expect((await comparing(16)).pool).toHaveLength(4);
  });

  it('heartbeats keep a long run alive; a pool worker killed goes silent and the comparison rejects', async () => {
    const { worker, pool, jobs, settled } = await comparing(2);
    // Both runs beat every second for four times the limit.
    for (let s = 1; s <= 4 * (STALL_MS / 1000); s++) {
      await vi.advanceTimersByTimeAsync(1000);
      await Promise.all(jobs.map((j) => j.beat(s / 100)));
    }
    expect(settled()).toBe('pending');
    // The second worker is killed: not a word from it; the first beats on.
    for (let s = 1; s <= 17; s++) {
      await vi.advanceTimersByTimeAsync(1000);
      await jobs[0].beat(0.7);
    }
    expect(settled()).toBe('the engine stopped answering (nothing for 15 s)');
    expect(pool.every((w) => w.terminated)).toBe(true);
    // The lab's own worker goes on.
    expect(worker.terminated).toBe(false);
    expect(crashes).toEqual([]);
  });

  it("a pool worker's error event rejects the comparison and stops the others, not the lab's worker", async () => {
    const { worker, pool, settled } = await comparing(2);
    pool[1].dispatchEvent(
      new ErrorEvent('error', { message: 'Uncaught RangeError: out of memory' }),
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(settled()).toBe('Uncaught RangeError: out of memory');
    expect(pool.every((w) => w.terminated)).toBe(true);
    expect(worker.terminated).toBe(false);
    expect(crashes).toEqual([]);
  });

  it('an error a run throws rejects the comparison with it', async () => {
    const { pool, jobs, settled } = await comparing(2);
    jobs[0].worker.throwFor(jobs[0].request, 'the engine failed on day 80');
    await vi.advanceTimersByTimeAsync(10);
    expect(settled()).toBe('the engine failed on day 80');
    expect(pool.every((w) => w.terminated)).toBe(true);
  });

  it("the lab's worker dying does not stop a comparison under way", async () => {
    const { worker, jobs, settled } = await comparing(2);
    worker.dispatchEvent(new ErrorEvent('error', { message: 'Uncaught Error: boom' }));
    await vi.advanceTimersByTimeAsync(10);
    expect(crashes).toEqual(['Uncaught Error: boom']);
    jobs[0].finish(digested(3));
    jobs[1].finish(digested(2));
    await vi.advanceTimersByTimeAsync(10);
    jobs[2].finish(digested(1));
    jobs[3].finish(digested(2));
    await vi.advanceTimersByTimeAsync(10);
    expect(settled()).toBe('resolved');
  });

  it('a cancel stops every pool worker at once', async () => {
    const { worker, pool, controller, settled } = await comparing(2);
    controller.abort();
    await vi.advanceTimersByTimeAsync(10);
    expect(settled()).toBe('the runs were cancelled');
    expect(pool.every((w) => w.terminated)).toBe(true);
    expect(worker.terminated).toBe(false);
  });
});
