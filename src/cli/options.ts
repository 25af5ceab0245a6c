// The options several commands take, each declared once: its name, the shape of its value and
// what it does, so that --help says the same of it whichever command it is given to.
import type { OptionSpec } from './command';

/** The time an entry is written at (declare, log, set, resolve, update). */
export const AT: OptionSpec = { name: 'at', value: 'ISO', description: 'When it happened (default: now).' };

/** The time a command reads the log as of (check, metrics, summary, update). */
export const NOW: OptionSpec = { name: 'now', value: 'ISO', description: 'As of this time (default: now).' };

/** Who the timeline entries a command writes are by. */
export const OWNER: OptionSpec = { name: 'owner', value: 'NAME', description: 'Who the timeline entries are by (default: git’s user.name).' };

export const JSON_OUTPUT: OptionSpec = { name: 'json', description: 'Print JSON instead of text.' };

/** The incident a health check's or a runbook step's result is logged on, and --no-log. */
export const INCIDENT: OptionSpec = { name: 'incident', value: 'ID', description: 'The incident to log on (default: the only active one).' };
export const NO_LOG: OptionSpec = { name: 'no-log', description: 'Log nothing.' };

/** `--severity` as a filter (list, metrics); declare's --severity is the new incident's own. */
export const SEVERITY_FILTER: OptionSpec = { name: 'severity', value: 'S', description: 'Only incidents of severity S.' };

/** How a text to send is written (update, summary), and what it is written as by default. */
export const formatOption = (fallback: 'markdown' | 'text'): OptionSpec => ({ name: 'format', value: 'markdown|slack|text', description: `How to write it (default: ${fallback}).` });
