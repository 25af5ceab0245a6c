// The commands: refresh the view, open an incident at its heading, add a timeline entry.
// Each accepts an optional arguments object so that keybindings, other extensions and tests can
// call it without any UI: `open({ incident })`, `addTimelineEntry({ incident, text, owner })`; a
// row of the view (what its menus pass) works in place of the object.
import * as vscode from 'vscode';
import { findIncident, indexIncidentFile, isActive } from '../core/indexer';
import { type Incident, type LogIndex, type Splice, hasSection } from '../core/model';
import { type Policy, defaultPolicy } from '../core/playbook/policy';
import { WriteRefused, appendTimelineEntry } from '../core/log/writer';
import { type AddTimelineEntryArgs, Commands, type IncidentArgs, commandArgs, stringArg } from './commandIds';
import { type IncidentTreeProvider, type TreeNode, incidentIdFrom as idFrom } from './tree';
import type { LogStore } from './logStore';
import { gitUser } from './gitUser';
import { applyIncidentEdit, inSyncWithDisk } from './logEdit';
import { guarded, report } from './report';

export interface TimelineResult {
  incidentId: string;
  /** The line that was added (without its line break). */
  entry: string;
  /** False when the log had unsaved edits of the user's, so it was left unsaved. */
  saved: boolean;
}

interface Deps {
  store: LogStore;
  tree: IncidentTreeProvider;
  view: vscode.TreeView<TreeNode>;
  output: vscode.OutputChannel;
}

async function openLogDocument(deps: Deps): Promise<vscode.TextDocument | undefined> {
  const uri = deps.store.logUri();
  if (!uri) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Incident Playbook: open a folder first; the incident log lives in your repository.'));
    return undefined;
  }
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    const setting = vscode.workspace.asRelativePath(uri);
    void vscode.window.showErrorMessage(vscode.l10n.t('Incident Playbook: no incident log at {0} (set incidentPlaybook.logPath if yours lives elsewhere).', setting));
    return undefined;
  }
}

function policyForDoc(deps: Deps, doc: vscode.TextDocument): Promise<Policy> {
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? deps.store.policy(folder) : Promise.resolve(defaultPolicy());
}

function pickItems(incidents: Incident[]): Array<vscode.QuickPickItem & { id: string }> {
  return incidents.map((i) => ({ id: i.id, label: i.id, description: i.title, detail: [i.severity, i.status].filter(Boolean).join(' · ') || undefined }));
}

/** The incident to write to: the argument, the one under the cursor, the view's selection, or a pick. */
async function chooseIncident(deps: Deps, doc: vscode.TextDocument, index: LogIndex, policy: Policy, given: string | undefined): Promise<string | undefined> {
  if (given) return given;
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.uri.toString() === doc.uri.toString()) {
    const offset = doc.offsetAt(editor.selection.active);
    const under = index.incidents.find((i) => i.source === 'section' && offset >= i.start && offset < i.end);
    if (under) return under.id;
  }
  const selected = idFrom(deps.view.selection[0]);
  if (selected && findIncident(index, selected)) return selected;
  const candidates = index.incidents.filter((i) => hasSection(i) && isActive(i, policy));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Incident Playbook: there is no active incident in the log.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(pickItems(candidates), { title: vscode.l10n.t('Add a timeline entry to which incident?'), matchOnDescription: true, placeHolder: vscode.l10n.t('Type an ID or part of the title') });
  return picked?.id;
}

export async function addTimelineEntry(deps: Deps, args: Partial<AddTimelineEntryArgs> = {}): Promise<TimelineResult | undefined> {
  const doc = await openLogDocument(deps);
  if (!doc) return undefined;
  const policy = await policyForDoc(deps, doc);
  const id = await chooseIncident(deps, doc, deps.store.indexText(doc.uri, doc.getText(), policy), policy, stringArg(args.incident));
  if (!id) return undefined;
  const ownerArg: unknown = args.owner;
  let text = typeof args.text === 'string' ? args.text : undefined;
  if (text === undefined) {
    text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Timeline entry for {0}', id),
      prompt: vscode.l10n.t('What happened? The current time (UTC) is added in front.'),
      placeHolder: vscode.l10n.t('e.g. Rolled back deploy 7f3c'),
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Write what happened.')),
    });
    if (text === undefined) return undefined;
  }
  // The owner defaults to the git user; an explicit empty string (or null) means "no owner".
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri) ?? vscode.workspace.workspaceFolders?.[0];
  const owner = typeof ownerArg === 'string' ? ownerArg.trim() || null : ownerArg === null ? null : await gitUser(folder?.uri.fsPath);
  if (!(await inSyncWithDisk(doc))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Incident Playbook: the log changed on disk and VS Code has not reloaded it yet; nothing was written. Run the command again.'));
    return undefined;
  }
  // Computed against the document as it is right now (unsaved edits included), and applied as
  // one WorkspaceEdit: a single Undo reverts it, and the user's own pending edits stay.
  let splices: Splice[] = [];
  let saved: boolean;
  let wasDirty: boolean;
  try {
    // Where the incident lives: the log, or the file an index table links it to.
    const incident = findIncident(deps.store.indexText(doc.uri, doc.getText(), policy), id);
    if (!incident) throw new WriteRefused(vscode.l10n.t('No incident "{0}" in the log.', id));
    ({ saved, wasDirty } = await applyIncidentEdit(deps.store, doc, policy, incident, (index, inner) => (splices = appendTimelineEntry(index, inner, { at: new Date(), text, owner }, policy))));
  } catch (e) {
    report(deps.output, vscode.l10n.t('Adding a timeline entry'), e);
    return undefined;
  }
  const entry = splices.map((s) => s.text).join('').split(/\r?\n/).filter((l) => l.trim()).pop() ?? '';
  deps.output.appendLine(`${id}: added "${entry}"${wasDirty ? ' (log left unsaved: it had unsaved edits)' : saved ? '' : ' (VS Code could not save the log)'}`);
  if (wasDirty) void vscode.window.showInformationMessage(vscode.l10n.t('Added to {0}. The log had unsaved edits of yours, so it was left unsaved.', id));
  deps.store.invalidate(0);
  return { incidentId: findIncident(deps.store.indexText(doc.uri, doc.getText(), policy), id)?.id ?? id, entry, saved };
}

export async function openIncident(deps: Deps, args: Partial<IncidentArgs> = {}): Promise<vscode.TextEditor | undefined> {
  const doc = await openLogDocument(deps);
  if (!doc) return undefined;
  const policy = await policyForDoc(deps, doc);
  const index = deps.store.indexText(doc.uri, doc.getText(), policy);
  let id = stringArg(args.incident);
  if (!id) {
    if (index.incidents.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Incident Playbook: the log has no incidents.'));
      return undefined;
    }
    id = (await vscode.window.showQuickPick(pickItems(index.incidents), { title: vscode.l10n.t('Open which incident?'), matchOnDescription: true }))?.id;
    if (!id) return undefined;
  }
  const incident = findIncident(index, id);
  if (!incident) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Incident Playbook: no incident "{0}" in {1}.', id, vscode.workspace.asRelativePath(doc.uri)));
    return undefined;
  }
  // An incident of a linked file opens in that file, at its heading; otherwise at its line of the log.
  let target = doc;
  let line = incident.line - 1;
  const link = deps.store.linkedFile(doc.uri, incident);
  if (link) {
    target = await vscode.workspace.openTextDocument(vscode.Uri.file(link.realPath));
    line = (indexIncidentFile(target.getText(), policy).incidents[0]?.line ?? 1) - 1;
  }
  line = Math.max(0, Math.min(target.lineCount - 1, line));
  const range = target.lineAt(line).range;
  const editor = await vscode.window.showTextDocument(target, { selection: new vscode.Range(range.start, range.start), preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
  return editor;
}

export function registerCommands(deps: Deps): vscode.Disposable[] {
  const guard = guarded(deps.output);
  return [
    vscode.commands.registerCommand(Commands.refresh, () => deps.tree.refresh()),
    vscode.commands.registerCommand(Commands.open, guard(vscode.l10n.t('Opening the incident'), (arg?: IncidentArgs) => openIncident(deps, commandArgs<IncidentArgs>(arg)))),
    vscode.commands.registerCommand(
      Commands.addTimelineEntry,
      guard(vscode.l10n.t('Adding a timeline entry'), (arg?: AddTimelineEntryArgs) => addTimelineEntry(deps, commandArgs<AddTimelineEntryArgs>(arg))),
    ),
  ];
}
