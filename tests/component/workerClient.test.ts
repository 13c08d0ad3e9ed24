/**
 * The main thread's engine client against a fake Worker that speaks comlink's
 * wire format: it declares the engine dead on an error event, and on silence
 * while a run is owed results (a killed worker raises no event), with a limit
 * that stretches to the slowest step seen so far; it never does so when the
 * engine said there was nothing to compute. The comparison's pool:
 * workerClientPool.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { STALL_MS } from '../../src/worker/client/engineClient';
import { client, crashes, useFakeWorkers } from './fakeWorker';

useFakeWorkers();

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
