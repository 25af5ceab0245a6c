// "Incident: Commit Incident Record": commits only the incident's record (the log, its linked
// file, its review) with a message that says what changed, and pushes it when asked, merging
// the remote's new commits first, with a progress notification. See core/git/commitRecord.ts.
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { type CommitOutcome, commitIncidentRecord } from '../../core/git/commitRecord';
import { GitUnavailable, openRepo } from '../../core/git/repo';
import { WriteRefused } from '../../core/log/writer';
import { reviewFileName } from '../../core/review/review';
import type { IncidentArgs } from '../commandIds';
import type { LogStore } from '../logStore';
import { logContext } from '../logContext';
import { incidentFor } from './context';

export interface CommitRecordArgs extends IncidentArgs {
  /** Push after committing; asked for when absent. */
  push?: boolean;
}

export async function commitRecord(store: LogStore, args: Partial<CommitRecordArgs>): Promise<CommitOutcome | undefined> {
  const ctx = await logContext(store);
  if (ctx.doc.uri.scheme !== 'file') throw new WriteRefused(vscode.l10n.t('The incident log is not on this machine’s disk; committing it needs a local clone.'));
  const incident = await incidentFor(store, ctx, args.incident, vscode.l10n.t('Commit Incident Record'));
  if (!incident) return undefined;
  let push = args.push;
  if (push === undefined) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Commit'), description: vscode.l10n.t('only the record: the log, the linked file, the review'), push: false },
        { label: vscode.l10n.t('Commit and Push'), description: vscode.l10n.t('merges the remote’s new commits first; never forces'), push: true },
      ],
      { title: vscode.l10n.t('Commit Incident Record — {0}', incident.id) },
    );
    if (!pick) return undefined;
    push = pick.push;
  }
  const logPath = ctx.doc.uri.fsPath;
  let repo;
  try {
    repo = await openRepo(dirname(logPath));
  } catch (e) {
    throw e instanceof GitUnavailable ? new WriteRefused(e.message) : e;
  }
  // What is committed is what is on disk: the record's documents with unsaved edits are saved first.
  const linked = store.linkedFile(ctx.doc.uri, incident)?.path;
  const record = new Set([logPath, join(dirname(logPath), 'pir', reviewFileName(incident)), ...(linked ? [linked] : [])]);
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file' && record.has(doc.uri.fsPath)) {
      if (!(await doc.save())) throw new WriteRefused(vscode.l10n.t('{0} could not be saved; nothing was committed.', vscode.workspace.asRelativePath(doc.uri)));
    }
  }
  let outcome: CommitOutcome;
  try {
    outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: push ? vscode.l10n.t('{0}: committing and pushing the record', incident.id) : vscode.l10n.t('{0}: committing the record', incident.id) }, (progress) =>
      commitIncidentRecord({ repo, logPath, incidentId: incident.id, policy: ctx.policy, push, onProgress: (message) => progress.report({ message }), workspaceFolder: ctx.folder.uri.fsPath }),
    );
  } catch (e) {
    throw e instanceof GitUnavailable ? new WriteRefused(e.message) : e;
  } finally {
    store.invalidate(0);
  }
  const done = outcome.committed ? vscode.l10n.t('Committed {0}: {1}', outcome.files.paths.join(', '), String(outcome.message)) : vscode.l10n.t('Nothing to commit: the record of {0} is as last committed.', incident.id);
  const pushedTo = String(outcome.pushedTo);
  void vscode.window.showInformationMessage(
    outcome.pushed ? (outcome.pulled ? vscode.l10n.t('{0} Merged the remote’s new commits and pushed to {1}.', done, pushedTo) : vscode.l10n.t('{0} Pushed to {1}.', done, pushedTo)) : done,
  );
  return outcome;
}
