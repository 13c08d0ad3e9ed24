/**
 * What the accuracy chart's callouts say, computed from the run on screen:
 * the Valentine's rush (its days read from the world), the static model's
 * drop in the week before the 14th, the dynamic model's dip and recovery,
 * whether an outage brought both models down, rollbacks and the validation
 * gate's blocks. Each callout names the day and the line it points at, and
 * appears only once the days its number needs are computed and on screen.
 *
 * Owns: which callouts exist, their words and their order of importance.
 * Must not touch: the rules behind the numbers (src/sim/story), where the
 * callouts go (calloutPlacement.ts, annotations.ts) or drawing (chartMarks.tsx).
 */
import type { DayResult, ModelRole } from '../../sim/contract';
import { storyEvents } from '../../sim/story/events';
import { RECOVERY_POINTS, meanOver, recovery, weekBeforeDrop } from '../../sim/story/facts';
import { firstRush, type RunShape } from '../../sim/story/rush';
import { formatDate } from '../../sim/world/calendar';

export type CalloutKind = 'week-drop' | 'recovery' | 'outage' | 'rollback' | 'gate' | 'failed';

export interface Callout {
  key: string;
  kind: CalloutKind;
  /** The day it points at. */
  day: number;
  /** The line it points at. */
  role: ModelRole;
  /** The model it is about, whose colour it is written in (null: both). */
  tone: ModelRole | null;
  text: string;
  /** The same in fewer words, for a narrow chart. */
  short: string;
  /** Fewest words, for a phone: written in its line's colour, so the model goes without saying. */
  tiny: string;
}

/** The Valentine's rush, shaded on the chart: the days its effect is on, within the run. */
export interface RushBand {
  from: number;
  to: number;
  label: string;
}

/** Days before an outage that make each model's usual level for it. */
export const OUTAGE_BEFORE_DAYS = 7;
/** Points a model's mean over the dark days must fall below its week before to count as dropping. */
export const OUTAGE_DROP_POINTS = RECOVERY_POINTS;

/** "14 Feb" */
const shortDate = (date: string) => formatDate(date).replace(/ \d{4}$/, '');
const points = (p: number) => Math.round(p);

export function rushBand(settings: RunShape): RushBand | null {
  const rush = firstRush(settings);
  if (!rush) return null;
  return { from: rush.from, to: Math.min(rush.to, settings.days), label: 'Valentine’s rush' };
}

/** Each model's drop (in points) over an outage's dark days, seen up to `view`, against the week before it. */
export function outageDrops(
  days: readonly DayResult[],
  day: number,
  view: number,
): Record<ModelRole, number> | null {
  let last = day;
  while (last + 1 <= Math.min(view, days.length) && days[last]?.darkFeatures.length > 0) last++;
  const before = { from: day - OUTAGE_BEFORE_DAYS, to: day - 1 };
  const dark = { from: day, to: last };
  const drop = (role: ModelRole) => {
    const usual = meanOver(days, role, before);
    const during = meanOver(days, role, dark);
    return usual === null || during === null ? null : (usual - during) * 100;
  };
  const s = drop('static');
  const d = drop('dynamic');
  return s === null || d === null ? null : { static: s, dynamic: d };
}

const fellIn = (drops: Record<ModelRole, number>) =>
  (['static', 'dynamic'] as const).filter((r) => drops[r] >= OUTAGE_DROP_POINTS);

/** The one model that fell, or null (both or neither). */
function outageTone(drops: Record<ModelRole, number>): ModelRole | null {
  const fell = fellIn(drops);
  return fell.length === 1 ? fell[0] : null;
}

function outageText(drops: Record<ModelRole, number>): string {
  const fell = fellIn(drops);
  if (fell.length === 2) return 'outage: both models drop';
  if (fell.length === 1) return `outage: the ${fell[0]} model drops`;
  return 'outage: accuracy holds';
}

/** "gate blocks v90", or "gate blocks v90–v96" for a run of blocks on consecutive days. */
function gateCallouts(days: readonly DayResult[]): Callout[] {
  const out: Callout[] = [];
  let open: { from: number; to: number; first: number; last: number } | null = null;
  const close = () => {
    if (!open) return;
    const v = open.first === open.last ? `v${open.first}` : `v${open.first}–v${open.last}`;
    out.push({
      key: `gate-${open.from}`,
      kind: 'gate',
      day: open.from,
      role: 'dynamic',
      tone: 'dynamic',
      text: `gate blocks ${v}`,
      short: `gate blocks ${v}`,
      tiny: `gate blocks ${v}`,
    });
    open = null;
  };
  for (const d of days) {
    for (const job of d.dynamic?.jobs ?? []) {
      if (job.status !== 'rejected' || job.promoted) continue;
      if (open && d.day <= open.to + 1) {
        open.to = d.day;
        open.last = job.version;
      } else {
        close();
        open = { from: d.day, to: d.day, first: job.version, last: job.version };
      }
    }
  }
  close();
  return out;
}

/**
 * The callouts for the days on screen (1..view), most important first. The
 * Valentine's ones need the days their rule reads: the static drop the week
 * before the 14th, the recovery the days up to the one on screen.
 */
export function storyCallouts(
  days: readonly DayResult[],
  settings: RunShape,
  view: number,
): Callout[] {
  const shown = days.slice(0, Math.min(view, days.length));
  const out: Callout[] = [];

  const drop = weekBeforeDrop(shown, settings, 'static');
  if (drop && points(drop.pointsLost) >= 1) {
    out.push({
      key: 'week-drop',
      kind: 'week-drop',
      day: drop.rush.day - 4,
      role: 'static',
      tone: 'static',
      text: `static: −${points(drop.pointsLost)} points in the week before ${shortDate(drop.rush.date)}`,
      short: `static −${points(drop.pointsLost)} pts before ${shortDate(drop.rush.date)}`,
      tiny: `−${points(drop.pointsLost)} pts`,
    });
  }

  const back = recovery(shown, settings, 'dynamic');
  if (back && back.dippedOn !== null) {
    out.push(
      back.backOn !== null && back.daysToRecover !== null
        ? {
            key: 'recovery',
            kind: 'recovery',
            day: back.backOn,
            role: 'dynamic',
            tone: 'dynamic',
            text: `dynamic: back within ${RECOVERY_POINTS} points in ${back.daysToRecover} days`,
            short: `dynamic back in ${back.daysToRecover} days`,
            tiny: `back: ${back.daysToRecover} days`,
          }
        : {
            key: 'recovery',
            kind: 'recovery',
            day: back.dippedOn,
            role: 'dynamic',
            tone: 'dynamic',
            text: `dynamic: down more than ${RECOVERY_POINTS} points, not back yet`,
            short: 'dynamic down, not back yet',
            tiny: 'not back yet',
          },
    );
  }

  const events = storyEvents(shown, settings).filter((e) => e.day <= shown.length);
  for (const e of events) {
    if (e.kind === 'outage') {
      const drops = outageDrops(shown, e.day, shown.length);
      if (drops) {
        const lower: ModelRole = drops.static >= drops.dynamic ? 'static' : 'dynamic';
        out.push({
          key: `outage-${e.day}`,
          kind: 'outage',
          day: e.day,
          role: lower,
          tone: outageTone(drops),
          text: outageText(drops),
          short: outageText(drops).replace(' models', '').replace('the ', ''),
          tiny: outageText(drops).replace(' models', '').replace('the ', ''),
        });
      }
    } else if (e.kind === 'rollback' || e.kind === 'failed') {
      // The dynamic model's own events: the event's few words are the callout at every width.
      out.push({
        key: `${e.kind}-${e.day}`,
        kind: e.kind,
        day: e.day,
        role: 'dynamic',
        tone: 'dynamic',
        text: e.label,
        short: e.label,
        tiny: e.label,
      });
    }
  }
  out.push(...gateCallouts(shown));
  return out.sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.day - b.day);
}

/** Most important first: the lesson's two Valentine's facts, then what broke. */
const RANK: Record<CalloutKind, number> = {
  'week-drop': 0,
  recovery: 1,
  outage: 2,
  rollback: 3,
  gate: 4,
  failed: 5,
};
