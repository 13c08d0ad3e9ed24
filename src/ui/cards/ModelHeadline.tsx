/**
 * A model's headline: its name, colour and serving version, its last 7 days
 * against that version's own held-out check, and its worst 7 days so far
 * with their dates (and, with a many-worlds result for these settings, on
 * how many seeds the worst week falls on those days too). Compact (about 90 px high at 440 px wide); large in
 * presentation mode. ModelCard opens with it; the start view places it alone.
 *
 * Owns: the headline's wording and markup (HeadlineBody, ModelHeadline).
 * Must not touch: the derivations (headline.ts) or where it is placed.
 */
import { useDeferredValue, useId, useMemo } from 'react';
import type { ModelRole } from '../../sim/contract';
import { COLLECTION_DAYS } from '../../sim/ops/schedule';
import { dateOfDay, formatDate } from '../../sim/world/calendar';
import { percent } from '../chart/chartData';
import { SERIES_COLORS } from '../chart/chartStyle';
import { useCalmDays, useThrottled } from '../common/useThrottled';
import { useLab } from '../storeContext';
import { dateRangeText, headline, pointsText, WEEK } from './headline';
import { useWorstWeekSeeds } from './seedsCount';
import './cards.css';

export const MODEL_TITLES: Record<ModelRole, string> = {
  static: 'Static model',
  dynamic: 'Dynamic model',
};

/**
 * The headline of `role` on the day on screen, from the store (memoised by
 * run and day; while a run streams in, at most twice a second: useCalmDays).
 */
export function useHeadline(role: ModelRole) {
  const { days, view } = useCalmDays();
  const busy = useLab((s) => s.status !== 'paused');
  const summary = useDeferredValue(
    useThrottled(
      useLab((s) => s.summary),
      busy,
    ),
  );
  return useMemo(() => headline(days, view, role, summary), [days, view, role, summary]);
}

/** The heading (name, swatch, version) and the two numbers; `titleId` names the heading. */
export function HeadlineBody({ role, titleId }: { role: ModelRole; titleId: string }) {
  const h = useHeadline(role);
  const seeds = useWorstWeekSeeds(role, h.worst);
  const start = useLab((s) => s.settings.startDate);
  const lastCollected = formatDate(dateOfDay(start, COLLECTION_DAYS));
  const firstServed = formatDate(dateOfDay(start, COLLECTION_DAYS + 1));
  return (
    <div className={`model-headline model-${role}`}>
      <h2 id={titleId} className="headline-title">
        <span className="swatch" style={{ background: SERIES_COLORS[role] }} />
        {MODEL_TITLES[role]}
        {h.servingVersion !== null && <span className="version">v{h.servingVersion}</span>}
      </h2>
      {h.servedDays === 0 ? (
        <p className="headline-empty">
          {h.servingVersion === null
            ? `Collecting data: nothing to show yet. Version 1 is trained on ${lastCollected} and serves from ${firstServed}.`
            : `Version 1 was trained today; nothing served yet. It serves from ${firstServed}.`}
        </p>
      ) : (
        <dl className="headline-stats">
          <div>
            <dt>{h.recentDays < WEEK ? `Last ${h.recentDays} days` : `Last ${WEEK} days`}</dt>
            <dd>
              <span className="headline-number">{percent(h.recentAccuracy)}</span>
              {h.gap !== null && (
                <span className={`headline-gap${h.gap < -0.05 ? ' bad' : ''}`}>
                  {pointsText(h.gap)}
                </span>
              )}
              <small>
                {h.check
                  ? `vs v${h.check.version}’s own check, ${percent(h.check.accuracy)}`
                  : `v${h.servingVersion} had no held-out check`}
              </small>
            </dd>
          </div>
          <div>
            <dt>Worst {WEEK} days so far</dt>
            <dd>
              {h.worst ? (
                <>
                  <span className="headline-number">{percent(h.worst.accuracy)}</span>
                  <small>{dateRangeText(h.worst.from, h.worst.to)}</small>
                  {seeds && (
                    <small className="headline-seeds" title={seeds.title}>
                      {seeds.text}
                    </small>
                  )}
                </>
              ) : (
                <small className="headline-wait">
                  after {WEEK} days of serving ({h.servedDays} so far)
                </small>
              )}
            </dd>
          </div>
        </dl>
      )}
    </div>
  );
}

/** The headline on its own, for the start view: `<ModelHeadline role="static" />`. */
export function ModelHeadline({ role }: { role: ModelRole }) {
  const titleId = useId();
  return (
    <section className="panel model-headline-panel" aria-labelledby={titleId}>
      <HeadlineBody role={role} titleId={titleId} />
    </section>
  );
}
