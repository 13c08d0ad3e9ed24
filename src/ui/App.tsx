/**
 * The lab's layout: header, status, timeline, the accuracy chart, a card per
 * model, the drift panel, the training jobs and the lesson, each panel behind its own error boundary; the
 * settings drawer and the shortcuts dialog.
 *
 * Owns: layout (the lab, and presentation mode: large type, a slim status bar
 * for failures and notices, the chart, the timeline and one chosen panel) and
 * the page-wide hooks (shortcuts, playback clock).
 * Must not touch: TensorFlow.js or the simulation (the worker runs it).
 */
import { ModelCard } from './cards/ModelCard';
import { ChartPanel } from './chart/ChartPanel';
import { ComparePanel } from './compare/ComparePanel';
import { DriftPanel } from './drift/DriftPanel';
import { JobsPanel } from './jobs/JobsPanel';
import { PanelBoundary } from './common/PanelBoundary';
import { GlossaryDialog } from './glossary/Glossary';
import { Header } from './header/Header';
import { HelpDialog } from './help/HelpDialog';
import { LessonPanel } from './lesson/LessonPanel';
import { SettingsDrawer } from './settings/SettingsDrawer';
import { StatusLine } from './status/StatusLine';
import type { LabTarget } from '../content/quiz';
import { defaultSettings } from '../sim/settings';
import type { QuizStore } from '../store/quizProgress';
import type { TourStore } from '../store/tourProgress';
import { QuizPanel } from './quiz/QuizPanel';
import { Tour } from './tour/Tour';
import { useLab, useLabStore } from './storeContext';
import { Timeline } from './timeline/Timeline';
import { usePlaybackClock } from './timeline/usePlaybackClock';
import { useShortcuts } from './timeline/useShortcuts';

/** Both models' cards, each behind its own boundary. */
function ModelCards() {
  return (
    <div className="cards">
      <PanelBoundary name="static model">
        <ModelCard role="static" />
      </PanelBoundary>
      <PanelBoundary name="dynamic model">
        <ModelCard role="dynamic" />
      </PanelBoundary>
    </div>
  );
}

/** The dialogs and the tour, the same in both layouts. */
function Overlays({ tour }: { tour?: TourStore }) {
  return (
    <>
      <SettingsDrawer />
      <HelpDialog />
      <GlossaryDialog />
      {tour && <Tour store={tour} />}
    </>
  );
}

/** The quiz's store, when the page has one (tests of other panels render without). */
export function App({ quiz, tour }: { quiz?: QuizStore; tour?: TourStore }) {
  const store = useLabStore();
  useShortcuts(store);
  usePlaybackClock(store);
  const presenting = useLab((s) => s.display.presenting);
  const openLab = (t: LabTarget) => {
    const settings = { ...defaultSettings(), ...t.settings, scenario: t.scenario };
    store
      .getState()
      .openMoment(settings, t.day, t.interventions ?? [], `Opened from the quiz: ${t.label}`);
    document.getElementById('chart-title')?.scrollIntoView({ block: 'start' });
  };
  const panel = useLab((s) => s.display.presentPanel);
  if (presenting) {
    return (
      <div className="app presenting">
        <Header tour={tour} />
        <main>
          {/* Failures and notices show in every layout, with their way out. */}
          <StatusLine slim />
          <Timeline />
          <div className={`present-grid${panel === 'none' ? ' alone' : ''}`}>
            <PanelBoundary name="accuracy chart">
              <ChartPanel height={340} />
            </PanelBoundary>
            {panel === 'cards' && <ModelCards />}
            {panel === 'drift' && (
              <PanelBoundary name="drift">
                <DriftPanel />
              </PanelBoundary>
            )}
            {panel === 'jobs' && (
              <PanelBoundary name="training jobs">
                <JobsPanel />
              </PanelBoundary>
            )}
          </div>
        </main>
        <Overlays tour={tour} />
      </div>
    );
  }
  return (
    <div className="app">
      <Header tour={tour} />
      <main>
        <StatusLine />
        <Timeline />
        <div className="lab-grid">
          <PanelBoundary name="accuracy chart">
            <ChartPanel />
          </PanelBoundary>
          <ModelCards />
          <PanelBoundary name="drift">
            <DriftPanel />
          </PanelBoundary>
          <PanelBoundary name="training jobs">
            <JobsPanel />
          </PanelBoundary>
          <PanelBoundary name="strategy comparison">
            <ComparePanel />
          </PanelBoundary>
          <PanelBoundary name="lesson">
            <LessonPanel />
          </PanelBoundary>
          {quiz && (
            <PanelBoundary name="quiz">
              <QuizPanel store={quiz} onOpenLab={openLab} />
            </PanelBoundary>
          )}
        </div>
      </main>
      <Overlays tour={tour} />
    </div>
  );
}
