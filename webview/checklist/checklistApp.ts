// The response checklist panel's page: the incident's facts and clocks, its phases with
// progress, and the items to tick. Everything from the log is rendered through Lit bindings
// (as text); the page only sends intents, which the host validates and carries out.
import { css, html, nothing } from 'lit';
import { actionsRowStyles, factsListStyles, panelPageStyles, readOnlyNoteStyles, toneStyles } from '../panelStyles';
import { live } from 'lit/directives/live.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { ChecklistFromWebview, ChecklistItemView, ChecklistPhaseView, ChecklistView, PanelCommand } from '../../src/shared/protocol';
import { IncidentPanelElement, mountPanel } from '../panelElement';
import { linkParts } from '../text';

const BUTTONS: ReadonlyArray<{ command: PanelCommand; label: string; icon: string; activeOnly: boolean }> = [
  { command: 'addTimelineEntry', label: 'Add Timeline Entry', icon: 'add', activeOnly: false },
  { command: 'setStatus', label: 'Set Status', icon: 'pulse', activeOnly: false },
  { command: 'resolve', label: 'Resolve', icon: 'pass', activeOnly: true },
  { command: 'composeUpdate', label: 'Compose Update', icon: 'megaphone', activeOnly: true },
];

export class IncidentChecklist extends IncidentPanelElement<ChecklistView, ChecklistFromWebview> {
  static properties = {
    skipping: { state: true },
  };

  /** The item whose skip reason is being asked for. */
  declare skipping: number | undefined;

  static styles = [
    panelPageStyles, factsListStyles, toneStyles, actionsRowStyles, readOnlyNoteStyles,
    css`
    .actions {
      margin: 12px 0 16px;
    }
    vscode-collapsible {
      margin-bottom: 8px;
    }
    vscode-progress-bar {
      margin: 4px 0 8px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 4px 12px 8px;
    }
    /* The item's text and notes on the left, its buttons in a column of their own on the right:
       every Skip… sits at the same place, whatever the length of the text before it. */
    li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: center;
      column-gap: 12px;
      padding: 3px 0;
    }
    .item-text {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px;
      min-width: 0;
    }
    .item-buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    li form {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 4px 0 4px 28px;
    }
    li .skipped {
      color: var(--vscode-descriptionForeground);
      font-style: italic;
    }
    a {
      color: var(--vscode-textLink-foreground);
      cursor: pointer;
    }
    a:hover {
      color: var(--vscode-textLink-activeForeground);
    }
    a:focus-visible {
      outline: 1px solid var(--vscode-focusBorder);
    }
    `,
  ];

  protected pageTitle(v: ChecklistView): string {
    return `Checklist: ${v.incident.id}`;
  }

  private onToggle(item: ChecklistItemView, e: Event): void {
    const box = e.target as HTMLInputElement;
    this.send({ type: 'setDone', incident: this.incidentId, item: { index: item.index, text: item.text }, done: box.checked });
  }

  /** Opens an item's reason field (one at a time) and puts the focus in it. */
  private async openSkip(item: ChecklistItemView): Promise<void> {
    this.skipping = item.index;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#reason-${item.index}`)?.focus();
  }

  /** Closes the reason field without skipping; the focus goes back to the item's Skip… button. */
  private async cancelSkip(item: ChecklistItemView): Promise<void> {
    this.skipping = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#skip-${item.index}`)?.focus();
  }

  private onSkipKey(item: ChecklistItemView, e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    void this.cancelSkip(item);
  }

  private async onSkip(item: ChecklistItemView, e: Event): Promise<void> {
    e.preventDefault();
    // The Skip button's click submits the form too: act once.
    if (this.skipping !== item.index) return;
    const field = this.renderRoot.querySelector<HTMLInputElement>(`#reason-${item.index}`);
    const reason = field?.value.trim() ?? '';
    if (!reason) {
      field?.focus();
      return;
    }
    this.skipping = undefined;
    this.send({ type: 'skip', incident: this.incidentId, item: { index: item.index, text: item.text }, reason });
    // The Skip… button goes with the form: the focus stays on the item.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#item-${item.index}`)?.focus();
  }

  private openLink(href: string, e: Event): void {
    e.preventDefault();
    this.send({ type: 'openLink', incident: this.incidentId, href });
  }

  render() {
    if (this.missing) return html`<p class="muted">${this.missing}</p>`;
    const v = this.view;
    if (!v) return html`<p class="muted">Loading the checklist…</p>`;
    const { done, skipped, total } = v.progress;
    return html`
      <h1>${v.incident.id}: ${v.incident.title}</h1>
      ${this.renderFacts(v)}
      <div class="actions">
        ${BUTTONS.filter((b) => v.incident.active || !b.activeOnly).map(
          (b) => html`<vscode-button icon=${b.icon} secondary @click=${() => this.send({ type: 'command', incident: this.incidentId, command: b.command })}>${b.label}</vscode-button>`,
        )}
      </div>
      ${v.readOnly ? html`<p class="readonly" role="note">${v.readOnly}</p>` : nothing}
      <p>${total ? `${done} of ${total} done${skipped ? `, ${skipped} skipped` : ''}` : 'This incident has no checklist.'}</p>
      ${v.phases.map((p) => this.renderPhase(v, p))}
    `;
  }

  private renderFacts(v: ChecklistView) {
    const c = v.clock;
    return html`<dl class="facts">
      <dt>Severity</dt>
      <dd>${v.incident.severity ? html`<vscode-badge variant="counter">${v.incident.severity}</vscode-badge>` : html`<span class="muted">not set</span>`}</dd>
      <dt>Status</dt>
      <dd>${v.incident.status ?? 'not set'}</dd>
      ${v.incident.roles.map((r) => html`<dt>${r.label}</dt><dd>${r.name ?? html`<span class="muted">unassigned</span>`}</dd>`)}
      ${v.incident.active
        ? html`<dt>Elapsed</dt>
            <dd>
              ${c.elapsed ?? html`<span class="muted">unknown</span>`}${c.responseTime ? html` <span class="muted">· response time ${c.responseTime}</span>` : nothing}
              ${c.breached ? html` <span class="warn">· past the response time without a commander</span>` : nothing}
            </dd>
            <dt>Next update due</dt>
            <dd>${c.nextUpdate ? html`<span class=${c.nextUpdate.overdue ? 'error' : ''}>${c.nextUpdate.at} (${c.nextUpdate.relative})</span>` : html`<span class="muted">none required</span>`}</dd>`
        : html`<dt>Duration</dt>
            <dd>${c.elapsed ?? html`<span class="muted">unknown</span>`}${c.resolved ? html` <span class="muted">· resolved ${c.resolved}</span>` : nothing}</dd>`}
    </dl>`;
  }

  private renderPhase(v: ChecklistView, p: ChecklistPhaseView) {
    return html`<vscode-collapsible heading=${p.title} open>
      <vscode-badge slot="decorations" variant="counter">${p.done}/${p.total}</vscode-badge>
      <vscode-progress-bar value=${p.done + p.skipped} max=${Math.max(1, p.total)} aria-label=${`${p.title}: ${p.done} of ${p.total} done${p.skipped ? `, ${p.skipped} skipped` : ''}`}></vscode-progress-bar>
      <ul>
        ${p.items.map((item) => this.renderItem(v, item))}
      </ul>
    </vscode-collapsible>`;
  }

  private renderItem(v: ChecklistView, item: ChecklistItemView) {
    const links = linkParts(item.text).filter((part) => part.kind === 'link');
    const writable = v.readOnly === null;
    const skippable = v.canSkip && writable && !item.done && item.skipped === null;
    return html`<li>
      <span class="item-text">
        <vscode-checkbox id=${`item-${item.index}`} .checked=${live(item.done)} ?disabled=${!writable} @change=${(e: Event) => this.onToggle(item, e)}>${item.text}</vscode-checkbox>
        ${item.skipped !== null ? html`<span class="skipped">skipped: ${item.skipped}</span>` : nothing}
        ${links.map((l) => html`<a href="#" @click=${(e: Event) => this.openLink(l.href, e)}>${l.text}</a>`)}
        ${item.dangerous ? html`<span class="warn">dangerous</span>` : nothing}
      </span>
      <span class="item-buttons">
        ${item.runnable && writable
          ? html`<vscode-button secondary icon="play" @click=${() => this.send({ type: 'run', incident: this.incidentId, item: { index: item.index, text: item.text } })}>Run</vscode-button>`
          : nothing}
        ${skippable && this.skipping !== item.index
          ? html`<vscode-button id=${`skip-${item.index}`} secondary aria-label=${`Skip: ${item.text}…`} @click=${() => void this.openSkip(item)}>Skip…</vscode-button>`
          : nothing}
      </span>
      ${skippable && this.skipping === item.index
          ? html`<form aria-label=${`Skip ${item.text}`} @submit=${(e: Event) => void this.onSkip(item, e)} @keydown=${(e: KeyboardEvent) => this.onSkipKey(item, e)}>
              <vscode-textfield id=${`reason-${item.index}`} .label=${`Reason for skipping ${item.text}`} placeholder="Reason for skipping"></vscode-textfield>
              <vscode-button type="submit" @click=${(e: Event) => void this.onSkip(item, e)}>Skip</vscode-button>
              <vscode-button secondary @click=${() => void this.cancelSkip(item)}>Cancel</vscode-button>
            </form>`
        : nothing}
    </li>`;
  }
}

export function startChecklistApp(root: HTMLElement): void {
  mountPanel(root, 'incident-checklist', IncidentChecklist);
}
