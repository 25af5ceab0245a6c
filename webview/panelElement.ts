// The lifecycle every panel page shares. Once in the page, the element listens to the host (the
// channel of api.ts) and says `ready`; the host answers with a full snapshot, and again after
// each change. The host sends three kinds of message: `state` (what to show; the page then
// saves what VS Code needs to restore it after a reload), `missing` (why there is nothing to
// show) and `notice` (the outcome of an action).
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { HostToPage, NoticeMessage, PanelState } from '../src/shared/protocol';
import { type PanelChannel, panelChannel } from './api';
import { isSelectAllInTextField } from './selectAll';

/** The tag names of an event's composed path (into the text fields' shadow roots). */
const pathTags = (e: Event) => e.composedPath().flatMap((t) => (t instanceof Element ? [t.localName] : []));

/** `View` what the host shows, `Out` what the page may send, `State` what the page saves. */
export abstract class PanelElement<View, Out extends { readonly type: string }, State = unknown> extends LitElement {
  // Subclasses list their own properties; Lit adds these to them.
  static properties: PropertyDeclarations = {
    view: { state: true },
    missing: { state: true },
    notice: { state: true },
  };

  declare view: View | undefined;
  /** Why there is nothing to show (the incident left the log, the log cannot be read). */
  declare missing: string | undefined;
  /** The last notice of the host. */
  declare notice: NoticeMessage | undefined;
  channel: PanelChannel<HostToPage<View>, Out | { readonly type: 'ready' }, State> | undefined;

  /** The document's title while it shows `view`; undefined leaves it as it is. */
  protected abstract pageTitle(view: View): string | undefined;
  /** What VS Code keeps for a reload while the page shows `view`; undefined keeps nothing. */
  protected abstract savedState(view: View): State | undefined;
  /**
   * The state the page saved before it was rebuilt (the panel hidden and shown again, or the
   * window reloaded), read once before `ready`. Unvalidated: it is what this page wrote, but
   * perhaps an older version of it.
   */
  protected restoreState(_saved: unknown): void {}

  constructor() {
    super();
    // Ctrl+A in a text field selects its text once, the browser's way (see isSelectAllInTextField):
    // in every panel, so no first keystroke after it is ever lost.
    this.addEventListener('keydown', (e) => {
      if (isSelectAllInTextField(e, pathTags(e))) e.stopPropagation();
    });
  }

  connectedCallback(): void {
    super.connectedCallback();
    const channel = this.channel;
    if (!channel) return;
    this.restoreState(channel.getState());
    channel.onMessage((m) => this.receive(m));
    channel.post({ type: 'ready' });
  }

  private receive(m: HostToPage<View>): void {
    switch (m.type) {
      case 'state': {
        this.adopt(m.view);
        this.missing = undefined;
        const saved = this.savedState(m.view);
        if (saved !== undefined) this.channel?.setState(saved);
        break;
      }
      case 'missing':
        this.missing = m.message;
        break;
      case 'notice':
        this.notice = m;
        break;
    }
  }

  /** Saves what `savedState` says for the view shown now (after a change that is the page's own). */
  protected saveState(): void {
    const saved = this.view === undefined ? undefined : this.savedState(this.view);
    if (saved !== undefined) this.channel?.setState(saved);
  }

  /** Takes a new snapshot from the host. */
  protected adopt(view: View): void {
    this.view = view;
  }

  protected send(message: Out): void {
    this.channel?.post(message);
  }

  protected updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!changed.has('view') || !this.view) return;
    const title = this.pageTitle(this.view);
    if (title !== undefined) document.title = title;
  }
}

/** A page about one incident: it saves the incident's id, which the host restores it from. */
export abstract class IncidentPanelElement<View extends { readonly incident: { readonly id: string } }, Out extends { readonly type: string }> extends PanelElement<View, Out, PanelState> {
  protected savedState(view: View): PanelState {
    return { incident: view.incident.id };
  }

  /** The incident shown ('' before the first snapshot). */
  protected get incidentId(): string {
    return this.view?.incident.id ?? '';
  }
}

/** Puts the panel's element (defined once as `tag`) into `root`, talking to the host. */
export function mountPanel<View, Out extends { readonly type: string }, State>(root: HTMLElement, tag: string, element: new () => PanelElement<View, Out, State>): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
  const app = document.createElement(tag) as PanelElement<View, Out, State>;
  app.channel = panelChannel();
  root.append(app);
}
