// Every command of `incident`, in the order --help lists them, and the options every command
// takes. main.ts dispatches through this table and help.ts writes the help from it, so a command
// and its options are declared once, in its own file under commands/.
import type { CommandModule, OptionSpec } from './command';
import list from './commands/list';
import show from './commands/show';
import declare from './commands/declare';
import log from './commands/log';
import set from './commands/set';
import resolve from './commands/resolve';
import review from './commands/review';
import check from './commands/check';
import health from './commands/health';
import runbook from './commands/runbook';
import oncall from './commands/oncall';
import init from './commands/init';
import setupMerge from './commands/setupMerge';
import normalize from './commands/normalize';
import changes from './commands/changes';
import commit from './commands/commit';
import update from './commands/update';
import summary from './commands/summary';
import metrics from './commands/metrics';
import mcp from './commands/mcp';
import statuspage from './commands/statuspage';

export const COMMANDS: readonly CommandModule[] = [list, show, declare, log, set, resolve, review, check, health, runbook, oncall, init, setupMerge, normalize, changes, commit, update, summary, metrics, statuspage, mcp];

/** Taken by every command (and --help, --version without one). */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'log',
    value: 'PATH',
    multiple: true,
    description: 'The log (default: the nearest docs/INCIDENT_LOG.md from here up to the git root). list, metrics and statuspage read several: repeat it, or give a glob (services/*/docs/INCIDENT_LOG.md, **/docs/INCIDENT_LOG.md).',
  },
  { name: 'help', short: 'h', description: 'Show this help.' },
  { name: 'version', description: 'Print the version.' },
];

export function findCommand(name: string): CommandModule | undefined {
  return COMMANDS.find((c) => c.name === name);
}
