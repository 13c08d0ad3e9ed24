/**
 * Offline use: registers the service worker (public/sw.js) in a production
 * build and, once the engine is ready, hands it the list of files the page
 * and the engine loaded, so the lab keeps working without a network from
 * then on.
 *
 * Owns: registration and that hand-over. Must not touch: the lab's state.
 */
export function keepForOffline(engineReady: Promise<{ assets?: string[] }>): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('./sw.js')
    .then(async (registration) => {
      const engine = await engineReady;
      await navigator.serviceWorker.ready;
      const handOver = () => {
        const urls = [
          window.location.href.split('#')[0],
          ...performance.getEntriesByType('resource').map((e) => e.name),
          // The wasm files: the engine worker fetched them, so the page's list
          // lacks them, and the worker may have done so before the service
          // worker took control of it.
          ...(engine.assets ?? []),
        ];
        (registration.active ?? navigator.serviceWorker.controller)?.postMessage({ cache: urls });
      };
      handOver();
      // Chunks that finish loading after the engine (the chart's) are handed over too.
      setTimeout(handOver, 5000);
    })
    .catch(() => {
      // Offline use is a bonus: the lab works the same without it.
    });
}
