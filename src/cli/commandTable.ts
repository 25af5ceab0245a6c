// Every command of `incident`, in the order --help lists them, and the options every command
// takes. main.ts dispatches through this table and help.ts writes the help from it, so a command
// and its options are declared once, in its own file under commands/.
import type { CommandModule, OptionSpec } from './command';
import * as list from './commands/list';
import * as show from './commands/show';
import * as declare from './commands/declare';
import * as log from './commands/log';
import * as set from './commands/set';
import * as resolve from './commands/resolve';
import * as review from './commands/review';
import * as check from './commands/check';
import * as health from './commands/health';
import * as runbook from './commands/runbook';
import * as oncall from './commands/oncall';
import * as init from './commands/init';
import * as setupMerge from './commands/setupMerge';
import * as normalize from './commands/normalize';
import * as changes from './commands/changes';
import * as commit from './commands/commit';
import * as update from './commands/update';
import * as summary from './commands/summary';
import * as metrics from './commands/metrics';

export const COMMANDS: readonly CommandModule[] = [list, show, declare, log, set, resolve, review, check, health, runbook, oncall, init, setupMerge, normalize, changes, commit, update, summary, metrics];

/** Taken by every command (and --help, --version without one). */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'log', value: 'PATH', description: 'The log (default: the nearest docs/INCIDENT_LOG.md from here up to the git root).' },
  { name: 'help', short: 'h', description: 'Show this help.' },
  { name: 'version', description: 'Print the version.' },
];

export function findCommand(name: string): CommandModule | undefined {
  return COMMANDS.find((c) => c.name === name);
}
