// The executive summary composer's page: the summary and the final update, prefilled by the
// host from the incident and its review, editable, and copied as Markdown, Slack text or plain
// text. Everything from the log is rendered through Lit bindings (as text).
import { css, html, nothing } from 'lit';
import { actionsRowStyles, editorTextAreaStyles, panelPageStyles, toneStyles } from '../panelStyles';
import { live } from 'lit/directives/live.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import type { SummaryFromWebview, SummaryView } from '../../src/shared/protocol';
import { IncidentPanelElement, mountPanel } from '../panelElement';

type Part = 'summary' | 'finalUpdate';

const FORMATS = [
  ['markdown', 'Copy as Markdown'],
  ['slack', 'Copy as Slack text'],
  ['text', 'Copy as plain text'],
] as const;

export class IncidentSummary extends IncidentPanelElement<SummaryView, SummaryFromWebview> {
  static properties = {
    texts: { state: true },
  };

  /** The responder's edits, per part; a part not edited follows the log. */
  declare texts: Partial<Record<Part, string>>;

  constructor() {
    super();
    this.texts = {};
  }

  static styles = [
    panelPageStyles, toneStyles, actionsRowStyles, editorTextAreaStyles,
    css`
    h2 {
      font-size: 1.1em;
      font-weight: 600;
      margin: 16px 0 6px;
    }
    .actions {
      margin: 8px 0;
    }
    `,
  ];

  protected pageTitle(v: SummaryView): string {
    return `Summary: ${v.incident.id}`;
  }

  private text(part: Part): string {
    return this.texts[part] ?? this.view?.[part] ?? '';
  }

  private renderPart(part: Part, label: string, rows: number) {
    const id = this.incidentId;
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
            html`<vscode-button icon="copy" ?secondary=${i > 0} ?disabled=${text.trim() === ''} @click=${() => this.send({ type: 'copy', incident: id, format, text: this.text(part) })}>${name}</vscode-button>`,
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
        <vscode-button secondary icon="notebook" @click=${() => this.send({ type: 'openReview', incident: v.incident.id })}>Open Post-Incident Review</vscode-button>
      </p>
      ${this.renderPart('summary', 'Executive summary', 18)} ${this.renderPart('finalUpdate', v.incident.active ? 'Update' : 'Final update', 6)}
      ${this.notice ? html`<p role="status" class="muted">${this.notice.message}</p>` : nothing}
    `;
  }
}

export function startSummaryApp(root: HTMLElement): void {
  mountPanel(root, 'incident-summary', IncidentSummary);
}
