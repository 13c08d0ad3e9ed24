/**
 * A short, collapsible reminder of the lesson beside the lab: made to read
 * in a side column about 380 px wide, on a phone and in presentation mode
 * (lesson.css). The section is a size container: give it a definite width
 * (a grid track or a flex basis), not one that follows its content.
 *
 * Owns: layout of the lesson text (src/content/lesson.ts holds the words).
 * Must not touch: the store.
 */
import { SCENARIO_NOTES } from '../../content/hints';
import { LESSON_INTRO, LESSON_TABLE, LESSON_TITLE, RULES_OF_THUMB } from '../../content/lesson';
import { SCENARIOS } from '../../sim/world/scenarios';
import { useLab } from '../storeContext';
import './lesson.css';

export function LessonPanel() {
  const scenario = useLab((s) => s.settings.scenario);
  const note = SCENARIO_NOTES[scenario];
  return (
    <section className="panel lesson" aria-labelledby="lesson-title">
      <details open>
        <summary>
          <h2 id="lesson-title">{LESSON_TITLE}</h2>
        </summary>
        <p>{LESSON_INTRO}</p>
        {/* Roles stated: in a narrow column the table is laid out as a grid
            (lesson.css), and some browsers drop a table's roles with its display. */}
        <table className="lesson-table" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <td role="cell" />
              <th scope="col" role="columnheader">
                Static (train once)
              </th>
              <th scope="col" role="columnheader">
                Dynamic (keep training)
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {LESSON_TABLE.map((row) => (
              <tr key={row.aspect} role="row">
                <th scope="row" role="rowheader">
                  {row.aspect}
                </th>
                <td role="cell">{row.static}</td>
                <td role="cell">{row.dynamic}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Rules of thumb</h3>
        <ol>
          {RULES_OF_THUMB.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ol>
      </details>
      <details className="scenario-notes">
        <summary>
          <h3>For instructors: {SCENARIOS[scenario].title}</h3>
        </summary>
        <dl>
          <dt>What to show</dt>
          <dd>{note.show}</dd>
          <dt>What to ask the class</dt>
          <dd>{note.ask}</dd>
        </dl>
      </details>
    </section>
  );
}
