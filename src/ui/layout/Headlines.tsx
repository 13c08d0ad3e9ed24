/**
 * Both models' headline numbers side by side (last 7 days against the
 * serving version's validation, worst 7 days so far), each behind its own
 * error boundary. The start view keeps them at the top of the side column,
 * so they stay on screen whatever view is open; the projector view shows
 * them large beside the chart.
 *
 * Owns: placing the two headlines. Must not touch: what a headline says
 * (src/ui/cards/ModelHeadline.tsx).
 */
import { ModelHeadline } from '../cards/ModelHeadline';
import { PanelBoundary } from '../common/PanelBoundary';

export function Headlines() {
  return (
    <div className="headlines" aria-label="The two models in numbers" role="group">
      <PanelBoundary name="static model">
        <ModelHeadline role="static" />
      </PanelBoundary>
      <PanelBoundary name="dynamic model">
        <ModelHeadline role="dynamic" />
      </PanelBoundary>
    </div>
  );
}
