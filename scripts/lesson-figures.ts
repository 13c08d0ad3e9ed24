/**
 * `npx tsx scripts/lesson-figures.ts`: re-measures the lesson's published
 * figures (README.md, the paragraph "The lesson, measured at default settings
 * on seeds 1-5"; docs/CHAPTERS.md, "Measured on the default settings (seeds
 * 1-5) and a few others") and prints them as markdown: the Valentine's table
 * (default settings on seeds 1-5; monthly cadence, label delay 7, MLP and
 * window 7 on seed 1), the still-world table (Stable, seeds 1-5), the buggy-job
 * lines (seeds 1-5, and seed 1 with the validation gate off), the outage table
 * (seeds 1-5), the "What if?" table (Valentine's effect ×0.5, ×1 and ×2 on
 * seeds 1-5, up to the week after the 14th), the README's other figures (validation accuracy, oracle,
 * MLP against logistic validation), and which chapters say `instead` (their
 * claim broken) for each run. Takes about a minute per five runs.
 *
 * Each run is `npm run simulate -- --format json` (the CLI, so the figures are
 * the ones anybody can reproduce), read by the rules the chapters use
 * (src/sim/story/*.ts, each chapter's day from src/content/chapters.ts), so a
 * figure here is the number the chapter shows for that run.
 *
 * Owns: the list of runs and the tables' layout. Must not touch: the engine,
 * the rules or the documents (paste its output by hand, keeping the prose).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DayResult, RunOutput } from '../src/sim/contract';
import type { Settings } from '../src/sim/settings';
import { CHAPTERS } from '../src/content/chapters';
import { recovery, lagAfter, weekBeforeDrop } from '../src/sim/story/facts';
import { partnerShift, rushInputShift } from '../src/sim/story/conceptFacts';
import {
  buggyJobs,
  costComparison,
  lastJobQuarantine,
  outageFacts,
} from '../src/sim/story/opsFacts';
import { wayBackDay } from '../src/content/valentineText';
import { dropBand, whatIfAnswerDay } from '../src/content/whatIfText';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'lesson-figures-'));
const SEEDS = [1, 2, 3, 4, 5];

/** One CLI run with the given flags; its JSON output read back. */
async function simulate(flags: string[]): Promise<RunOutput> {
  const out = join(scratch, `${flags.join('_').replace(/[^\w-]/g, '')}.json`);
  await run(
    'npm',
    ['run', '--silent', 'simulate', '--', ...flags, '--format', 'json', '--out', out],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(readFileSync(out, 'utf8')) as RunOutput;
}

/** Runs the flag lists two at a time (the machine is shared), in order. */
async function simulateAll(list: string[][]): Promise<RunOutput[]> {
  const results: RunOutput[] = new Array<RunOutput>(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      results[i] = await simulate(list[i]);
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

const pct = (x: number) => (x * 100).toFixed(1);
const md = (days: readonly DayResult[], day: number | null) =>
  day === null ? '–' : (days[day - 1]?.date.slice(5) ?? '–');
const chapterDay = (id: string, s: Settings) => {
  const c = CHAPTERS.find((ch) => ch.id === id);
  const day = c?.day?.(s);
  if (day === undefined) throw new Error(`no day for chapter ${id}`);
  return day;
};
const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/** One row of the Valentine's table, by the chapters' rules. */
function valentineRow(name: string, out: RunOutput): string[] {
  const s = out.config.settings;
  const days = out.days;
  const st = weekBeforeDrop(days, s, 'static');
  const dyWeek = weekBeforeDrop(days, s, 'dynamic');
  const rush = st?.rush;
  if (!st || !dyWeek || !rush) throw new Error(`${name}: no Valentine's rush`);
  const dy = recovery(days, s, 'dynamic', rush.day);
  const lag = lagAfter(days.slice(0, wayBackDay(s)), s);
  const partner = partnerShift(days, s);
  const shift = rushInputShift(days, s)?.shift;
  const f2 = (x: number | null | undefined) => (x == null ? '–' : x.toFixed(2));
  return [
    name,
    pct(st.usual),
    pct(st.week),
    st.pointsLost.toFixed(1),
    pct(dyWeek.usual),
    md(days, dy?.dippedOn ?? null),
    dy?.lowest == null ? '–' : pct(dy.lowest),
    md(days, dy?.backOn ?? null),
    dy?.daysToRecover == null ? '–' : String(dy.daysToRecover),
    pct(dyWeek.week),
    !lag ? '–' : !lag.trails ? 'no lag' : lag.until === null ? 'past chapter' : md(days, lag.until),
    lag ? lag.maxPoints.toFixed(1) : '–',
    partner ? `${f2(partner.before.truth)} → ${f2(partner.holiday.truth)}` : '–',
    f2(partner?.holiday.static),
    partner ? `${f2(partner.before.dynamic)} → ${f2(partner.holiday.dynamic)}` : '–',
    shift ? `${shift.psi.toFixed(2)} (${shift.label}, ${md(days, shift.day)})` : 'none',
  ];
}

/** One row of the "What if?" table: the chapter's numbers up to the day that answers its guess. */
function whatIfRow(k: number, seed: number, out: RunOutput): string[] {
  const s = out.config.settings;
  const days = out.days.slice(0, whatIfAnswerDay(s));
  const st = weekBeforeDrop(days, s, 'static');
  if (!st) throw new Error(`what if ×${k}, seed ${seed}: no Valentine's rush`);
  const dy = recovery(days, s, 'dynamic', st.rush.day);
  const whatIf = CHAPTERS.find((c) => c.id === 'what-if');
  const text = whatIf?.text({ settings: s, days });
  return [
    `×${k}, seed ${seed}`,
    pct(st.usual),
    pct(st.week),
    st.pointsLost.toFixed(1),
    dropBand(st.pointsLost),
    md(days, dy?.dippedOn ?? null),
    md(days, dy?.backOn ?? null),
    dy?.daysToRecover == null ? '–' : String(dy.daysToRecover),
    text?.instead ? 'yes' : 'no',
  ];
}

async function main() {
  const valentineRuns: [string, string[]][] = [
    ...SEEDS.map((seed): [string, string[]] => [`seed ${seed}`, ['--seed', String(seed)]]),
    ['monthly, seed 1', ['--seed', '1', '--cadence', 'monthly']],
    ['delay 7, seed 1', ['--seed', '1', '--label-delay', '7']],
    ['MLP, seed 1', ['--seed', '1', '--model', 'mlp']],
    ['window 7, seed 1', ['--seed', '1', '--window', '7']],
  ];
  const stableFlags = SEEDS.map((seed) => ['--scenario', 'stable', '--seed', String(seed)]);
  const buggyFlags = [
    ...SEEDS.map((seed) => ['--scenario', 'buggy-job', '--seed', String(seed)]),
    ['--scenario', 'buggy-job', '--seed', '1', '--no-validation-gate'],
  ];
  const outageFlags = SEEDS.map((seed) => ['--scenario', 'outage', '--seed', String(seed)]);
  // The usual strength (×1) is the default year above; the others stop a week after the 14th.
  const whatIfRuns = [0.5, 2].flatMap((k) =>
    SEEDS.map((seed): [number, number, string[]] => [
      k,
      seed,
      ['--seed', String(seed), '--valentine-effect', String(k), '--days', '236'],
    ]),
  );
  const all = await simulateAll([
    ...valentineRuns.map(([, f]) => f),
    ...stableFlags,
    ...buggyFlags,
    ...outageFlags,
    ...whatIfRuns.map(([, , f]) => f),
  ]);
  const valentine = all.slice(0, valentineRuns.length);
  const stable = all.slice(valentineRuns.length, valentineRuns.length + 5);
  const buggy = all.slice(valentineRuns.length + 5, valentineRuns.length + 11);
  const outage = all.slice(valentineRuns.length + 11, valentineRuns.length + 16);
  const whatIf = all.slice(valentineRuns.length + 16);

  const lines: string[] = [];
  lines.push('## Valentine’s Day (accuracies in %, dates month-day)', '');
  lines.push(
    table(
      [
        'run',
        'static Jan',
        'static 7-13 Feb',
        'lost',
        'dynamic Jan',
        'dynamic dips',
        'lowest 3-day',
        'back',
        'days',
        'dynamic 7-13 Feb',
        'lag until',
        'max lag',
        'partner true',
        'static learned',
        'dynamic learned',
        'largest flagged PSI',
      ],
      valentineRuns.map(([name], i) => valentineRow(name, valentine[i])),
    ),
  );

  lines.push('', '## What if? (Valentine’s effect ×0.5, ×1, ×2; accuracies in %)', '');
  lines.push(
    table(
      [
        'run',
        'static Jan',
        'static 7-13 Feb',
        'lost',
        'guess band',
        'dynamic dips',
        'back',
        'days',
        'instead',
      ],
      [
        ...whatIfRuns.slice(0, 5).map(([k, seed], i) => whatIfRow(k, seed, whatIf[i])),
        ...SEEDS.map((seed, i) => whatIfRow(1, seed, valentine[i])),
        ...whatIfRuns.slice(5).map(([k, seed], i) => whatIfRow(k, seed, whatIf[i + 5])),
      ],
    ),
  );

  lines.push('', '## README’s other figures', '');
  lines.push(
    table(
      [
        'run',
        'static validation',
        'oracle yearly mean',
        'static yearly mean',
        'dynamic yearly mean',
      ],
      valentineRuns.map(([name], i) => {
        const sum = valentine[i].summary;
        return [
          name,
          sum.static.validationAccuracy.toFixed(3),
          sum.oracleMeanAccuracy.toFixed(3),
          sum.static.meanAccuracy.toFixed(3),
          sum.dynamic.meanAccuracy.toFixed(3),
        ];
      }),
    ),
  );

  lines.push('', '## Chapters whose claim the run breaks (`instead` set)', '');
  const broken = (out: RunOutput) => {
    const ids = CHAPTERS.filter((c) => c.scenario === out.config.settings.scenario)
      .filter((c) => c.text({ settings: out.config.settings, days: out.days })?.instead)
      .map((c) => c.id);
    return ids.length ? ids.join(', ') : 'none';
  };
  lines.push(
    table(
      ['run', 'chapters'],
      [
        ...valentineRuns.map(([name], i) => [name, broken(valentine[i])]),
        ...stable.map((out, i) => [`stable, seed ${SEEDS[i]}`, broken(out)]),
        ...buggy.map((out, i) => [
          i < 5 ? `buggy job, seed ${SEEDS[i]}` : 'buggy job, gate off, seed 1',
          broken(out),
        ]),
        ...outage.map((out, i) => [`outage, seed ${SEEDS[i]}`, broken(out)]),
      ],
    ),
  );

  lines.push('', '## Stable, the whole default year', '');
  lines.push(
    table(
      [
        'seed',
        'serving days',
        'static mean',
        'dynamic mean',
        'apart (points)',
        'runs (dynamic / static)',
        'examples ratio',
      ],
      stable.map((out, i) => {
        const c = costComparison(out.days.slice(0, out.config.settings.days));
        if (!c) throw new Error('stable: no comparison');
        return [
          String(SEEDS[i]),
          String(c.servingDays),
          pct(c.staticMean),
          pct(c.dynamicMean),
          c.pointsApart.toFixed(2),
          `${c.dynamicRuns} / ${c.staticRuns}`,
          c.examplesRatio.toFixed(2),
        ];
      }),
    ),
  );

  lines.push('', '## Buggy job, up to the chapter’s day', '');
  lines.push(
    table(
      [
        'run',
        'chapter day',
        'bad jobs',
        'from',
        'to',
        'blocked',
        'served',
        'kept serving',
        'next passed',
        'rollbacks',
      ],
      buggy.map((out, i) => {
        const s = out.config.settings;
        const day = chapterDay('jobs', s);
        const b = buggyJobs(out.days.slice(0, day));
        const name = i < 5 ? `seed ${SEEDS[i]}` : 'gate off, seed 1';
        if (!b) return [name, md(out.days, day), '0', '–', '–', '–', '–', '–', '–', '–'];
        const vs = (jobs: typeof b.bad) =>
          jobs.length
            ? `${jobs.length} (v${jobs[0].version}-v${jobs[jobs.length - 1].version})`
            : '0';
        return [
          name,
          md(out.days, day),
          String(b.bad.length),
          md(out.days, b.bad[0].day),
          md(out.days, b.bad[b.bad.length - 1].day),
          vs(b.blocked),
          vs(b.served),
          b.servingBefore === null ? '–' : `v${b.servingBefore}`,
          b.nextServing ? `v${b.nextServing.version} on ${md(out.days, b.nextServing.day)}` : '–',
          String(b.rollbacks.length),
        ];
      }),
    ),
  );

  lines.push('', '## Outage, up to the chapter’s day', '');
  lines.push(
    table(
      [
        'seed',
        'first dark day',
        'feature',
        'static before → on',
        'dynamic before → on',
        'PSI static / dynamic',
        'alert static / dynamic',
        'data gate',
      ],
      outage.map((out, i) => {
        const s = out.config.settings;
        const day = chapterDay('inputs', s);
        const o = outageFacts(out.days.slice(0, day));
        const q = lastJobQuarantine(out.days, day);
        if (!o) return [String(SEEDS[i]), '–', '–', '–', '–', '–', '–', '–'];
        return [
          String(SEEDS[i]),
          md(out.days, o.day),
          o.label,
          `${pct(o.static.accuracyBefore)} → ${pct(o.static.accuracyOn)}`,
          `${pct(o.dynamic.accuracyBefore)} → ${pct(o.dynamic.accuracyOn)}`,
          `${o.static.psi.toFixed(2)} / ${o.dynamic.psi.toFixed(2)}`,
          `${o.static.alert ? 'yes' : 'no'} / ${o.dynamic.alert ? 'yes' : 'no'}`,
          q ? `${q.quarantined} days out of v${q.version} on ${md(out.days, day)}` : '–',
        ];
      }),
    ),
  );
  console.log(lines.join('\n'));
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(scratch, { recursive: true, force: true }));
