/**
 * Drives playback: while the lab plays, each animation frame advances the
 * simulated days by the real time that passed.
 *
 * Owns: the requestAnimationFrame loop (only while playing).
 * Must not touch: the engine (the store asks it for days as needed).
 */
import { useEffect } from 'react';
import type { LabStore } from '../../store/labStore';
import { useLab } from '../storeContext';

export function usePlaybackClock(store: LabStore): void {
  const playing = useLab((s) => s.status === 'playing');
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const loop = (now: number) => {
      // A background tab pauses frames; do not jump a month when it returns.
      store.getState().tick(Math.min(now - last, 250));
      last = now;
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);
}
