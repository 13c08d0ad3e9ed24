/**
 * The lab's page: the header, failures and notices, the timeline, then the
 * open view (a tab) beside a side column with both models' headline numbers
 * and the lesson. The chart view fills the screen; the other views (the two
 * models, watching the inputs, training jobs, the strategy comparison, the
 * quizzes, the data table) are one click or one key away, and the link
 * carries which is open. Presentation mode is the projector view
 * (ProjectorView.tsx).
 *
 * Owns: where each panel goes and the page-wide hooks (shortcuts, playback
 * clock). Must not touch: TensorFlow.js or the simulation (the worker runs
 * it), or what is inside a panel.
 */
import type { LabTarget } from '../content/quiz';
import { defaultSettings } from '../sim/settings';
import type { ChapterStore } from '../store/chapterProgress';
import type { QuizStore } from '../store/quizProgress';
import { Chapters } from './chapters/Chapters';
import { stepChapter } from './chapters/openChapter';
import { PanelBoundary } from './common/PanelBoundary';
import { useSpotlight } from './common/useSpotlight';
import { GlossaryDialog } from './glossary/Glossary';
import { Header } from './header/Header';
import { HelpDialog } from './help/HelpDialog';
import { Headlines } from './layout/Headlines';
import { LabView } from './layout/LabView';
import { ProjectorView } from './layout/ProjectorView';
import { ScenarioNote } from './layout/ScenarioNote';
import { ViewTabs } from './layout/ViewTabs';
import { LessonPanel } from './lesson/LessonPanel';
import { SettingsDrawer } from './settings/SettingsDrawer';
import { EngineLine, StatusLine } from './status/StatusLine';
import { useLab, useLabStore } from './storeContext';
import { Timeline } from './timeline/Timeline';
import { usePlaybackClock } from './timeline/usePlaybackClock';
import { useShortcuts } from './timeline/useShortcuts';
import { useMemo } from 'react';

/** The dialogs, the same in both layouts. */
function Overlays() {
  return (
    <>
      <SettingsDrawer />
      <HelpDialog />
      <GlossaryDialog />
    </>
  );
}

/**
 * The quiz's and the chapters' stores, when the page has them (tests of other
 * panels render without).
 */
export function App({ quiz, chapters }: { quiz?: QuizStore; chapters?: ChapterStore }) {
  const store = useLabStore();
  const page = useMemo(
    () => ({
      chapterStep: (step: 1 | -1) => {
        if (chapters) stepChapter(store, chapters, step);
      },
    }),
    [store, chapters],
  );
  useShortcuts(store, page);
  usePlaybackClock(store);
  useSpotlight();
  const presenting = useLab((s) => s.display.presenting);
  const tab = useLab((s) => s.display.tab);
  const openLab = (t: LabTarget) => {
    const settings = { ...defaultSettings(), ...t.settings, scenario: t.scenario };
    const lab = store.getState();
    lab.openMoment(settings, t.day, t.interventions ?? [], `Opened from the quiz: ${t.label}`);
    // The inputs' evidence is read on the static model (the panel's default), whatever was picked before.
    lab.setDisplay({ tab: t.view ?? 'chart', driftRole: 'static', driftScope: 'day' });
    window.scrollTo({ top: 0 });
    lab.spotlight(t.spotlight ?? null);
  };
  if (presenting) {
    return (
      <div className="app presenting">
        <ProjectorView quiz={quiz} chapters={chapters} onOpenLab={openLab} />
        <Overlays />
      </div>
    );
  }
  return (
    <div className={`app${tab === 'chart' ? ' fits-screen' : ''}`}>
      <Header chapters={chapters} />
      <main className="lab-main">
        <StatusLine />
        <Timeline />
        <div className="lab-layout">
          <div className="lab-views">
            <ViewTabs />
            <LabView tab={tab} quiz={quiz} chapters={chapters} onOpenLab={openLab} />
          </div>
          {/* The models' view opens with the same numbers: not twice on one screen. */}
          {tab !== 'models' && <Headlines />}
          <aside className="lab-side" aria-label="The lesson">
            <ScenarioNote />
            {chapters && (
              <PanelBoundary name="chapters">
                <Chapters store={chapters} quiz={quiz} />
              </PanelBoundary>
            )}
            <PanelBoundary name="lesson">
              <LessonPanel />
            </PanelBoundary>
            <EngineLine />
          </aside>
        </div>
      </main>
      <Overlays />
    </div>
  );
}
