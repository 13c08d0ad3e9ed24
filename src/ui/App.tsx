/**
 * The app shell. For now a title page that says what the lab will show;
 * the timeline, chart and panels arrive with the browser-lab issue.
 * Owns: layout only. Must not touch: TensorFlow.js or the simulation.
 */
import { SCENARIOS, SCENARIO_IDS } from '../sim/world/scenarios';

export function App() {
  return (
    <main className="shell">
      <h1>Bloomcast</h1>
      <p className="lede">
        A flower shop, a model trained once on July and August, and a model retrained every day.
        Watch which one still knows its customers when Valentine&apos;s Day comes.
      </p>
      <h2>Scenarios</h2>
      <ul className="scenarios">
        {SCENARIO_IDS.map((id) => (
          <li key={id}>
            <strong>{SCENARIOS[id].title}</strong>: {SCENARIOS[id].description}
          </li>
        ))}
      </ul>
      <p className="note">
        The interactive lab is on its way. Meanwhile the same simulation runs from the command line:{' '}
        <code>npm run simulate -- --scenario valentine --seed 7</code>.
      </p>
    </main>
  );
}
