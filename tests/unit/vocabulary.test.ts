/**
 * One vocabulary: each scenario has one name (its title in the scenarios'
 * data) wherever a person reads it, and the detector that watches the error
 * rate (the `alarm` cadence, automatic rollback) is "the error alarm"
 * everywhere, never "drift alarm" or "error detector" (input drift raises the
 * drift panel's alerts, a different thing).
 *
 * Owns: the scan of the texts people read (src/content, the README, the
 * panels' source, the settings table and the comparison's labels) for the old
 * names, and the README's scenario table against the scenarios' data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/content/glossary';
import { SCENARIO_IDS, SCENARIOS } from '../../src/sim/world/scenarios';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(resolve(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every text a person reads on the page or in the docs, by file. */
const READ = [
  ...filesUnder('src/content', /\.ts$/),
  ...filesUnder('src/ui', /\.tsx?$/),
  'src/sim/settingsTable.ts',
  'src/sim/compare.ts',
  'README.md',
];

/** Names no longer used, each with the one that replaces it. */
const OLD_NAMES: [RegExp, string][] = [
  [/sea[- ]level/i, 'the Stable scenario'],
  [/summer[- ]to[- ]winter/i, 'the Seasons scenario'],
  [/upstream[- ]outage/i, 'the Outage scenario'],
  [/buggy[- ]training[- ]job|buggy-job world/i, 'the Buggy job scenario'],
  [/valentine[’']s day world/i, 'the Valentine’s Day scenario'],
  // An id in quotes in prose names a scenario by its code; backticks (a flag's value) are fine.
  [/[“"](valentine|stable|seasons|outage|buggy-job)[”"]/, 'the scenario’s name, not its id'],
  [/drift alarm/i, 'the error alarm'],
  [/error detector/i, 'the error alarm'],
];

function oldNamesIn(text: string): string[] {
  return OLD_NAMES.filter(([pattern]) => pattern.test(text)).map(
    ([pattern, instead]) => `${pattern.exec(text)?.[0]} (say ${instead})`,
  );
}

describe('scenario names', () => {
  it('are one per scenario and all different', () => {
    const titles = SCENARIO_IDS.map((id) => SCENARIOS[id].title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('read as the id in plain words, so the command line and the page agree', () => {
    for (const id of SCENARIO_IDS) {
      const plain = SCENARIOS[id].title
        .toLowerCase()
        .replace(/[’']s day$/, '')
        .replace(' ', '-');
      expect(plain, id).toBe(id);
    }
  });

  it("the README's table lists every scenario with its name and description", () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const rows = readme
      .split('\n')
      .map((line) => /^\| `([\w-]+)` +\| ([^|]+?) +\| ([^|]+?) +\|$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null && m[1] in SCENARIOS)
      .map(([, id, title, description]) => ({ id, title, description }));
    expect(rows).toEqual(
      SCENARIO_IDS.map((id) => ({
        id,
        title: SCENARIOS[id].title,
        description: SCENARIOS[id].description,
      })),
    );
  });
});

describe('the texts people read', () => {
  it.each(READ)('%s uses no old name', (path) => {
    expect(oldNamesIn(readFileSync(resolve(ROOT, path), 'utf8'))).toEqual([]);
  });

  it('the scan itself catches each old name', () => {
    const old = [
      'Sea level',
      'the Sea-level world',
      'Summer to winter',
      'Upstream-outage world',
      'Buggy training job',
      'Buggy-job world',
      'Valentine’s Day world',
      'Open the “buggy-job” scenario',
      'Retrained on drift alarm',
      'when the error detector fires',
    ];
    for (const text of old) expect(oldNamesIn(text), text).not.toEqual([]);
    expect(oldNamesIn('npm run simulate -- --scenario `stable`; the Stable scenario')).toEqual([]);
  });

  it('the glossary explains the error alarm, and that input drift is something else', () => {
    const entry = GLOSSARY.errorAlarm;
    expect(entry.term).toBe('Error alarm');
    expect(entry.text).toMatch(/wrong answers/);
    expect(entry.text).toMatch(/“alarm” schedule/);
    expect(entry.text).toMatch(/automatic rollback/);
    expect(entry.text).toMatch(/not inputs/);
  });
});
