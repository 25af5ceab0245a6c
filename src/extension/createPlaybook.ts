// "Incident: Create Playbook": writes `.incident/playbook.yml` in the workspace folder and opens
// it. Beside a log the team already keeps, the playbook lists the severities, statuses and field
// keys that log writes, with how each is read and the unknown ones marked (the same proposal as
// `incident init`); without one, it is the core's commented template (P1..P4 severities, health
// checks, four runbooks). It never overwrites: when the folder (or a folder between the log and the repository root)
// already has a playbook, it offers to open that one instead.
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { findPlaybook } from '../core/log/logFile';
import { PLAYBOOK_TEMPLATE } from '../core/playbook/playbookTemplate';
import { proposePlaybook } from '../core/playbook/playbookProposal';
import { WriteRefused } from '../core/log/writer';
import { Commands } from './commandIds';
import type { LogStore } from './logStore';
import { guarded } from './report';

export interface CreatePlaybookOutcome {
  uri: vscode.Uri;
  /** False when a playbook was already there (it was left as it is). */
  created: boolean;
}

async function targetFolder(store: LogStore): Promise<vscode.WorkspaceFolder | undefined> {
  const log = store.logUri();
  const ofLog = log ? vscode.workspace.getWorkspaceFolder(log) : undefined;
  if (ofLog) return ofLog;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Create the playbook in which folder?') });
}

export async function createPlaybook(store: LogStore): Promise<CreatePlaybookOutcome | undefined> {
  const folder = await targetFolder(store);
  if (!folder) throw new WriteRefused(vscode.l10n.t('Open a folder first: the playbook lives in your repository (.incident/playbook.yml).'));
  if (folder.uri.scheme !== 'file') throw new WriteRefused(vscode.l10n.t('The playbook can only be created in a folder on disk.'));
  const log = store.logUri();
  const existing = log?.scheme === 'file' ? findPlaybook(dirname(log.fsPath), store.repositoryRoot(log, folder)) : undefined;
  const path = existing ?? join(folder.uri.fsPath, '.incident', 'playbook.yml');
  const uri = vscode.Uri.file(path);
  if (!existing) {
    const state = await store.read();
    const proposed = state.kind === 'ok' && state.index.incidents.length > 0 ? proposePlaybook(state.index, await store.policy(folder), vscode.workspace.asRelativePath(state.uri, false)) : undefined;
    // Created only if absent, so a playbook written meanwhile (git, another window) is never replaced.
    let created: boolean;
    try {
      created = await store.filesFor(uri).create(path, proposed ?? PLAYBOOK_TEMPLATE);
    } catch (e) {
      throw new WriteRefused(vscode.l10n.t('Could not write {0}: {1}', vscode.workspace.asRelativePath(uri), (e as Error).message));
    }
    if (!created) return offerExisting(uri);
    await vscode.window.showTextDocument(uri, { preview: false });
    store.invalidate(0);
    void vscode.window.showInformationMessage(
      proposed
        ? vscode.l10n.t('Incident Playbook: wrote {0}: it lists what your log writes. Map the values marked UNKNOWN, then edit its health checks and runbooks.', vscode.workspace.asRelativePath(uri))
        : vscode.l10n.t('Incident Playbook: wrote {0}. Edit its health checks and runbooks to fit your services.', vscode.workspace.asRelativePath(uri)),
    );
    return { uri, created: true };
  }
  return offerExisting(uri);
}

function offerExisting(uri: vscode.Uri): CreatePlaybookOutcome {
  void vscode.window.showInformationMessage(vscode.l10n.t('Incident Playbook: {0} already exists; it was left as it is.', vscode.workspace.asRelativePath(uri)), vscode.l10n.t('Open Playbook')).then((c) => {
    if (c) void vscode.window.showTextDocument(uri, { preview: false });
  });
  return { uri, created: false };
}

export function registerCreatePlaybook(store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  const guard = guarded(output);
  return [vscode.commands.registerCommand(Commands.createPlaybook, guard(vscode.l10n.t('Creating the playbook'), () => createPlaybook(store)))];
}
