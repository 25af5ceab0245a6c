// On call: the view (a second view in the Incidents container) and its commands, registered together.
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import type { LogStore } from '../logStore';
import { registerOnCallCommands } from './commands';
import { ONCALL_VIEW_ID, OnCallTreeProvider } from './view';

export { OnCallTreeProvider, ONCALL_VIEW_ID } from './view';
export type { OnCallNode } from './model';

export function registerOnCall(store: LogStore, output: vscode.OutputChannel): { provider: OnCallTreeProvider; disposables: vscode.Disposable[] } {
  const provider = new OnCallTreeProvider(store, { copyContact: Commands.copyContact, openLink: Commands.openTeamLink });
  const view = vscode.window.createTreeView(ONCALL_VIEW_ID, { treeDataProvider: provider });
  return { provider, disposables: [provider, view, ...registerOnCallCommands(store, output)] };
}
