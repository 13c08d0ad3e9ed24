/**
 * A run's fingerprint for the "default knobs change nothing" check: a SHA-256
 * of its days and summary with every timing field left out, and a few
 * figures to read when the hash differs.
 */
import { createHash } from 'node:crypto';
import type { RunOutput } from '../../../src/sim/contract';
import { withoutTimings } from '../helpers';

export interface RunDigest {
  sha256: string;
  staticMean: number;
  dynamicMean: number;
  oracleMean: number;
}

export function runDigest(run: RunOutput): RunDigest {
  const body = JSON.stringify(withoutTimings({ days: run.days, summary: run.summary }));
  const { summary } = run;
  return {
    sha256: createHash('sha256').update(body).digest('hex'),
    staticMean: summary.static.meanAccuracy,
    dynamicMean: summary.dynamic.meanAccuracy,
    oracleMean: summary.oracleMeanAccuracy,
  };
}
