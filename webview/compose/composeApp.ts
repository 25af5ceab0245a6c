// The status update composer's page: the update prefilled from the log for the chosen audience,
// editable; copy as Markdown or as Slack text; "Mark as sent"; "Post to webhook" when the
// workspace has one; the war-room channel. Each audience keeps its own edited draft while the
// page is open: switching to the other audience and back brings the edits back, and a note says
// that the other audience's draft holds edits ("Refill from the log" drops this one's). Everything
// from the log is rendered through Lit bindings (as text); the page only sends intents, which
// the host validates and carries out (the clipboard and the log are the host's).
import { css, html, nothing } from 'lit';
import { actionsRowStyles, editorTextAreaStyles, factsListStyles, panelPageStyles, readOnlyNoteStyles, toneStyles } from '../panelStyles';
import { live } from 'lit/directives/live.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import type { ComposeClockView, ComposeFromWebview, ComposeView, PanelState, UpdateAudience } from '../../src/shared/protocol';
import { MAX_DRAFT_TEXT } from '../../src/shared/limits';
import { IncidentPanelElement, mountPanel } from '../panelElement';

const AUDIENCE_LABELS: Record<UpdateAudience, string> = { internal: 'Internal (team)', statuspage: 'Status page (customers)' };

export class IncidentComposer extends IncidentPanelElement<ComposeView, ComposeFromWebview> {
  static properties = {
    text: { state: true },
    drafts: { state: true },
  };

  /** The text in the editor: the shown audience's edited draft, else the prefilled update. */
  declare text: string;
  /**
   * The responder's edited drafts, one per audience (of the incident shown): a new snapshot from
   * the log does not replace them, and switching audience keeps them.
   */
  declare drafts: Partial<Record<UpdateAudience, string>>;

  constructor() {
    super();
    this.text = '';
    this.drafts = {};
  }

  /** The shown audience's draft was edited. */
  private get edited(): boolean {
    return this.view !== undefined && this.drafts[this.view.audience] !== undefined;
  }

  static styles = [
    panelPageStyles, factsListStyles, toneStyles, actionsRowStyles, readOnlyNoteStyles, editorTextAreaStyles,
    css`
    .actions {
      margin: 12px 0;
    }
    code {
      font-family: var(--vscode-editor-font-family);
    }
    `,
  ];

  /** The incident whose drafts the page's saved state held (until the first snapshot). */
  private restoredFor: string | undefined;

  /** Drafts kept from before the page was rebuilt (hidden and shown again, or a reload). */
  protected restoreState(saved: unknown): void {
    if (!saved || typeof saved !== 'object') return;
    const { incident, drafts } = saved as { incident?: unknown; drafts?: unknown };
    if (typeof incident !== 'string' || !drafts || typeof drafts !== 'object') return;
    const kept: Partial<Record<UpdateAudience, string>> = {};
    for (const audience of ['internal', 'statuspage'] as const) {
      const text = (drafts as Record<string, unknown>)[audience];
      if (typeof text === 'string' && text.length <= MAX_DRAFT_TEXT) kept[audience] = text;
    }
    this.drafts = kept;
    this.restoredFor = incident;
  }

  protected savedState(v: ComposeView): PanelState {
    return Object.keys(this.drafts).length ? { incident: v.incident.id, drafts: { ...this.drafts } } : { incident: v.incident.id };
  }

  /** A new snapshot shows the audience's edited draft when it has one, else the prefilled update. */
  protected adopt(view: ComposeView): void {
    const shown = this.view?.incident.id ?? this.restoredFor;
    if (shown !== undefined && shown !== view.incident.id) this.drafts = {};
    this.restoredFor = undefined;
    this.view = view;
    this.text = this.drafts[view.audience] ?? view.markdown;
  }

  protected pageTitle(v: ComposeView): string {
    return `Update: ${v.incident.id}`;
  }

  private onInput(e: Event): void {
    this.text = (e.target as HTMLTextAreaElement).value;
    // The text being edited is the shown audience's (a switch takes effect with the host's snapshot).
    if (this.view) this.drafts = { ...this.drafts, [this.view.audience]: this.text };
    this.saveState();
  }

  private onAudience(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    if (value === 'internal' || value === 'statuspage') this.send({ type: 'setAudience', incident: this.incidentId, audience: value });
  }

  /** Drops the shown audience's edits (the other audience's draft is kept). */
  private regenerate(): void {
    if (!this.view) return;
    const others = { ...this.drafts };
    delete others[this.view.audience];
    this.drafts = others;
    this.text = this.view.markdown;
    this.saveState();
  }

  /** Says that the other audience's draft holds edits, which switching back brings back. */
  private renderDraftsNote(v: ComposeView) {
    const other: UpdateAudience = v.audience === 'internal' ? 'statuspage' : 'internal';
    if (this.drafts[other] === undefined) return nothing;
    return html`<p class="muted drafts-note" role="note">Your edits to the ${AUDIENCE_LABELS[other]} draft are kept: switch back to it to see them.</p>`;
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
      ${this.renderDraftsNote(v)}
      ${this.renderFacts(v)}
      <vscode-textarea id="update-text" .label=${'Update text (markdown)'} rows="14" resize="vertical" .value=${live(this.text)} @input=${(e: Event) => this.onInput(e)}></vscode-textarea>
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
      <!-- When the update being written is due; the draft's "Next update" is the one after it. -->
      <dt>Internal update due</dt>
      <dd>${this.renderClock(v.due.internal, v.cadence.internal)}</dd>
      <dt>Status page update due</dt>
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
  mountPanel(root, 'incident-composer', IncidentComposer);
}
