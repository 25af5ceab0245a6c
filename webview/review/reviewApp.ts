// The post-incident review form's page: the review's facts, one text area per section and the
// action items table. Everything from the file is rendered through Lit bindings (as text); the
// page only sends intents, which the host validates and writes as splices of the file.
//
// A section is sent 500 ms after typing stops, and at once when its text area loses focus. Each
// send carries the text the form last got from the file (`base`): the host writes only while the
// file still reads so, so the form never overwrites text it did not show.
import { css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { actionsRowStyles, factsListStyles, panelPageStyles, toneStyles } from '../panelStyles';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { PanelState, ReviewActionItemView, ReviewFormSection, ReviewFromWebview, ReviewSectionView, ReviewView } from '../../src/shared/protocol';
import { PanelElement, mountPanel } from '../panelElement';

type Column = 'action' | 'owner' | 'due' | 'status';

const DEBOUNCE_MS = 500;
const COLUMN_LABELS: Record<Column, string> = { action: 'Action', owner: 'Owner', due: 'Due date', status: 'Status' };

/** Blank lines at either end and line-break style do not count: the host trims them when it writes. */
const same = (a: string, b: string) => {
  const n = (s: string) => s.replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '');
  return n(a) === n(b);
};

export class IncidentReview extends PanelElement<ReviewView, ReviewFromWebview, PanelState> {
  static properties = {
    values: { state: true },
    conflicts: { state: true },
  };

  /** What each text area holds (the user's text, possibly not sent yet). */
  declare values: Partial<Record<ReviewFormSection, string>>;
  /** Sections whose unsent text gave way to a change made in the file. */
  declare conflicts: ReadonlySet<ReviewFormSection>;
  /** The file's text each value is based on (what the form last got for the section). */
  private readonly base: Partial<Record<ReviewFormSection, string>> = {};
  /** Text sent and not yet seen back in the file. */
  private readonly inFlight: Partial<Record<ReviewFormSection, string>> = {};
  private readonly timers = new Map<ReviewFormSection, ReturnType<typeof setTimeout>>();

  constructor() {
    super();
    this.values = {};
    this.conflicts = new Set();
  }

  static styles = [
    panelPageStyles, factsListStyles, toneStyles, actionsRowStyles,
    css`
    h1 {
      margin-bottom: 4px;
    }
    h2 {
      font-size: 1.1em;
      font-weight: 600;
      margin: 20px 0 6px;
    }
    .actions {
      margin: 12px 0 8px;
    }
    .readonly {
      padding: 8px 12px;
      border-left: 3px solid var(--vscode-editorWarning-foreground);
      background: var(--vscode-textBlockQuote-background);
    }
    vscode-textarea {
      width: 100%;
      min-height: 5em;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 4px 6px;
      border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-editorGroup-border));
      vertical-align: middle;
    }
    th {
      color: var(--vscode-descriptionForeground);
      font-weight: 600;
    }
    td vscode-textfield {
      width: 100%;
    }
    th:first-child {
      width: 40%;
    }
    tr.overdue td:first-child {
      border-left: 3px solid var(--vscode-errorForeground);
    }
    form.add {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-top: 10px;
    }
    `,
  ];

  protected pageTitle(v: ReviewView): string {
    return `Review: ${v.incident}`;
  }

  protected savedState(v: ReviewView): PanelState {
    return { incident: v.incident };
  }

  /** Takes a new snapshot of the file, keeping text the user typed and has not sent yet. */
  protected adopt(view: ReviewView): void {
    const values = { ...this.values };
    const conflicts = new Set(this.conflicts);
    for (const s of view.sections) {
      const base = this.base[s.key];
      const value = values[s.key];
      const sent = this.inFlight[s.key];
      if (base === undefined || value === undefined) {
        this.base[s.key] = values[s.key] = s.text;
        continue;
      }
      if (s.text === base) continue;
      this.base[s.key] = s.text;
      if (sent !== undefined) {
        // The file after our own write: keep the user's text when it reads the same.
        delete this.inFlight[s.key];
        if (value === sent && !same(s.text, sent)) values[s.key] = s.text;
        continue;
      }
      // A change made in the file (by hand, git, the CLI): it wins over text not sent yet.
      if (value !== base && !same(value, s.text)) conflicts.add(s.key);
      clearTimeout(this.timers.get(s.key));
      values[s.key] = s.text;
    }
    this.values = values;
    this.conflicts = conflicts;
    this.view = view;
  }


  private get incidentId(): string {
    return this.view?.incident ?? '';
  }

  private onInput(key: ReviewFormSection, e: Event): void {
    const value = (e.target as HTMLTextAreaElement).value;
    this.values = { ...this.values, [key]: value };
    if (this.conflicts.has(key)) {
      const conflicts = new Set(this.conflicts);
      conflicts.delete(key);
      this.conflicts = conflicts;
    }
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => this.flush(key), DEBOUNCE_MS),
    );
  }

  /** Sends the section when it differs from the file's text (on the debounce, and on blur). */
  private flush(key: ReviewFormSection): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const value = this.values[key];
    const base = this.base[key];
    if (value === undefined || base === undefined || value === base || this.view?.readOnly) return;
    this.inFlight[key] = value;
    this.send({ type: 'setSection', incident: this.incidentId, section: key, base, text: value });
  }

  private onCell(item: ReviewActionItemView, column: Column, e: Event): void {
    const value = (e.target as HTMLInputElement).value.trim();
    const current = item[column];
    if (value === current) return;
    this.send({ type: 'editActionItem', incident: this.incidentId, item: { line: item.line, action: item.action }, column, value });
  }

  private onDone(item: ReviewActionItemView, e: Event): void {
    this.send({ type: 'setActionItemDone', incident: this.incidentId, item: { line: item.line, action: item.action }, done: (e.target as HTMLInputElement).checked });
  }

  private onAdd(e: Event): void {
    e.preventDefault();
    const field = (id: string) => this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
    const action = field('new-action')?.value.trim() ?? '';
    if (!action) return;
    const owner = field('new-owner')?.value.trim() ?? '';
    const due = field('new-due')?.value.trim() ?? '';
    this.send({ type: 'addActionItem', incident: this.incidentId, action, owner, due });
    for (const id of ['new-action', 'new-owner', 'new-due']) {
      const f = field(id);
      if (f) f.value = '';
    }
  }

  render() {
    if (this.missing) return html`<p class="muted">${this.missing}</p>`;
    const v = this.view;
    if (!v) return html`<p class="muted">Loading the review…</p>`;
    return html`
      <h1>Post-incident review: ${v.incident}${v.facts.title ? html` — ${v.facts.title}` : nothing}</h1>
      <p class="muted">${v.file}</p>
      ${this.renderFacts(v)}
      <div class="actions">
        <vscode-button icon="pass" ?disabled=${v.final || v.readOnly !== null} @click=${() => this.send({ type: 'markFinal', incident: this.incidentId })}>Mark final</vscode-button>
        <vscode-button icon="go-to-file" secondary @click=${() => this.send({ type: 'openFile', incident: this.incidentId })}>Open file</vscode-button>
      </div>
      ${v.readOnly ? html`<p class="readonly" role="note">${v.readOnly}</p>` : nothing}
      ${v.sections.map((s) => this.renderSection(v, s))}
      ${this.renderActionItems(v)}
    `;
  }

  private renderFacts(v: ReviewView) {
    const f = v.facts;
    const fact = (label: string, value: string | null) => html`<dt>${label}</dt><dd>${value ?? html`<span class="muted">not set</span>`}</dd>`;
    return html`<dl class="facts">
      ${fact('Incident', v.incident)} ${fact('Title', f.title)}
      <dt>Severity</dt>
      <dd>${f.severity ? html`<vscode-badge variant="counter">${f.severity}</vscode-badge>` : html`<span class="muted">not set</span>`}</dd>
      ${fact('Detected', f.detected)} ${fact('Resolved', f.resolved)} ${fact('Duration', f.duration)}
      <dt>Review due</dt>
      <dd>${f.reviewDue ?? html`<span class="muted">not set</span>`}${f.overdue ? html` <span class="error">overdue</span>` : nothing}</dd>
      <dt>Status</dt>
      <dd>${f.status ?? html`<span class="muted">not set</span>`}</dd>
    </dl>`;
  }

  private renderSection(v: ReviewView, s: ReviewSectionView) {
    const id = `section-${s.key}`;
    return html`<section>
      <h2 id=${`${id}-heading`}>${s.heading}</h2>
      ${this.conflicts.has(s.key) ? html`<p class="warn" role="status">This section changed in the file while you were typing; the form shows the file's text.</p>` : nothing}
      <vscode-textarea
        id=${id}
        .label=${s.heading}
        rows="4"
        resize="vertical"
        ?readonly=${v.readOnly !== null}
        .value=${live(this.values[s.key] ?? s.text)}
        @input=${(e: Event) => this.onInput(s.key, e)}
        @focusout=${() => this.flush(s.key)}
      ></vscode-textarea>
    </section>`;
  }

  private renderActionItems(v: ReviewView) {
    const writable = v.readOnly === null;
    const canClose = v.columns.includes('status');
    return html`<section>
      <h2>Action items</h2>
      ${v.actionItems.length === 0
        ? html`<p class="muted">No action items yet.</p>`
        : html`<table>
            <thead>
              <tr>
                ${(['action', 'owner', 'due', 'status'] as const).map((c) => html`<th scope="col">${COLUMN_LABELS[c]}</th>`)}
                <th scope="col">Done</th>
              </tr>
            </thead>
            <tbody>
              ${v.actionItems.map((item) => this.renderItem(v, item, writable, canClose))}
            </tbody>
          </table>`}
      ${writable
        ? html`<form class="add" @submit=${(e: Event) => this.onAdd(e)}>
            <vscode-textfield id="new-action" .label=${'New action item'} placeholder="New action item"></vscode-textfield>
            <vscode-textfield id="new-owner" .label=${'Owner'} placeholder=${v.defaultOwner ?? 'Owner'}></vscode-textfield>
            <vscode-textfield id="new-due" .label=${'Due date'} placeholder="YYYY-MM-DD"></vscode-textfield>
            <vscode-button icon="add" type="submit" @click=${(e: Event) => this.onAdd(e)}>Add action item</vscode-button>
          </form>`
        : nothing}
    </section>`;
  }

  private renderItem(v: ReviewView, item: ReviewActionItemView, writable: boolean, canClose: boolean) {
    // Table rows are edited cell by cell; a task-list item only by its box (the rest in the file).
    const editable = writable && item.kind === 'row';
    const cell = (c: Column) =>
      editable && v.columns.includes(c)
        ? html`<vscode-textfield .label=${`${COLUMN_LABELS[c]} of ${item.action}`} .value=${live(item[c])} placeholder=${c === 'due' ? 'YYYY-MM-DD' : ''} @change=${(e: Event) => this.onCell(item, c, e)}></vscode-textfield>`
        : html`${item[c]}`;
    return html`<tr class=${item.overdue ? 'overdue' : ''}>
      <td>${cell('action')}</td>
      <td>${cell('owner')}</td>
      <td>${cell('due')}${item.overdue ? html` <span class="error">overdue</span>` : nothing}</td>
      <td>${cell('status')}</td>
      <td>
        <vscode-checkbox
          .checked=${live(item.done)}
          ?disabled=${!writable || (item.kind === 'row' && !canClose)}
          @change=${(e: Event) => this.onDone(item, e)}
          >Done</vscode-checkbox
        >
      </td>
    </tr>`;
  }
}

export function startReviewApp(root: HTMLElement): void {
  mountPanel(root, 'incident-review', IncidentReview);
}
