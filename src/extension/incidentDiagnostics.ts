// The Problems panel for the incident log: `incident check` findings on the lines they are about,
// with quick fixes where one is obvious (assign a commander, renumber a duplicate id, keep one
// line of a field written twice).
import * as vscode from 'vscode';
import type { IncrementalCheck } from '../core/response/check';
import type { Problem } from '../core/model';
import { WriteRefused, nextIncidentId } from '../core/log/writer';
import { type AssignCommanderFixArgs, InternalCommands, commandArgs, stringArg } from './commandIds';
import { gitUser } from './gitUser';
import { applyIncidentEdit } from './logEdit';
import { findIncident } from '../core/indexer';
import type { ReviewFileState } from '../core/git/mergeFixes';
import { basename } from 'node:path';
import type { LogStore } from './logStore';
import { SerialRefresh } from './serialRefresh';

const SOURCE = 'Incident Playbook';

function toDiagnostic(doc: vscode.TextDocument | undefined, p: Problem): vscode.Diagnostic {
  const line = Math.max(0, p.line - 1);
  const range = doc && line < doc.lineCount ? doc.lineAt(line).range : new vscode.Range(line, 0, line, 0);
  const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : p.severity === 'info' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning);
  d.source = SOURCE;
  d.code = p.code;
  return d;
}

/** Keeps the diagnostics of the log in step with its text (unsaved edits included) and the clock. */
export class IncidentDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('incidentPlaybook');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly serial = new SerialRefresh(() => this.run());
  private check: IncrementalCheck | undefined;

  constructor(private readonly store: LogStore) {
    this.disposables.push(
      store.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (store.isLog(d.uri)) void this.refresh();
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
    );
    // Nothing is read at activation: the first check runs when the log is (or becomes) visible.
    setTimeout(() => this.schedule(), 0);
  }

  /** Overdue updates and response-time breaches depend on the clock: re-check each minute while the log is on screen. */
  private schedule(): void {
    const visible = vscode.window.visibleTextEditors.some((e) => this.store.isLog(e.document.uri));
    if (visible && !this.timer) {
      void this.refresh();
      this.timer = setInterval(() => void this.refresh(), 60_000);
    } else if (!visible && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Checks again; a change that comes while a check runs gets a check of its own after it. */
  refresh(): Promise<void> {
    return this.serial.request();
  }

  private async run(): Promise<void> {
    const state = await this.store.read();
    if (state.kind !== 'ok') {
      this.collection.clear();
      return;
    }
    // Kept across runs: after a keystroke only the incidents the edit changed are read again
    // (the re-index shifts the others), so typing in a big log stays cheap.
    this.check ??= new (await import('../core/response/check')).IncrementalCheck();
    const problems = this.check.run(state.index, state.policy, new Date());
    if (state.uri.scheme === 'file') problems.push(...(await import('../core/git/attributes')).unionMergeProblems(state.uri.fsPath));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === state.uri.toString());
    this.collection.set(state.uri, problems.map((p) => toDiagnostic(doc, p)));
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Quick fixes for the diagnostics above. */
export class IncidentQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: LogStore) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (!this.store.isLog(doc.uri)) return [];
    const ours = context.diagnostics.filter((d) => d.source === SOURCE);
    if (ours.length === 0) return [];
    const state = await this.store.read();
    if (state.kind !== 'ok') return [];
    const actions: vscode.CodeAction[] = [];
    // Offsets are computed on the document's text as it is now, unsaved edits included.
    const index = doc.getText() === state.index.text ? state.index : this.store.indexText(doc.uri, doc.getText(), state.policy);
    const { keepShownField, renumberIncident } = await import('../core/git/mergeFixes');
    for (const d of ours) {
      if (d.code === 'duplicate-field') {
        const fix = keepShownField(index, d.range.start.line);
        if (!fix) continue;
        const action = new vscode.CodeAction(
          fix.dropped.length > 1
            ? vscode.l10n.t('Keep line {0} ({1}: {2}) and delete the others', fix.kept.line + 1, fix.kept.key, fix.kept.value)
            : vscode.l10n.t('Keep line {0} ({1}: {2}) and delete the other', fix.kept.line + 1, fix.kept.key, fix.kept.value),
          vscode.CodeActionKind.QuickFix,
        );
        action.diagnostics = [d];
        action.isPreferred = true;
        action.edit = new vscode.WorkspaceEdit();
        for (const s of fix.splices) action.edit.delete(doc.uri, new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
        actions.push(action);
        continue;
      }
      if (d.code === 'not-a-heading') {
        // `##1 Title` → `## 1 Title`: the space Markdown needs after the hashes.
        const line = doc.lineAt(d.range.start.line).text;
        let at = 0;
        while (line.charCodeAt(at) === 32 && at < 3) at++;
        while (line.charCodeAt(at) === 35) at++;
        const action = new vscode.CodeAction(vscode.l10n.t('Make line {0} a heading (a space after {1})', d.range.start.line + 1, line.slice(0, at).trim()), vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.isPreferred = true;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.insert(doc.uri, new vscode.Position(d.range.start.line, at), ' ');
        actions.push(action);
        continue;
      }
      const incident = index.incidents.find((i) => i.line - 1 === d.range.start.line);
      if (!incident) continue;
      if (d.code === 'missing-commander' || d.code === 'response-time-breach') {
        const action = new vscode.CodeAction(vscode.l10n.t('Assign an incident commander to {0}…', incident.id), vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.isPreferred = true;
        action.command = { title: action.title, command: InternalCommands.assignCommanderFix, arguments: [{ incident: incident.id } satisfies AssignCommanderFixArgs] };
        actions.push(action);
      } else if (d.code === 'duplicate-id' && incident.idWritten && /^INC-\d{4}-\d{4}-\d{3,}$/.test(incident.id)) {
        // The next free number for the same day: the id's own date, not today's.
        const day = /^INC-(\d{4})-(\d{2})(\d{2})-/.exec(incident.id)!;
        const fresh = nextIncidentId(index, new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))));
        const review = doc.uri.scheme === 'file' ? await reviewFileOf(doc.uri, incident.id, fresh) : undefined;
        const plan = renumberIncident(index, incident, fresh, basename(doc.uri.fsPath), review?.state);
        if (plan.log.length === 0) continue;
        const action = new vscode.CodeAction(vscode.l10n.t('Renumber this incident to {0}', fresh), vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.isPreferred = true;
        // One edit: the log, the review file's new name, then its text there (one Undo reverts it
        // all). Moved first: edits to the old name followed by the move were refused, the old
        // file being gone by the time its edits were applied.
        action.edit = new vscode.WorkspaceEdit();
        for (const s of plan.log) action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)), s.text);
        if (review && plan.review) {
          const target = plan.review.renameTo ? vscode.Uri.joinPath(review.uri, '..', plan.review.renameTo) : review.uri;
          if (plan.review.renameTo) action.edit.renameFile(review.uri, target, { overwrite: false });
          for (const s of plan.review.splices) action.edit.replace(target, new vscode.Range(review.doc.positionAt(s.start), review.doc.positionAt(s.end)), s.text);
        }
        actions.push(action);
      }
    }
    return actions;
  }
}

/** The review file of an incident (`pir/<id>.md` beside the log) as it is now, unsaved edits included. */
async function reviewFileOf(logUri: vscode.Uri, id: string, newId: string): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; state: ReviewFileState } | undefined> {
  const { reviewFileName } = await import('../core/review/review');
  const fileName = reviewFileName({ id });
  const pir = vscode.Uri.joinPath(logUri, '..', 'pir');
  const uri = vscode.Uri.joinPath(pir, fileName);
  if (!(await exists(uri))) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  return { uri, doc, state: { fileName, text: doc.getText(), newNameTaken: await exists(vscode.Uri.joinPath(pir, reviewFileName({ id: newId }))) } };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The quick fix's command: asks for a name (unless given) and assigns it, logging the assignment. */
async function assignCommander(store: LogStore, args: Partial<AssignCommanderFixArgs>): Promise<boolean> {
  const id = stringArg(args.incident);
  if (!id) return false;
  const uri = store.logUri();
  if (!uri) return false;
  const person =
    typeof args.name === 'string'
      ? args.name
      : await vscode.window.showInputBox({ title: vscode.l10n.t('Incident commander for {0}', id), prompt: vscode.l10n.t('Who runs the response?'), validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Write a name.')) });
  if (!person?.trim()) return false;
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const policy = folder ? await store.policy(folder) : (await import('../core/playbook/policy')).defaultPolicy();
    // The timeline entry names who made the assignment, as every other command's does.
    const owner = await gitUser(folder?.uri.fsPath);
    const { assignRole } = await import('../core/response/operations');
    const incident = findIncident(store.indexText(doc.uri, doc.getText(), policy), id);
    if (!incident) throw new WriteRefused(vscode.l10n.t('No incident "{0}" in the log.', id));
    await applyIncidentEdit(store, doc, policy, incident, (index, inner) => assignRole(index, inner, 'commander', person, { at: new Date(), owner }, policy));
    store.invalidate(0);
    return true;
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof WriteRefused ? e.message : vscode.l10n.t('Incident Playbook: assigning the commander failed: {0}', e instanceof Error ? e.message : String(e)));
    return false;
  }
}

export function registerDiagnostics(store: LogStore): vscode.Disposable[] {
  return [
    new IncidentDiagnostics(store),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new IncidentQuickFixes(store), { providedCodeActionKinds: IncidentQuickFixes.kinds }),
    vscode.commands.registerCommand(InternalCommands.assignCommanderFix, (a?: AssignCommanderFixArgs) => assignCommander(store, commandArgs<AssignCommanderFixArgs>(a))),
  ];
}
