/**
 * The open view: one tab panel holding the chart (with the first screen's way
 * in over it) or one of the panels one click away. Only the open view is in
 * the page, so a long run draws nothing it does not show; the code of a view
 * off the first screen loads when it first opens.
 *
 * Owns: which panel each view shows, and its tab panel markup.
 * Must not touch: what is inside a panel.
 */
import type { LabTarget } from '../../content/quiz';
import type { QuizStore } from '../../store/quizProgress';
import type { Tab } from '../../store/tabs';
import type { ChapterStore } from '../../store/chapterProgress';
import { lazy, Suspense } from 'react';
import { ChartPanel } from '../chart/ChartPanel';
import { PanelBoundary } from '../common/PanelBoundary';
import { tabId, tabPanelId } from './tabLabels';
import { Welcome } from './Welcome';

// The views off the first screen load when first opened: the chart view's
// download stays small (the page's JS budget), and a view is fetched once.
const ModelCard = lazy(() => import('../cards/ModelCard').then((m) => ({ default: m.ModelCard })));
const DataTablePanel = lazy(() =>
  import('../chart/DataTablePanel').then((m) => ({ default: m.DataTablePanel })),
);
const ComparePanel = lazy(() =>
  import('../compare/ComparePanel').then((m) => ({ default: m.ComparePanel })),
);
const DriftPanel = lazy(() =>
  import('../drift/DriftPanel').then((m) => ({ default: m.DriftPanel })),
);
const JobsPanel = lazy(() => import('../jobs/JobsPanel').then((m) => ({ default: m.JobsPanel })));
const QuizPanel = lazy(() => import('../quiz/QuizPanel').then((m) => ({ default: m.QuizPanel })));

interface Props {
  tab: Tab;
  quiz?: QuizStore;
  chapters?: ChapterStore;
  onOpenLab: (target: LabTarget) => void;
}

function ViewContent({ tab, quiz, chapters, onOpenLab }: Props) {
  switch (tab) {
    case 'chart':
      return (
        <div className="chart-view">
          <PanelBoundary name="accuracy chart">
            <ChartPanel height="fill" />
          </PanelBoundary>
          <Welcome chapters={chapters} />
        </div>
      );
    case 'models':
      return (
        <div className="models-view">
          <PanelBoundary name="static model">
            <ModelCard role="static" />
          </PanelBoundary>
          <PanelBoundary name="dynamic model">
            <ModelCard role="dynamic" />
          </PanelBoundary>
        </div>
      );
    case 'inputs':
      return (
        <PanelBoundary name="drift">
          <DriftPanel />
        </PanelBoundary>
      );
    case 'jobs':
      return (
        <PanelBoundary name="training jobs">
          <JobsPanel />
        </PanelBoundary>
      );
    case 'compare':
      return (
        <PanelBoundary name="strategy comparison">
          <ComparePanel />
        </PanelBoundary>
      );
    case 'quiz':
      return quiz ? (
        <PanelBoundary name="quiz">
          <QuizPanel store={quiz} onOpenLab={onOpenLab} />
        </PanelBoundary>
      ) : (
        <p className="panel">The quizzes are not part of this page.</p>
      );
    case 'table':
      return (
        <PanelBoundary name="data table">
          <DataTablePanel />
        </PanelBoundary>
      );
  }
}

export function LabView(props: Props) {
  return (
    <div
      className={`lab-view view-${props.tab}`}
      role="tabpanel"
      id={tabPanelId(props.tab)}
      aria-labelledby={tabId(props.tab)}
    >
      <Suspense fallback={<p className="panel view-loading">Opening this view…</p>}>
        <ViewContent {...props} />
      </Suspense>
    </div>
  );
}
