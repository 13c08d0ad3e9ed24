/**
 * The keyboard shortcuts, listed in a dialog opened with "?".
 *
 * Owns: the dialog's markup. The list itself is timeline/shortcuts.ts.
 * Must not touch: what the shortcuts do.
 */
import { Modal } from '../common/Modal';
import { useLab, useLabStore } from '../storeContext';
import { SHORTCUTS } from '../timeline/shortcuts';
import './help.css';

export function HelpDialog() {
  const store = useLabStore();
  const open = useLab((s) => s.display.helpOpen);
  const close = () => store.getState().setDisplay({ helpOpen: false });
  return (
    <Modal
      open={open}
      onClose={close}
      labelledBy="help-title"
      className="help"
      returnFocusTo='button[aria-keyshortcuts="?"]'
    >
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.label}>
              <th scope="row">
                <kbd>{s.label}</kbd>
              </th>
              <td>{s.description}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <kbd>Esc</kbd>
            </th>
            <td>Close a dialog</td>
          </tr>
        </tbody>
      </table>
      <button type="button" className="primary" onClick={close} autoFocus>
        Close
      </button>
    </Modal>
  );
}
