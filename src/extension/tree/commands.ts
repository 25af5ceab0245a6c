// The Incidents view's own commands: group by status or severity, filter, clear the filter.
import * as vscode from 'vscode';
import { Settings } from '../settings';
import { Commands, type FilterArgs } from '../commandIds';
import type { GroupBy } from './model';
import { UNKNOWN_STATUS_FILTER, sanitizeFilter } from './model';
import type { IncidentTreeProvider } from './render';

export function registerTreeCommands(provider: IncidentTreeProvider): vscode.Disposable[] {
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
