/**
 * The command line names a custom world: its title says what it was made
 * from and a row lists the knobs set, as the flags that set them; a scenario
 * as it is has no such row.
 */
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../src/cli/format';
import { runSimulation } from '../../../src/sim/run';
import { settingsWith } from '../helpers';

describe('the table of a custom world', () => {
  it('names the world and the knobs set', async () => {
    const custom = await runSimulation(
      settingsWith({ days: 63, valentineEffect: 2, outageDays: 3 }),
    );
    const table = formatTable(custom);
    expect(table).toMatch(/^scenario +valentine \(Custom world \(from Valentine's Day\)\)$/m);
    expect(table).toMatch(/^world knobs +--valentine-effect 2 --outage-days 3$/m);
    const plain = formatTable(await runSimulation(settingsWith({ days: 63 })));
    expect(plain).toMatch(/^scenario +valentine \(Valentine's Day\)$/m);
    expect(plain).not.toContain('world knobs');
  }, 60_000);
});
