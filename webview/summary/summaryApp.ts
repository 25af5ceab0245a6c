// The executive summary composer's page: the summary and the final update, prefilled by the
// host from the incident and its review, editable, and copied as Markdown, Slack text or plain
// text. Everything from the log is rendered through Lit bindings (as text).
import { LitElement, type PropertyValues, css, html, nothing } from 'lit';
import { panelPageStyles } from '../panelStyles';
import { live } from 'lit/directives/live.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import type { PanelState, SummaryFromWebview, SummaryToWebview, SummaryView } from '../../src/shared/protocol';
import { type PanelChannel, panelChannel } from '../api';

type Channel = PanelChannel<SummaryToWebview, SummaryFromWebview, PanelState>;
type Part = 'summary' | 'finalUpdate';

const FORMATS = [
  ['markdown', 'Copy as Markdown'],
  ['slack', 'Copy as Slack text'],
  ['text', 'Copy as plain text'],
] as const;

export class IncidentSummary extends LitElement {
  static properties = {
    view: { state: true },
    missing: { state: true },
    texts: { state: true },
    notice: { state: true },
  };

  declare view: SummaryView | undefined;
  declare missing: string | undefined;
  /** The responder's edits, per part; a part not edited follows the log. */
  declare texts: Partial<Record<Part, string>>;
  declare notice: string | undefined;
  channel: Channel | undefined;

  constructor() {
    super();
    this.texts = {};
  }

  static styles = [
    panelPageStyles,
    css`
    h2 {
      font-size: 1.1em;
      font-weight: 600;
      margin: 16px 0 6px;
    }
    vscode-textarea {
      width: 100%;
      font-family: var(--vscode-editor-font-family);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 8px 0;
    }
    .muted {
      color: var(--vscode-descriptionForeground);
    }
    `,
  ];

  connectedCallback(): void {
    super.connectedCallback();
    const channel = this.channel;
    if (!channel) return;
    channel.onMessage((m) => this.receive(m));
    channel.post({ type: 'ready' });
  }

  private receive(m: SummaryToWebview): void {
    switch (m.type) {
      case 'state':
        this.view = m.view;
        this.missing = undefined;
        this.channel?.setState({ incident: m.view.incident.id });
        break;
      case 'missing':
        this.missing = m.message;
        break;
      case 'notice':
        this.notice = m.message;
        break;
    }
  }

  protected updated(changed: PropertyValues): void {
    if (changed.has('view') && this.view) document.title = `Summary: ${this.view.incident.id}`;
  }

  private text(part: Part): string {
    return this.texts[part] ?? this.view?.[part] ?? '';
  }

  private renderPart(part: Part, label: string, rows: number) {
    const id = this.view?.incident.id ?? '';
    const text = this.text(part);
    return html`<section>
      <h2>${label}</h2>
      <vscode-textarea
        id=${part}
        .label=${label}
        rows=${rows}
        resize="vertical"
        .value=${live(text)}
        @input=${(e: Event) => (this.texts = { ...this.texts, [part]: (e.target as HTMLTextAreaElement).value })}
      ></vscode-textarea>
      <div class="actions">
        ${FORMATS.map(
          ([format, name], i) =>
            html`<vscode-button icon="copy" ?secondary=${i > 0} ?disabled=${text.trim() === ''} @click=${() => this.channel?.post({ type: 'copy', incident: id, format, text: this.text(part) })}>${name}</vscode-button>`,
        )}
        ${this.texts[part] !== undefined ? html`<vscode-button icon="refresh" secondary @click=${() => (this.texts = { ...this.texts, [part]: undefined })}>Refill</vscode-button>` : nothing}
      </div>
    </section>`;
  }

  render() {
    if (this.missing) return html`<p class="muted">${this.missing}</p>`;
    const v = this.view;
    if (!v) return html`<p class="muted">Loading the summary…</p>`;
    return html`
      <h1>Executive summary: ${v.incident.id}</h1>
      <p class="muted">
        ${v.review ? html`From the incident and its review, ${v.review}.` : 'From the incident; no post-incident review yet.'}
        <vscode-button secondary icon="notebook" @click=${() => this.channel?.post({ type: 'openReview', incident: v.incident.id })}>Open Post-Incident Review</vscode-button>
      </p>
      ${this.renderPart('summary', 'Executive summary', 18)} ${this.renderPart('finalUpdate', v.incident.active ? 'Update' : 'Final update', 6)}
      ${this.notice ? html`<p role="status" class="muted">${this.notice}</p>` : nothing}
    `;
  }
}

export function startSummaryApp(root: HTMLElement): void {
  if (!customElements.get('incident-summary')) customElements.define('incident-summary', IncidentSummary);
  const app = document.createElement('incident-summary') as IncidentSummary;
  app.channel = panelChannel();
  root.append(app);
}
