// Every setting the extension reads, with its default and its bounds: written only here
// (package.json contributes the same set with the same defaults; a unit test holds the two
// together, as commandIds.test.ts does for commands). Pure: no vscode import, so unit tests read it.

interface Setting<T> {
  /** The full id, as in settings.json. */
  readonly id: string;
  readonly default: T;
  /** For numbers: the range a value is clamped to. */
  readonly min?: number;
  readonly max?: number;
  /** For choices: the values taken; anything else reads as the default. */
  readonly choices?: readonly T[];
}

const setting = <T>(s: Setting<T>): Setting<T> => s;

export const Settings = {
  logPath: setting({ id: 'incidentPlaybook.logPath', default: 'docs/INCIDENT_LOG.md' }),
  groupBy: setting<'status' | 'severity'>({ id: 'incidentPlaybook.groupBy', default: 'status', choices: ['status', 'severity'] }),
  displayTimeZone: setting({ id: 'incidentPlaybook.displayTimeZone', default: '' }),
  remindersEnabled: setting({ id: 'incidentPlaybook.reminders.enabled', default: true }),
  remindersSnoozeMinutes: setting({ id: 'incidentPlaybook.reminders.snoozeMinutes', default: 10, min: 1, max: 240 }),
  shellIntegrationTimeout: setting({ id: 'incidentPlaybook.healthChecks.shellIntegrationTimeout', default: 5, min: 0, max: 60 }),
  recentChangesHours: setting({ id: 'incidentPlaybook.recentChanges.hours', default: 24, min: 1, max: 8760 }),
} as const;

export type SettingName = keyof typeof Settings;
/** The type of a setting's value. */
export type SettingValue<N extends SettingName> = (typeof Settings)[N]['default'];

/**
 * `raw` (what the configuration holds) as the setting's value: the default for a value of the
 * wrong type, an empty string or a choice not offered; numbers rounded into their range.
 */
export function settingValue<N extends SettingName>(name: N, raw: unknown): SettingValue<N> {
  const s: Setting<unknown> = Settings[name];
  const fallback = s.default as SettingValue<N>;
  if (typeof raw !== typeof s.default) return fallback;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fallback;
    return Math.min(s.max ?? Infinity, Math.max(s.min ?? -Infinity, raw)) as SettingValue<N>;
  }
  if (typeof raw === 'string') {
    const value = raw.trim();
    if (s.choices && !s.choices.includes(value)) return fallback;
    return (value === '' ? fallback : value) as SettingValue<N>;
  }
  return raw as SettingValue<N>;
}
