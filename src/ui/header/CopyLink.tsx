/**
 * "Copy link to this moment": the page address already holds the scenario,
 * seed, settings, interventions, day and open views, so copying it shares
 * exactly what is on screen.
 *
 * Owns: the copy and its confirmation. Must not touch: the URL's contents
 * (src/store/url.ts writes them).
 */
import { useState } from 'react';

export function CopyLink() {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const copy = () => {
    const link = window.location.href;
    if (!navigator.clipboard) {
      setState('manual');
      return;
    }
    navigator.clipboard.writeText(link).then(
      () => {
        setState('copied');
        setTimeout(() => setState('idle'), 2500);
      },
      () => setState('manual'),
    );
  };
  return (
    <span className="copy-link">
      <button type="button" onClick={copy}>
        Copy link to this moment
      </button>
      <span role="status" className="copy-status">
        {state === 'copied' ? 'Link copied' : ''}
      </span>
      {state === 'manual' && (
        <input
          readOnly
          aria-label="Link to this moment (copy it)"
          value={window.location.href}
          onFocus={(e) => e.currentTarget.select()}
          autoFocus
        />
      )}
    </span>
  );
}
