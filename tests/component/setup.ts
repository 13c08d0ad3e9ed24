/**
 * Component-test set-up: unmount after each test, and the one browser API
 * jsdom lacks that the chart needs (ResizeObserver; the chart then renders
 * at zero size, which is fine: its numbers are tested in chartData.test.ts
 * and its drawing in Chromium).
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoResize as unknown as typeof ResizeObserver;
