// The status update composer's page: the update prefilled from the log for the chosen audience,
// editable; copy as Markdown or as Slack text; "Mark as sent"; "Post to webhook" when the
// workspace has one; the war-room channel. Everything
// from the log is rendered through Lit bindings (as text); the page only sends intents, which
// the host validates and carries out (the clipboard and the log are the host's).
import { LitElement, type PropertyValues, css, html, nothing } from 'lit';
import { panelPageStyles, factsListStyles } from '../panelStyles';
import { live } from 'lit/directives/live.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import type { ComposeClockView, ComposeFromWebview, ComposeToWebview, ComposeView, PanelState, UpdateAudience } from '../../src/shared/protocol';
import { type PanelChannel, panelChannel } from '../api';

type Channel = PanelChannel<ComposeToWebview, ComposeFromWebview, PanelState>;

const AUDIENCE_LABELS: Record<UpdateAudience, string> = { internal: 'Internal (team)', statuspage: 'Status page (customers)' };

export class IncidentComposer extends LitElement {
  static properties = {
    view: { state: true },
    missing: { state: true },
    text: { state: true },
    edited: { state: true },
    notice: { state: true },
  };

  declare view: ComposeView | undefined;
  declare missing: string | undefined;
  /** The text in the editor: the prefilled update until the responder edits it. */
  declare text: string;
  /** The responder changed the text: a new snapshot from the log does not replace it. */
  declare edited: boolean;
  declare notice: { level: 'info' | 'error'; message: string } | undefined;
  channel: Channel | undefined;

  constructor() {
    super();
    this.text = '';
    this.edited = false;
  }

  static styles = [
    panelPageStyles, factsListStyles,
    css`
    .error {
      color: var(--vscode-errorForeground);
    }
    .muted {
      color: var(--vscode-descriptionForeground);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 12px 0;
    }
    vscode-textarea {
      width: 100%;
      font-family: var(--vscode-editor-font-family);
    }
    .readonly {
      padding: 8px 12px;
      border-left: 3px solid var(--vscode-editorWarning-foreground);
      background: var(--vscode-textBlockQuote-background);
      margin: 8px 0;
    }
    code {
      font-family: var(--vscode-editor-font-family);
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

  private receive(m: ComposeToWebview): void {
    switch (m.type) {
      case 'state': {
        const audienceChanged = this.view?.audience !== m.view.audience || this.view?.incident.id !== m.view.incident.id;
        this.view = m.view;
        this.missing = undefined;
        if (!this.edited || audienceChanged) {
          this.text = m.view.markdown;
          this.edited = false;
        }
        this.channel?.setState({ incident: m.view.incident.id });
        break;
      }
      case 'missing':
        this.missing = m.message;
        break;
      case 'notice':
        this.notice = { level: m.level, message: m.message };
        break;
    }
  }

  protected updated(changed: PropertyValues): void {
    if (changed.has('view') && this.view) document.title = `Update: ${this.view.incident.id}`;
  }

  private send(message: ComposeFromWebview): void {
    this.channel?.post(message);
  }

  private get incidentId(): string {
    return this.view?.incident.id ?? '';
  }

  private onInput(e: Event): void {
    this.text = (e.target as HTMLTextAreaElement).value;
    this.edited = true;
  }

  private onAudience(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    if (value === 'internal' || value === 'statuspage') this.send({ type: 'setAudience', incident: this.incidentId, audience: value });
  }

  private regenerate(): void {
    if (!this.view) return;
    this.text = this.view.markdown;
    this.edited = false;
  }

  render() {
    if (this.missing) return html`<p class="muted">${this.missing}</p>`;
    const v = this.view;
    if (!v) return html`<p class="muted">Loading the update…</p>`;
    const empty = this.text.trim() === '';
    return html`
      <h1>Status update: ${v.incident.id}</h1>
      <p>${v.incident.title}${v.incident.severity ? html` <vscode-badge variant="counter">${v.incident.severity}</vscode-badge>` : nothing}</p>
      <vscode-radio-group @change=${(e: Event) => this.onAudience(e)} aria-label="Audience">
        ${(['internal', 'statuspage'] as const).map((a) => html`<vscode-radio name="audience" value=${a} ?checked=${v.audience === a}>${AUDIENCE_LABELS[a]}</vscode-radio>`)}
      </vscode-radio-group>
      ${this.renderFacts(v)}
      <vscode-textarea id="update-text" label="Update text (markdown)" rows="14" resize="vertical" .value=${live(this.text)} @input=${(e: Event) => this.onInput(e)}></vscode-textarea>
      <div class="actions">
        <vscode-button icon="copy" ?disabled=${empty} @click=${() => this.send({ type: 'copy', incident: this.incidentId, format: 'markdown', text: this.text })}>Copy as Markdown</vscode-button>
        <vscode-button icon="copy" secondary ?disabled=${empty} @click=${() => this.send({ type: 'copy', incident: this.incidentId, format: 'slack', text: this.text })}>Copy as Slack text</vscode-button>
        <vscode-button icon="check" secondary ?disabled=${empty || v.readOnly !== null} @click=${() => this.send({ type: 'markSent', incident: this.incidentId, audience: v.audience, text: this.text })}>Mark as sent</vscode-button>
        ${v.webhook
          ? html`<vscode-button id="post-webhook" icon="send" secondary title=${`Posts the Slack text to ${v.webhook}, then logs it like Mark as sent`} ?disabled=${empty || v.readOnly !== null} @click=${() => this.send({ type: 'postWebhook', incident: this.incidentId, audience: v.audience, text: this.text })}>Post to webhook</vscode-button>`
          : nothing}
        ${this.edited ? html`<vscode-button icon="refresh" secondary @click=${() => this.regenerate()}>Refill from the log</vscode-button>` : nothing}
      </div>
      ${v.readOnly ? html`<p class="readonly" role="note">${v.readOnly}</p>` : nothing}
      ${this.notice ? html`<p role="status" class=${this.notice.level === 'error' ? 'error' : 'muted'}>${this.notice.message}</p>` : nothing}
    `;
  }

  private renderClock(c: ComposeClockView | null, cadence: string | null) {
    if (!cadence) return html`<span class="muted">none required</span>`;
    if (!c) return html`<span class="muted">every ${cadence}; no update logged yet</span>`;
    return html`<span class=${c.overdue ? 'error' : ''}>${c.at} (${c.relative})</span> <span class="muted">· every ${cadence}</span>`;
  }

  private renderFacts(v: ComposeView) {
    return html`<dl class="facts">
      <dt>Status</dt>
      <dd>${v.incident.status ?? 'not set'}</dd>
      <dt>Next internal update</dt>
      <dd>${this.renderClock(v.due.internal, v.cadence.internal)}</dd>
      <dt>Next status page update</dt>
      <dd>${this.renderClock(v.due.statuspage, v.cadence.statuspage)}</dd>
      <dt>War room</dt>
      <dd>
        ${v.warRoom
          ? html`<code>${v.warRoom}</code> <vscode-button icon="copy" secondary @click=${() => this.send({ type: 'copyWarRoom', incident: this.incidentId })}>Copy</vscode-button>`
          : html`<span class="muted">no detection time to name it from</span>`}
      </dd>
    </dl>`;
  }
}

export function startComposeApp(root: HTMLElement): void {
  if (!customElements.get('incident-composer')) customElements.define('incident-composer', IncidentComposer);
  const app = document.createElement('incident-composer') as IncidentComposer;
  app.channel = panelChannel();
  root.append(app);
}
