// Reading the extension's settings (the table is settingIds.ts): one typed read per setting,
// through the table's defaults and bounds, so no caller repeats either.
import * as vscode from 'vscode';
import { type SettingName, type SettingValue, Settings, settingValue } from './settingIds';

export { Settings, type SettingName } from './settingIds';

/** The setting's value for `scope` (a folder, for resource settings), checked against the table. */
export function readSetting<N extends SettingName>(name: N, scope?: vscode.ConfigurationScope): SettingValue<N> {
  return settingValue(name, vscode.workspace.getConfiguration(undefined, scope).get(Settings[name].id));
}

/** Whether a configuration change touches any of the settings named. */
export function affectsSetting(e: vscode.ConfigurationChangeEvent, ...names: SettingName[]): boolean {
  return names.some((n) => e.affectsConfiguration(Settings[n].id));
}
