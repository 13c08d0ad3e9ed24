/**
 * Component-test set-up: unmount after each test, a patient default for
 * Testing Library's retrying waits, and the one browser API
 * jsdom lacks that the chart needs (ResizeObserver; the chart then renders
 * at zero size, which is fine: its numbers are tested in chartData.test.ts
 * and its drawing in Chromium).
 */
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// Many waits here are for the real engine running in process (version 1
// trains on the cpu backend on day 62): on a loaded 2-core machine that takes
// longer than Testing Library's 1 s default (panelFaults timed out at day 62
// of 70). A wait still retries and ends as soon as the screen is right.
configure({ asyncUtilTimeout: 20_000 });

class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoResize as unknown as typeof ResizeObserver;
