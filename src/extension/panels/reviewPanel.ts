// The post-incident review form: one panel per incident, opened by "Incident: Open
// Post-Incident Review" (palette, tree, CodeLens, the resolve notification), restored after a
// reload. It shows the review's front matter and one text area per section, and its action
// items. Each change is a splice of one section, one table cell or one row of docs/pir/<id>.md,
// applied as one WorkspaceEdit on the review's document, so one Undo reverts it and the user's
// unsaved edits of the file survive.
import * as vscode from 'vscode';
import { findIncident } from '../../core/indexer';
import type { Incident, LogIndex, Splice } from '../../core/model';
import { reviewFileName } from '../../core/review/review';
import { addReviewActionItem, editReviewActionItem, readReviewActionItems, setReviewActionItemDone } from '../../core/review/reviewActions';
import { finalizeReview, findReviewSection, readReview, spliceSection } from '../../core/review/reviewFile';
import { WriteRefused } from '../../core/log/writer';
import { type MissingIncidentMessage, type ReviewFormSection, type ReviewFromWebview, type ReviewSectionHandled, type ReviewView, reviewMessageSchema } from '../../shared/protocol';
import { Commands, type IncidentArgs, type StartReviewArgs, stringArg } from '../commandIds';
import { gitUser } from '../gitUser';
import { chooseIncident } from '../incidentPicker';
import { inSyncWithDisk } from '../logEdit';
import { exists } from '../logStore';
import { displayZone } from './incidentPanel';
import { PanelRegistry, documentColumn, incidentPanelKind } from './panelRegistry';
import { PANEL_VIEW_TYPES } from './panelTable';
import { emptyReviewSections, reviewView, shownSectionText } from './reviewView';
import { type PanelContext, type Shown, WebviewPanelHost } from './webviewPanelHost';

/** How long hand edits of the file settle before the form is sent them (typing in the editor). */
const FOLLOW_MS = 150;

/**
 * The button of the question Mark final asks while sections are empty. This module loads on
 * first use (panelTable.ts), after activation, when the translation is loaded.
 */
export const MARK_FINAL = vscode.l10n.t('Mark Final');

/** How the panel asks (a modal warning); tests replace it. */
export type Ask = (message: string, options: vscode.MessageOptions, ...items: string[]) => Thenable<string | undefined>;

/** "A", "A and B", "A, B and C". */
function listed(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : vscode.l10n.t('{0} and {1}', names.slice(0, -1).join(', '), names[names.length - 1]);
}

/** The review file of an incident: `pir/<id>.md` beside the log, where "Start Post-Incident Review" drafts it. */
export function reviewUriFor(logUri: vscode.Uri, incidentId: string): vscode.Uri {
  return vscode.Uri.joinPath(logUri, '..', 'pir', reviewFileName({ id: incidentId }));
}

/** The open document of `uri` (with the user's unsaved edits), or the file opened as one. */
async function reviewDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? vscode.workspace.openTextDocument(uri);
}

export class ReviewPanel extends WebviewPanelHost<ReviewFromWebview, ReviewView, MissingIncidentMessage> {
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last setSection acted on, per section: each snapshot carries it. */
  private readonly handled: Partial<Record<ReviewFormSection, ReviewSectionHandled>> = {};
  /** The page's messages are acted on one at a time, in the order sent. */
  private queue: Promise<void> = Promise.resolve();
  /** Asks before marking a review with empty sections final (a modal); tests replace it. */
  ask: Ask = (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items);

  constructor(
    panel: vscode.WebviewPanel,
    ctx: PanelContext,
    readonly incidentId: string,
  ) {
    super(panel, ctx, `Review panel (${incidentId})`, reviewMessageSchema(incidentId));
    // The form follows the review's document as it is edited (by hand, by Undo) and the file on
    // disk (git, the CLI) when no editor holds it.
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isReviewUri(e.document.uri)) this.follow();
      }),
    );
    const log = ctx.store.logUri();
    if (log) {
      const uri = reviewUriFor(log, incidentId);
      const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop()!)));
      this.register(watcher.onDidChange(() => this.follow()));
      this.register(watcher.onDidCreate(() => this.follow()));
      this.register(watcher.onDidDelete(() => this.follow()));
    }
    this.register({ dispose: () => clearTimeout(this.followTimer) });
    this.load('review');
  }

  private isReviewUri(uri: vscode.Uri): boolean {
    const log = this.ctx.store.logUri();
    return !!log && uri.toString() === reviewUriFor(log, this.incidentId).toString();
  }

  private follow(): void {
    clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => void this.refresh(), FOLLOW_MS);
  }

  protected async shown(): Promise<Shown<ReviewView, MissingIncidentMessage>> {
    const log = this.ctx.store.logUri();
    const folder = log ? vscode.workspace.getWorkspaceFolder(log) : undefined;
    if (!log || !folder) return { type: 'missing', incident: this.incidentId, message: 'Open a folder first: the review lives in your repository.' };
    const uri = reviewUriFor(log, this.incidentId);
    if (!(await exists(uri))) return { type: 'missing', incident: this.incidentId, message: `${vscode.workspace.asRelativePath(uri)} does not exist (any more). Run "Incident: Open Post-Incident Review" to draft it.` };
    const doc = await reviewDocument(uri);
    const policy = await this.ctx.store.policy(folder);
    const view = reviewView(doc.getText(), { incident: this.incidentId, file: vscode.workspace.asRelativePath(uri), now: new Date(), zone: displayZone(policy), defaultOwner: await gitUser(folder.uri.fsPath), handled: this.handled });
    return { type: 'shown', view, title: vscode.l10n.t('Review: {0}', this.incidentId) };
  }

  protected handle(message: Exclude<ReviewFromWebview, { type: 'ready' }>): Promise<void> {
    // One at a time: a write is computed from the file as the one before left it, and Mark final
    // sees the sections sent before it.
    const run = this.queue.then(() => this.act(message));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async act(message: Exclude<ReviewFromWebview, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'setSection': {
        const key = message.section;
        let refused = true;
        try {
          await this.editReview(`edited "${key}"`, (text) => {
            const section = findReviewSection(readReview(text), key);
            // The form writes over only what it showed (the section without the template's hints):
            // a section changed meanwhile (a hand edit, git) is left alone and the form is sent
            // the file's text instead.
            if (shownSectionText(text, key) !== message.base) throw new WriteRefused(vscode.l10n.t("The section \"{0}\" changed in the file while the form showed it; nothing was written. The form now shows the file's text.", section?.heading ?? key));
            // An empty section the file lacks stays absent: no bare heading is added.
            if (!section && message.text.trim() === '') return [];
            // The whole body is replaced: the template's hints go once the section is written.
            return spliceSection(text, section ? section.heading : key, message.text);
          });
          refused = false;
        } finally {
          // Written, unchanged or refused: the next snapshot is the file after it, and says so.
          if (message.seq !== undefined) this.handled[key] = { seq: message.seq, refused };
          await this.refresh();
        }
        return;
      }
      case 'addActionItem': {
        const owner = message.owner.trim() || (await this.defaultOwner());
        return this.editReview(`added action item "${message.action}"`, (text) => addReviewActionItem(text, { action: message.action, owner, due: message.due }));
      }
      case 'editActionItem':
        return this.editReview(`edited the ${message.column} of "${message.item.action}"`, (text) => editReviewActionItem(text, itemLine(text, message.item), message.column, message.value));
      case 'setActionItemDone':
        return this.editReview(`${message.done ? 'closed' : 'reopened'} "${message.item.action}"`, (text) => setReviewActionItemDone(text, itemLine(text, message.item), message.done));
      case 'markFinal':
        return this.markFinal();
      case 'openFile': {
        const log = this.ctx.store.logUri();
        if (log) await vscode.window.showTextDocument(reviewUriFor(log, this.incidentId), { preview: false, viewColumn: documentColumn(log) });
        return;
      }
    }
  }

  private async defaultOwner(): Promise<string | null> {
    const log = this.ctx.store.logUri();
    const folder = log ? vscode.workspace.getWorkspaceFolder(log) : undefined;
    return folder ? gitUser(folder.uri.fsPath) : null;
  }

  private async reviewDoc(): Promise<vscode.TextDocument> {
    const log = this.ctx.store.logUri();
    if (!log) throw new WriteRefused(vscode.l10n.t('Open a folder first: the review lives in your repository.'));
    const uri = reviewUriFor(log, this.incidentId);
    if (!(await exists(uri))) throw new WriteRefused(vscode.l10n.t('{0} does not exist (any more); nothing was written.', vscode.workspace.asRelativePath(uri)));
    const doc = await reviewDocument(uri);
    if (!(await inSyncWithDisk(doc))) throw new WriteRefused(vscode.l10n.t('The review changed on disk and VS Code has not reloaded it yet; nothing was written. Try again.'));
    if (/^(?:<{7}|>{7})(?: |$)/m.test(doc.getText())) throw new WriteRefused(vscode.l10n.t('The review has merge conflict markers: resolve them in the file first. Nothing was written.'));
    return doc;
  }

  /** One change to the review: splices computed from the document as it is now, one WorkspaceEdit. */
  private async editReview(what: string, make: (text: string) => Splice[]): Promise<void> {
    const doc = await this.reviewDoc();
    const edit = new vscode.WorkspaceEdit();
    const splices = make(doc.getText());
    if (splices.length === 0) return;
    addSplices(edit, doc, splices);
    await applyAndSave(edit, [doc]);
    this.ctx.output.appendLine(`${this.label}: ${what}`);
  }

  /**
   * `status: final` on the review and "Post-incident review completed" on the incident's
   * timeline: one WorkspaceEdit over both files. While sections are empty (or hold only the
   * template's hints) it first asks, naming them; nothing is written unless the answer is yes.
   */
  private async markFinal(): Promise<void> {
    const draft = await this.reviewDoc();
    // Final already: nothing to ask, nothing to write.
    if ((readReview(draft.getText()).frontMatter?.values.status ?? '').trim().toLowerCase() === 'final') return;
    const empty = emptyReviewSections(draft.getText());
    if (empty.length) {
      const choice = await this.ask(
        empty.length === 1
          ? vscode.l10n.t('Mark the review of {0} final? "{1}" is still empty.', this.incidentId, empty[0])
          : vscode.l10n.t('Mark the review of {0} final? {1} sections are still empty.', this.incidentId, empty.length),
        { modal: true, detail: vscode.l10n.t("Still empty (or holding only the template's hints): {0}.", listed(empty)) },
        MARK_FINAL,
      );
      if (choice !== MARK_FINAL) {
        this.ctx.output.appendLine(`${this.label}: Mark final cancelled (${empty.length} empty section(s))`);
        return;
      }
    }
    const doc = await this.reviewDoc();
    const log = this.ctx.store.logUri()!;
    const folder = vscode.workspace.getWorkspaceFolder(log);
    if (!folder) throw new WriteRefused(vscode.l10n.t('Open a folder first: the incident log lives in your repository.'));
    const logDoc = await vscode.workspace.openTextDocument(log);
    if (!(await inSyncWithDisk(logDoc))) throw new WriteRefused(vscode.l10n.t('The log changed on disk and VS Code has not reloaded it yet; nothing was written. Try again.'));
    const policy = await this.ctx.store.policy(folder);
    const index: LogIndex = this.ctx.store.indexText(logDoc.uri, logDoc.getText(), policy);
    const incident: Incident | undefined = findIncident(index, this.incidentId);
    if (!incident) throw new WriteRefused(vscode.l10n.t('{0} is not in the log any more; nothing was written.', this.incidentId));
    const done = finalizeReview(doc.getText(), index, incident.id, { at: new Date(), owner: await gitUser(folder.uri.fsPath) }, policy);
    if (done.review.length === 0 && done.log.length === 0) return;
    const edit = new vscode.WorkspaceEdit();
    addSplices(edit, doc, done.review);
    addSplices(edit, logDoc, done.log);
    await applyAndSave(edit, done.log.length ? [doc, logDoc] : [doc]);
    this.ctx.output.appendLine(`${this.label}: marked final`);
    this.ctx.store.invalidate(0);
  }
}

function addSplices(edit: vscode.WorkspaceEdit, doc: vscode.TextDocument, splices: Splice[]): void {
  for (const s of splices) edit.replace(doc.uri, new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)), s.text);
}

/** Applies the edit; saves each document that had no unsaved edits of the user's before (as the log's commands do). */
async function applyAndSave(edit: vscode.WorkspaceEdit, docs: vscode.TextDocument[]): Promise<void> {
  const clean = docs.filter((d) => !d.isDirty);
  if (!(await vscode.workspace.applyEdit(edit))) throw new WriteRefused(vscode.l10n.t('VS Code did not apply the edit (is the file read-only?). Nothing was written.'));
  for (const d of clean) if (!(await d.save())) void vscode.window.showWarningMessage(vscode.l10n.t('Incident Playbook: the change is in the editor, but VS Code could not save {0}. Save it yourself.', vscode.workspace.asRelativePath(d.uri)));
}

/** The action item the page meant: at its line, with the action text it showed; refused when the file moved. */
function itemLine(text: string, ref: { line: number; action: string }): number {
  const item = readReviewActionItems(text).items.find((i) => i.line === ref.line);
  if (!item || item.action !== ref.action) throw new WriteRefused(vscode.l10n.t('The action items changed in the file while the form showed them; nothing was written. Try again.'));
  return item.line;
}

/** The open panels, one per incident. */
export class ReviewPanels extends PanelRegistry<ReviewPanel> {
  constructor(ctx: PanelContext) {
    super(ctx, incidentPanelKind(PANEL_VIEW_TYPES.review, 'Review panel', (panel, id) => new ReviewPanel(panel, ctx, id)));
  }

  /**
   * Opens (or reveals) the review form of the incident named by `args`, the one under the cursor,
   * or one picked from a list. The draft is created first when absent, by "Start Post-Incident
   * Review" itself (one way a draft comes to be). Returns the panel (tests drive it).
   */
  async openPanel(args: Partial<IncidentArgs>): Promise<ReviewPanel | undefined> {
    const id = await this.chooseIncident(args);
    if (!id) return undefined;
    const drafted = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.startReview, { incident: id, open: false } satisfies StartReviewArgs);
    if (!drafted) return undefined;
    return this.show(id, vscode.l10n.t('Review: {0}', id));
  }

  private async chooseIncident(args: Partial<IncidentArgs>): Promise<string | undefined> {
    const state = await this.ctx.store.read();
    if (state.kind !== 'ok') throw new WriteRefused(vscode.l10n.t('The incident log cannot be read.'));
    return (await chooseIncident(this.ctx.store, state.index, { given: stringArg(args.incident), title: vscode.l10n.t('Open Post-Incident Review') }))?.id;
  }
}
