/**
 * Importing a scenario JSON file (a file picker or a drop): validated whole by
 * the settings schema (readScenario.ts), so a bad file changes nothing and
 * says what is wrong.
 *
 * Owns: reading the file and showing the message (the file's name echoed:
 * cut and free of control characters; a long message wraps and scrolls in
 * its box, settings.css). Must not touch: the rules (settings.ts), what a
 * file's text means (readScenario.ts).
 */
import { type DragEvent, useState } from 'react';
import { echo } from '../../sim/echo';
import type { Settings } from '../../sim/settings';
import { MAX_BYTES, readScenario } from './readScenario';
import './settings.css';

export { readScenario } from './readScenario';

export function ImportSettings({
  onImport,
}: {
  /** `name` is the file's name as it may be shown (echoed). */
  onImport: (settings: Settings, name: string) => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const take = async (file: File | undefined) => {
    if (!file) return;
    const name = echo(file.name);
    if (file.size > MAX_BYTES) {
      setMessage(`${name} is ${Math.round(file.size / 1024)} KB: too large to be a scenario file.`);
      return;
    }
    const result = readScenario(await file.text());
    if (!result.ok) {
      setMessage(`${name} was not imported: ${result.message}. Nothing changed.`);
      return;
    }
    setMessage(null);
    onImport(result.settings, name);
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void take(event.dataTransfer.files[0]);
  };

  return (
    <div
      className={`import-zone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label htmlFor="import-file">Import a scenario file (JSON)</label>
      <input
        id="import-file"
        type="file"
        accept="application/json,.json"
        aria-describedby={message ? 'import-error' : undefined}
        onChange={(e) => void take(e.target.files?.[0])}
      />
      <small>
        …or drop it here. The same format as “Export → Settings as JSON” and the command line’s
        settings.
      </small>
      {message && (
        // Focusable, so a message long enough to scroll in its capped box scrolls by keyboard too.
        <p id="import-error" className="error" role="alert" tabIndex={0}>
          {message}
        </p>
      )}
    </div>
  );
}
