// The git commands of the extension: team merging, timeline order, recent changes, committing
// the incident record. Each lives in its own module of this folder.
import * as vscode from 'vscode';
import { Commands, type IncidentArgs, commandArgs } from '../commandIds';
import type { LogStore } from '../logStore';
import { guarded } from '../report';
import { setupMerge } from './setupMerge';
import { normalizeTimelineCommand } from './normalize';
import { type ShowRecentChangesArgs, showRecentChanges } from './recentChanges';
import { type CommitRecordArgs, commitRecord } from './commitRecord';

export function registerGitCommands(store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  const guard = guarded(output);
  return [
    vscode.commands.registerCommand(Commands.setupMerge, guard(vscode.l10n.t('Setting up team merging'), () => setupMerge(store))),
    vscode.commands.registerCommand(Commands.showRecentChanges, guard(vscode.l10n.t('Showing recent changes'), (a?: ShowRecentChangesArgs) => showRecentChanges(store, commandArgs<ShowRecentChangesArgs>(a)))),
    vscode.commands.registerCommand(Commands.commitRecord, guard(vscode.l10n.t('Committing the incident record'), (a?: CommitRecordArgs) => commitRecord(store, commandArgs<CommitRecordArgs>(a)))),
    vscode.commands.registerCommand(Commands.normalizeTimeline, guard(vscode.l10n.t('Normalizing the timeline'), (a?: IncidentArgs) => normalizeTimelineCommand(store, commandArgs<IncidentArgs>(a)))),
  ];
}
