// The Incidents view: the pure tree model (model.ts), its rendering as TreeItems (render.ts), the
// other folders' logs of a multi-root workspace (otherLogs.ts as rows, otherFolders.ts reading
// them) and the view's commands (commands.ts), registered together.
import * as vscode from 'vscode';
import type { LogStore } from '../logStore';
import { registerTreeCommands } from './commands';
import type { TreeNode } from './model';
import { IncidentTreeProvider, VIEW_ID } from './render';

export { IncidentTreeProvider, VIEW_ID } from './render';
export { GroupNode, IncidentNode, DetailNode, type TreeNode, incidentIdFrom } from './model';

export function registerTree(store: LogStore, memento?: vscode.Memento): { provider: IncidentTreeProvider; view: vscode.TreeView<TreeNode>; disposables: vscode.Disposable[] } {
  const provider = new IncidentTreeProvider(store, memento);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  return { provider, view, disposables: [provider, view, ...registerTreeCommands(provider, store)] };
}
