/*
 * Bloomcast's service worker: once the lab has loaded, it keeps working
 * offline (a classroom with a flaky network).
 *
 * Owns: a cache of the app's own files. Network first, so a new build is
 * picked up whenever the network is there; the cache answers only when the
 * network does not. Never touches another origin (there is none to touch).
 */
const CACHE = 'bloomcast';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The page lists what it loaded before this worker took control (the page
// itself, its scripts, styles, the engine worker and the wasm files).
self.addEventListener('message', (event) => {
  const urls = (event.data && event.data.cache) || [];
  // addAll rejects a list with duplicates, and the page may list a file twice.
  const own = [
    ...new Set(
      urls
        .map((u) => new URL(u, self.location.href))
        .filter((u) => u.origin === self.location.origin)
        .map((u) => u.href),
    ),
  ];
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(own))
      .then(() => event.source && event.source.postMessage({ cached: own.length })),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      } catch (error) {
        // ignoreVary: a module script asks with an Origin header, the cached
        // copy was fetched without one, and servers answer "Vary: Origin".
        const hit = await cache.match(request, {
          ignoreSearch: request.mode === 'navigate',
          ignoreVary: true,
        });
        if (hit) return hit;
        throw error;
      }
    })(),
  );
});
