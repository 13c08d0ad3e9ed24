/**
 * An error boundary around each panel: a panel that throws shows a short
 * message and a retry button; the rest of the lab keeps working.
 *
 * Owns: catching render errors of one panel.
 * Must not touch: the store (nothing is lost when a panel fails).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  name: string;
  children: ReactNode;
}

export class PanelBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`The ${this.props.name} panel failed`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section className="panel panel-failed" role="alert">
        <h2>The {this.props.name} panel could not be shown</h2>
        <p>{this.state.error.message}</p>
        <p>The simulation and your settings are unaffected.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </section>
    );
  }
}
