// The Incidents view's own commands: group by status or severity, filter, clear the filter, and
// in a multi-root workspace choose which folder's log it shows.
import * as vscode from 'vscode';
import { Settings } from '../settings';
import { Commands, type FilterArgs, type IncidentArgs, type LogFolderArgs } from '../commandIds';
import type { LogStore } from '../logStore';
import type { GroupBy } from './model';
import { UNKNOWN_STATUS_FILTER, sanitizeFilter } from './model';
import type { IncidentTreeProvider } from './render';

export function registerTreeCommands(provider: IncidentTreeProvider, store: LogStore): vscode.Disposable[] {
  const setGroupBy = async (value: GroupBy) => {
    // Written where the value comes from now, so that a workspace setting does not hide the change.
    const config = vscode.workspace.getConfiguration();
    const where = config.inspect<string>(Settings.groupBy.id);
    const target = where?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update(Settings.groupBy.id, value, target);
  };
  return [
    vscode.commands.registerCommand(Commands.groupBySeverity, () => setGroupBy('severity')),
    vscode.commands.registerCommand(Commands.groupByStatus, () => setGroupBy('status')),
    vscode.commands.registerCommand(Commands.clearFilter, () => provider.setFilter({ severities: [], statuses: [] })),
    vscode.commands.registerCommand(Commands.chooseLogFolder, (arg?: LogFolderArgs) => chooseLogFolder(store, arg)),
    vscode.commands.registerCommand(Commands.filter, async (arg?: FilterArgs) => {
      // Tests and keybindings may pass the filter itself; people get a multi-select pick.
      if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
        await provider.setFilter(sanitizeFilter(arg));
        return provider.filter;
      }
      const known = await provider.incidents();
      const policy = known?.policy;
      if (!policy) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Incident Playbook: there is no incident log to filter yet.'));
        return undefined;
      }
      const current = provider.filter;
      type Item = vscode.QuickPickItem & { facet?: 'severity' | 'status'; value?: string };
      const items: Item[] = [
        { label: vscode.l10n.t('Severity'), kind: vscode.QuickPickItemKind.Separator },
        ...policy.severities.map((s) => ({ label: s.id, description: s.description, facet: 'severity' as const, value: s.id, picked: current.severities.includes(s.id) })),
        { label: vscode.l10n.t('Status'), kind: vscode.QuickPickItemKind.Separator },
        ...policy.statuses.map((s) => ({ label: s, facet: 'status' as const, value: s, picked: current.statuses.some((x) => x.toLowerCase() === s.toLowerCase()) })),
        { label: UNKNOWN_STATUS_FILTER, description: vscode.l10n.t('no status written'), facet: 'status' as const, value: UNKNOWN_STATUS_FILTER, picked: current.statuses.includes(UNKNOWN_STATUS_FILTER) },
      ];
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Show only incidents with…'), placeHolder: vscode.l10n.t('Pick severities and statuses; pick none to show every incident') });
      if (!picked) return undefined;
      await provider.setFilter({
        severities: picked.filter((p) => p.facet === 'severity').map((p) => p.value!),
        statuses: picked.filter((p) => p.facet === 'status').map((p) => p.value!),
      });
      return provider.filter;
    }),
  ];
}

/**
 * Shows another workspace folder's log in the view (and the status bar, the reminders, every
 * command that works on "the log"). Tests and keybindings may name the folder; people pick one,
 * the folders holding a log first. Returns the folder's name, or undefined when none was chosen.
 */
async function chooseLogFolder(store: LogStore, arg?: LogFolderArgs): Promise<string | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (arg && typeof arg === 'object' && typeof arg.folder === 'string') {
    const folder = folders.find((f) => f.name === arg.folder || f.uri.toString() === arg.folder);
    if (!folder) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Incident Playbook: no workspace folder is named {0}.', arg.folder));
      return undefined;
    }
    store.followFolder(folder);
    if (typeof arg.incident === 'string' && arg.incident) await vscode.commands.executeCommand(Commands.open, { incident: arg.incident } satisfies IncidentArgs);
    return folder.name;
  }
  const withLog = new Set((await store.foldersWithLog()).map((f) => f.uri.toString()));
  const current = store.logFolder()?.uri.toString();
  type Item = vscode.QuickPickItem & { folder: vscode.WorkspaceFolder };
  const items: Item[] = [...folders]
    .sort((a, b) => Number(withLog.has(b.uri.toString())) - Number(withLog.has(a.uri.toString())))
    .map((folder) => ({
      folder,
      label: folder.name,
      description: folder.uri.toString() === current ? vscode.l10n.t('shown now') : withLog.has(folder.uri.toString()) ? undefined : vscode.l10n.t('no incident log yet'),
      detail: vscode.workspace.asRelativePath(store.logUriIn(folder), true),
    }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Show the incident log of…'), placeHolder: vscode.l10n.t('Pick a workspace folder') });
  if (!picked) return undefined;
  store.followFolder(picked.folder);
  return picked.folder.name;
}
