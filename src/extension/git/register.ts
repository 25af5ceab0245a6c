// The git commands of the extension: team merging, timeline order, recent changes, committing
// the incident record. Each lives in its own module of this folder.
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import type { LogStore } from '../logStore';
import { guarded } from '../report';
import { setupMerge } from './setupMerge';

export function registerGitCommands(store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  const guard = guarded(output);
  return [
    vscode.commands.registerCommand(Commands.setupMerge, guard('Setting up team merging', () => setupMerge(store))),
  ];
}
