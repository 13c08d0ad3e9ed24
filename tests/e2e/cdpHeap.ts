/**
 * JS heap readings in Chromium through the DevTools protocol, for the page and
 * for its engine worker (a worker has no `performance.memory`; no COOP/COEP
 * headers are needed either). Each reading forces a garbage collection first,
 * so it counts what is still reachable.
 */
import type { CDPSession, Page } from '@playwright/test';

export interface HeapReader {
  /** Used JS heap of the page's main thread after a GC, in bytes. */
  page(): Promise<number>;
  /** Used JS heap of the engine worker after a GC, in bytes. */
  worker(): Promise<number>;
}

interface HeapUsage {
  usedSize: number;
}

export async function heapReader(page: Page): Promise<HeapReader> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes('engine.worker'));
  if (!target) throw new Error('the engine worker has no DevTools target');
  // A non-flat session: the worker's protocol messages travel inside the page's session.
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  let nextId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
    if (message.id !== undefined) pending.delete(message.id);
  });
  const inWorker = <T>(method: string): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = ++nextId;
      pending.set(id, (result) => resolve(result as T));
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params: {} }),
      });
    });
  return {
    async page() {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    },
    async worker() {
      await inWorker('HeapProfiler.collectGarbage');
      return (await inWorker<HeapUsage>('Runtime.getHeapUsage')).usedSize;
    },
  };
}
