/**
 * The strategy comparison through the engine client, against fake Workers
 * that speak comlink's wire format: it runs on a pool of workers of its own,
 * one per core (at most four), under the lab worker's watchdog rule: their
 * heartbeats (about every 100 ms) keep it alive however long it runs; a pool
 * worker's silence, error or failed run rejects it and stops the other pool
 * workers, never the lab's worker; a cancel stops them all.
 */
import * as Comlink from 'comlink';
import { describe, expect, it, vi } from 'vitest';
import type { DigestedRun } from '../../src/sim/compareDigest';
import type { ModelSummary, RunSummary } from '../../src/sim/contract';
import { defaultSettings } from '../../src/sim/settings';
import { STALL_MS } from '../../src/worker/client/engineClient';
import type { RunJob } from '../../src/worker/shared/engineApi';
import { client, crashes, FakeWorker, type Request, useFakeWorkers } from './fakeWorker';

useFakeWorkers();

/** A run's digest as a pool worker returns it (the static model the same in every run). */
function digested(runs: number): DigestedRun {
  // What the comparison reads of a ledger (the static model is checked on runs and examples).
  const ledger = (trainingRuns: number) =>
    ({
      trainingRuns,
      examplesProcessed: trainingRuns * 1000,
      releases: trainingRuns,
    }) as ModelSummary;
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
