/**
 * DDM and Page-Hinkley (src/sim/eval/detectors.ts) against the outputs River
 * documents for its own examples (tests/fixtures/river, streams rebuilt with
 * Python's `random` and numpy's legacy generator by
 * scripts/fixtures/river_streams.py), plus River's flag semantics on small streams.
 */
import { describe, expect, it } from 'vitest';
import { DDM, PageHinkley, type PageHinkleyMode } from '../../src/sim/eval/detectors';
import ddmDocstring from '../fixtures/river/ddm_docstring.json';
import ddmOnes from '../fixtures/river/ddm_test_ones.json';
import ddmStream2 from '../fixtures/river/ddm_test_stream_2.json';
import phDocstring from '../fixtures/river/page_hinkley_docstring.json';
import phBoth from '../fixtures/river/page_hinkley_test_both.json';
import phDown from '../fixtures/river/page_hinkley_test_down.json';
import phUp from '../fixtures/river/page_hinkley_test_up.json';

interface Detector {
  update(x: number): void;
  readonly driftDetected: boolean;
}

function driftIndices(detector: Detector, stream: readonly number[]): number[] {
  const found: number[] = [];
  stream.forEach((x, i) => {
    detector.update(x);
    if (detector.driftDetected) found.push(i);
  });
  return found;
}

describe("River's documented examples", () => {
  it('DDM docstring: warning at 1084, change at 1334, warning at 1492', () => {
    const ddm = new DDM();
    const printed: string[] = [];
    let printWarning = true;
    ddmDocstring.stream.forEach((x, i) => {
      ddm.update(x);
      if (ddm.warningDetected && printWarning) {
        printed.push(`Warning detected at index ${i}`);
        printWarning = false;
      }
      if (ddm.driftDetected) {
        printed.push(`Change detected at index ${i}`);
        printWarning = true;
      }
    });
    expect(printed).toEqual(ddmDocstring.documentedOutput);
  });

  it('Page-Hinkley docstring: change at index 1006, input value 5', () => {
    const ph = new PageHinkley();
    const printed: string[] = [];
    phDocstring.stream.forEach((x, i) => {
      ph.update(x);
      if (ph.driftDetected) printed.push(`Change detected at index ${i}, input value: ${x}`);
    });
    expect(printed).toEqual(phDocstring.documentedOutput);
  });

  it("DDM on River's test streams: [1049] on the 0.2 -> 0.8 stream, nothing on all ones", () => {
    expect(driftIndices(new DDM(), ddmStream2.stream)).toEqual(ddmStream2.documentedDriftIndices);
    expect(driftIndices(new DDM(), ddmOnes.stream)).toEqual(ddmOnes.documentedDriftIndices);
  });

  for (const fixture of [phUp, phDown, phBoth]) {
    const mode = (fixture.params as { mode: PageHinkleyMode }).mode;
    it(`Page-Hinkley mode '${mode}' on River's test stream: ${JSON.stringify(fixture.documentedDriftIndices)}`, () => {
      const ph = new PageHinkley({ mode });
      expect(driftIndices(ph, fixture.stream)).toEqual(fixture.documentedDriftIndices);
    });
  }
});

describe('DDM semantics', () => {
  it("has River's defaults", () => {
    const ddm = new DDM();
    expect([ddm.warmStart, ddm.warningThreshold, ddm.driftThreshold]).toEqual([30, 2, 3]);
    expect([ddm.driftDetected, ddm.warningDetected]).toEqual([false, false]);
  });

  it('flags nothing until more than warmStart samples were seen', () => {
    const ddm = new DDM();
    for (let i = 0; i < 30; i++) {
      ddm.update(i < 15 ? 0 : 1);
      expect([ddm.driftDetected, ddm.warningDetected]).toEqual([false, false]);
    }
  });

  it('treats the first error after an error-free warm-up as a drift, then starts afresh', () => {
    const ddm = new DDM();
    for (let i = 0; i < 31; i++) ddm.update(0);
    expect(ddm.driftDetected).toBe(false);
    ddm.update(1); // p_min = s_min = 0, so any error exceeds p_min + 3 s_min
    expect([ddm.driftDetected, ddm.warningDetected]).toEqual([true, false]);
    expect(ddm.samples).toBe(32);
    ddm.update(0); // the next update resets first, then counts this bit as the first
    expect([ddm.driftDetected, ddm.warningDetected, ddm.samples]).toEqual([false, false, 1]);
  });

  it('enters the warning zone before the drift and clears it when the drift is flagged', () => {
    const ddm = new DDM({ warmStart: 5, warningThreshold: 2, driftThreshold: 3 });
    const pattern = [0, 0, 0, 1]; // error rate 1/4 while stable
    for (let i = 0; i < 400; i++) ddm.update(pattern[i % 4]);
    expect(ddm.driftDetected).toBe(false);
    let firstWarning = -1;
    let firstDrift = -1;
    for (let i = 0; i < 400 && firstDrift < 0; i++) {
      ddm.update(1);
      if (ddm.warningDetected && firstWarning < 0) firstWarning = i;
      if (ddm.driftDetected) {
        firstDrift = i;
        expect(ddm.warningDetected).toBe(false);
      }
    }
    expect(firstWarning).toBeGreaterThanOrEqual(0);
    expect(firstDrift).toBeGreaterThan(firstWarning);
    expect(ddm.errorRate).toBeGreaterThan(0.25);
  });
});

describe('Page-Hinkley semantics', () => {
  it("has River's defaults and rejects an unknown mode", () => {
    const ph = new PageHinkley();
    expect([ph.minInstances, ph.delta, ph.threshold, ph.alpha, ph.mode]).toEqual([
      30,
      0.005,
      50,
      1 - 0.0001,
      'both',
    ]);
    const bad = { mode: 'sideways' } as unknown as { mode: PageHinkleyMode };
    expect(() => new PageHinkley(bad)).toThrow(RangeError);
  });

  it('never fires on a constant stream', () => {
    const ph = new PageHinkley({ threshold: 1 });
    for (let i = 0; i < 5000; i++) {
      ph.update(0.2);
      expect(ph.driftDetected).toBe(false);
    }
  });

  it("watches only the direction its mode names, and 'both' watches either", () => {
    const rising = [...Array<number>(100).fill(0), ...Array<number>(100).fill(5)];
    const falling = [...Array<number>(100).fill(5), ...Array<number>(100).fill(0)];
    const fires = (mode: PageHinkleyMode, stream: number[]) =>
      driftIndices(new PageHinkley({ mode, threshold: 10 }), stream).length > 0;
    expect([fires('up', rising), fires('down', rising), fires('both', rising)]).toEqual([
      true,
      false,
      true,
    ]);
    expect([fires('up', falling), fires('down', falling), fires('both', falling)]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('waits for minInstances values, then resets on the update after a drift', () => {
    const ph = new PageHinkley({ minInstances: 10, threshold: 1, delta: 0 });
    const stream = [0, 0, 0, 0, 10, 10, 10, 10, 10, 10, 10, 10];
    const flags = stream.map((x) => {
      ph.update(x);
      return ph.driftDetected;
    });
    // The jump at index 4 already exceeds the threshold, but only from the 10th value on can it fire.
    expect(flags.indexOf(true)).toBe(9);
    expect(flags[10]).toBe(false); // fresh state after the drift
    expect(ph.samples).toBe(2);
  });
});
