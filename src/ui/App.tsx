/**
 * The lab's layout: header, status, timeline, the accuracy chart, a card per
 * model, the drift panel, the training jobs and the lesson, each panel behind its own error boundary; the
 * settings drawer and the shortcuts dialog.
 *
 * Owns: layout and the page-wide hooks (shortcuts, playback clock).
 * Must not touch: TensorFlow.js or the simulation (the worker runs it).
 */
import { ModelCard } from './cards/ModelCard';
import { ChartPanel } from './chart/ChartPanel';
import { ComparePanel } from './compare/ComparePanel';
import { DriftPanel } from './drift/DriftPanel';
import { JobsPanel } from './jobs/JobsPanel';
import { PanelBoundary } from './common/PanelBoundary';
import { Header } from './header/Header';
import { HelpDialog } from './help/HelpDialog';
import { LessonPanel } from './lesson/LessonPanel';
import { SettingsDrawer } from './settings/SettingsDrawer';
import { StatusLine } from './status/StatusLine';
import { useLabStore } from './storeContext';
import { Timeline } from './timeline/Timeline';
import { usePlaybackClock } from './timeline/usePlaybackClock';
import { useShortcuts } from './timeline/useShortcuts';

export function App() {
  const store = useLabStore();
  useShortcuts(store);
  usePlaybackClock(store);
  return (
    <div className="app">
      <Header />
      <main>
        <StatusLine />
        <Timeline />
        <div className="lab-grid">
          <PanelBoundary name="accuracy chart">
            <ChartPanel />
          </PanelBoundary>
          <div className="cards">
            <PanelBoundary name="static model">
              <ModelCard role="static" />
            </PanelBoundary>
            <PanelBoundary name="dynamic model">
              <ModelCard role="dynamic" />
            </PanelBoundary>
          </div>
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
        </div>
      </main>
      <SettingsDrawer />
      <HelpDialog />
    </div>
  );
}
