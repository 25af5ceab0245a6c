// The post-incident review form's page: the review's facts, one text area per section and the
// action items table. Everything from the file is rendered through Lit bindings (as text); the
// page only sends intents, which the host validates and writes as splices of the file.
//
// How the text areas keep in step with the file is sectionSync.ts. The template's hints (HTML
// comments, "1. Why?" prompts) come apart from a section's text: hint text above the area and a
// placeholder in it, never the area's content.
import { css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { actionsRowStyles, factsListStyles, panelPageStyles, toneStyles } from '../panelStyles';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { PanelState, ReviewActionItemView, ReviewFormSection, ReviewFromWebview, ReviewSectionView, ReviewView } from '../../src/shared/protocol';
import { PanelElement, mountPanel } from '../panelElement';
import { MAX_SECTION_TEXT, SectionSync } from './sectionSync';

type Column = 'action' | 'owner' | 'due' | 'status';

const COLUMN_LABELS: Record<Column, string> = { action: 'Action', owner: 'Owner', due: 'Due date', status: 'Status' };

export class IncidentReview extends PanelElement<ReviewView, ReviewFromWebview, PanelState> {
  private readonly sync = new SectionSync<ReviewFormSection>({
    send: (w) => this.send({ type: 'setSection', incident: this.incidentId, ...w }),
    schedule: (run, ms) => {
      const timer = setTimeout(() => {
        run();
        this.requestUpdate();
      }, ms);
      return () => clearTimeout(timer);
    },
    maxText: MAX_SECTION_TEXT,
    firstSeq: Date.now(),
  });
  /**
   * Each section's hint and placeholder as first shown: they stay while the form is open, though
   * the first write of the section takes the template's hints out of the file.
   */
  private readonly hints = new Map<ReviewFormSection, { hint: string | null; placeholder: string | null }>();

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
    p.hint {
      margin: 0 0 6px;
      white-space: pre-line;
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
    /* The action items: a table with the action's column taking what the others leave, its text
       wrapping in a two-line area; on a narrow panel each item becomes a block of labelled fields. */
    :host {
      container-type: inline-size;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      table-layout: fixed;
    }
    col.owner {
      width: 9.5em;
    }
    col.due {
      width: 10.5em;
    }
    col.status {
      width: 7.5em;
    }
    col.done {
      width: 5.5em;
    }
    td vscode-textarea {
      width: 100%;
      min-height: 0;
    }
    .cell-label {
      display: none;
    }
    @container (max-width: 620px) {
      table,
      tbody,
      tr,
      td {
        display: block;
        width: auto;
      }
      thead {
        display: none;
      }
      tr {
        padding: 6px 0;
        border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-editorGroup-border));
      }
      td {
        border: none;
        padding: 2px 6px;
      }
      .cell-label {
        display: block;
        color: var(--vscode-descriptionForeground);
        font-size: 0.9em;
      }
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

  /** The action areas grow to their text when the panel's width changes. */
  private readonly resized = new ResizeObserver(() => this.fitActionAreas());

  connectedCallback(): void {
    super.connectedCallback();
    this.resized.observe(this);
  }

  disconnectedCallback(): void {
    this.resized.disconnect();
    super.disconnectedCallback();
  }

  protected updated(changed: PropertyValues): void {
    super.updated(changed);
    // After the areas have rendered the values just bound to them (their own update comes later).
    requestAnimationFrame(() => this.fitActionAreas());
  }

  /** Each action's area as tall as its wrapped text: no action is ever cut off. */
  private fitActionAreas(): void {
    for (const area of this.renderRoot.querySelectorAll<HTMLElement & { wrappedElement?: HTMLTextAreaElement }>('vscode-textarea.action')) {
      const inner = area.wrappedElement;
      if (!inner) continue;
      inner.style.height = 'auto';
      inner.style.height = `${inner.scrollHeight + 2}px`;
    }
  }

  protected savedState(v: ReviewView): PanelState {
    return { incident: v.incident };
  }

  /** The cell values sent since the last snapshot, by line and column. */
  private readonly sentCells = new Map<string, string>();

  /** Takes a new snapshot of the file, keeping text the user typed and the file does not hold yet. */
  protected adopt(view: ReviewView): void {
    this.sentCells.clear();
    this.sync.adopt(view.sections, view.handled ?? {}, view.readOnly === null);
    for (const s of view.sections) {
      const known = this.hints.get(s.key);
      this.hints.set(s.key, { hint: s.hint ?? known?.hint ?? null, placeholder: s.placeholder ?? known?.placeholder ?? null });
    }
    this.view = view;
    this.requestUpdate();
  }

  private get incidentId(): string {
    return this.view?.incident ?? '';
  }

  private onInput(key: ReviewFormSection, e: Event): void {
    this.sync.input(key, (e.target as HTMLTextAreaElement).value);
    this.requestUpdate();
  }

  private flush(key: ReviewFormSection): void {
    this.sync.flush(key);
    this.requestUpdate();
  }

  /** Mark final: the sections' unsent text goes first, so that the host sees what the form shows. */
  private onMarkFinal(): void {
    this.sync.flushAll();
    this.send({ type: 'markFinal', incident: this.incidentId });
  }

  private onCell(item: ReviewActionItemView, column: Column, e: Event): void {
    // One line in the file's table: a pasted line break becomes a space.
    const value = (e.target as HTMLInputElement).value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
    const current = item[column];
    // Enter saves an action, and leaving the area then fires its change again, perhaps before the
    // file's new snapshot is here: the same value is sent once.
    const key = `${item.line}:${column}`;
    if (value === current || this.sentCells.get(key) === value) return;
    this.sentCells.set(key, value);
    this.send({ type: 'editActionItem', incident: this.incidentId, item: { line: item.line, action: item.action }, column, value });
  }

  /** Enter in an action's area saves it, as in the one-line fields, and never breaks the line. */
  private onActionKey(item: ReviewActionItemView, e: KeyboardEvent): void {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    this.onCell(item, 'action', e);
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
        <vscode-button icon="pass" ?disabled=${v.final || v.readOnly !== null} @click=${() => this.onMarkFinal()}>Mark final</vscode-button>
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
    const { hint, placeholder } = this.hints.get(s.key) ?? { hint: s.hint, placeholder: s.placeholder };
    return html`<section>
      <h2 id=${`${id}-heading`}>${s.heading}</h2>
      ${hint ? html`<p class="hint muted" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${this.sync.conflicted(s.key) ? html`<p class="warn" role="status">This section changed in the file while you were typing; the form shows the file's text.</p>` : nothing}
      ${this.sync.overLimit(s.key) ? html`<p class="warn" role="status">This section is longer than ${MAX_SECTION_TEXT.toLocaleString('en')} characters; the form does not save it. Shorten it, or edit the file.</p>` : nothing}
      <vscode-textarea
        id=${id}
        .label=${s.heading}
        rows=${placeholder ? Math.max(4, placeholder.split('\n').length) : 4}
        resize="vertical"
        placeholder=${placeholder ?? ''}
        ?readonly=${v.readOnly !== null}
        .value=${live(this.sync.value(s.key) ?? s.text)}
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
            <colgroup><col class="action" /><col class="owner" /><col class="due" /><col class="status" /><col class="done" /></colgroup>
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
            <vscode-textfield id="new-due" type="date" .label=${'Due date'}></vscode-textfield>
            <vscode-button icon="add" type="submit" @click=${(e: Event) => this.onAdd(e)}>Add action item</vscode-button>
          </form>`
        : nothing}
    </section>`;
  }

  private renderItem(v: ReviewView, item: ReviewActionItemView, writable: boolean, canClose: boolean) {
    // Table rows are edited cell by cell; a task-list item only by its box (the rest in the file).
    const editable = writable && item.kind === 'row';
    const label = (c: Column) => `${COLUMN_LABELS[c]} of ${item.action}`;
    const field = (c: Column) => {
      if (!editable || !v.columns.includes(c)) return html`${item[c]}`;
      // The action wraps in its area (a table cell holds one line: Enter saves, never breaks it).
      if (c === 'action')
        return html`<vscode-textarea class="action" .label=${label(c)} rows="1" .value=${live(item[c])} @input=${() => this.fitActionAreas()} @keydown=${(e: KeyboardEvent) => this.onActionKey(item, e)} @change=${(e: Event) => this.onCell(item, c, e)}></vscode-textarea>`;
      // A date picker for a date or nothing; a due date written otherwise ("next sprint") stays text.
      const type = c === 'due' && (item.due === '' || /^\d{4}-\d{2}-\d{2}$/.test(item.due)) ? 'date' : 'text';
      return html`<vscode-textfield type=${type} .label=${label(c)} .value=${live(item[c])} @change=${(e: Event) => this.onCell(item, c, e)}></vscode-textfield>`;
    };
    const cell = (c: Column) => html`<span class="cell-label" aria-hidden="true">${COLUMN_LABELS[c]}</span>${field(c)}`;
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
