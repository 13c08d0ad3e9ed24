/**
 * Presentation mode: the lab as a projector shows it to a room. A slim bar
 * (the product, the scenario, the open view, many worlds, the models'
 * numbers on or off, a way out), failures and notices, a slim timeline,
 * then for the chart view a large caption, the chart filling the screen and beside it both models'
 * headline numbers (large), the chart's legend and options; any other view is shown alone at the large type
 * of this mode (tokens.css, `.presenting`).
 *
 * Owns: that layout. Must not touch: what is inside a panel, or the caption's
 * words (the open chapter's, ChapterCaption.tsx; with none open, the
 * many-worlds sentence while a result is shown, manyWorldsText.ts, else the
 * scenario's description).
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabTarget } from '../../content/quiz';
import { worldTitle } from '../../sim/world/knobs';
import { SCENARIOS } from '../../sim/world/scenarios';
import type { Display } from '../../store/labTypes';
import type { QuizStore } from '../../store/quizProgress';
import { TAB_IDS, type Tab } from '../../store/tabs';
import type { ChapterStore } from '../../store/chapterProgress';
import { ChapterCaption } from '../chapters/ChapterCaption';
import { ChartKey, ChartPanel } from '../chart/ChartPanel';
import { ProjectorManyWorlds } from '../chart/ManyWorlds';
import { manyWorldsSentence } from '../chart/manyWorldsText';
import { PanelBoundary } from '../common/PanelBoundary';
import { EngineLine, StatusLine } from '../status/StatusLine';
import { useLab, useLabStore } from '../storeContext';
import { Timeline } from '../timeline/Timeline';
import { Headlines } from './Headlines';
import { LabView } from './LabView';
import { TAB_LABELS } from './tabLabels';

interface Props {
  quiz?: QuizStore;
  chapters?: ChapterStore;
  onOpenLab: (target: LabTarget) => void;
}

/** Whether a chapter is open (false without the chapters' store). */
function useChapterOpen(chapters?: ChapterStore): boolean {
  const fallback = useMemo(() => createStore<{ open: number | null }>(() => ({ open: null })), []);
  const store: StoreApi<{ open: number | null }> = chapters ?? fallback;
  return useStore(store, (s) => s.open !== null);
}

function ProjectorBar() {
  const store = useLabStore();
  const settings = useLab((s) => s.settings);
  const tab = useLab((s) => s.display.tab);
  const panel = useLab((s) => s.display.presentPanel);
  const set = (change: Partial<Display>) => store.getState().setDisplay(change);
  return (
    <header className="projector-bar">
      <h1>
        Bloomcast <span className="projector-scenario">· {worldTitle(settings)}</span>
      </h1>
      <label>
        View{' '}
        <select value={tab} onChange={(e) => set({ tab: e.target.value as Tab })}>
          {TAB_IDS.map((t) => (
            <option key={t} value={t}>
              {TAB_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      {tab === 'chart' && <ProjectorManyWorlds />}
      {tab === 'chart' && (
        <label className="projector-check">
          <input
            type="checkbox"
            checked={panel === 'cards'}
            onChange={(e) => set({ presentPanel: e.target.checked ? 'cards' : 'none' })}
          />{' '}
          Numbers
        </label>
      )}
      <button
        type="button"
        aria-pressed={true}
        aria-keyshortcuts="P"
        onClick={() => set({ presenting: false })}
      >
        Leave presentation
      </button>
    </header>
  );
}

export function ProjectorView({ quiz, chapters, onOpenLab }: Props) {
  const chapterOpen = useChapterOpen(chapters);
  const tab = useLab((s) => s.display.tab);
  const panel = useLab((s) => s.display.presentPanel);
  const scenario = useLab((s) => s.settings.scenario);
  const worlds = useLab((s) => s.seedsResult);
  return (
    <>
      <ProjectorBar />
      <main className="projector-main">
        {/* Failures and notices show in every layout, with their way out. */}
        <StatusLine slim />
        <Timeline slim />
        {tab === 'chart' ? (
          <>
            {/* With no chapter open, the caption is the scenario's, or what many worlds found. */}
            <ChapterCaption
              store={chapters}
              otherwise={
                worlds ? manyWorldsSentence(worlds.summary) : SCENARIOS[scenario].description
              }
            />
            <div className="projector-stage">
              <PanelBoundary name="accuracy chart">
                <ChartPanel height="fill" projector />
              </PanelBoundary>
              <div className="projector-side">
                {panel === 'cards' && <Headlines />}
                <ChartKey />
                <EngineLine />
              </div>
            </div>
          </>
        ) : (
          <>
            {/* Another view has no caption of its own; an open chapter still shows its words. */}
            {chapterOpen && <ChapterCaption store={chapters} otherwise={null} />}
            <LabView tab={tab} quiz={quiz} chapters={chapters} onOpenLab={onOpenLab} />
            <EngineLine />
          </>
        )}
      </main>
    </>
  );
}
