// Reads the command line against the command table: the command named, then the options of THAT
// command (and the global ones). An option the command does not take is refused with its usage
// line, never parsed and ignored.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CommandModule, OptionSpec, OptionValues } from './command';
import { COMMANDS, GLOBAL_OPTIONS, findCommand } from './commandTable';
import { commandHelp, generalHelp } from './help';
import { UsageError } from './output';

/** core/log/logGlob's isLogPattern, here because every start loads this file and not the glob walker. */
const isPattern = (log: string): boolean => /[*?]/.test(log);

export type Invocation =
  | { kind: 'version' }
  /** Help to print on stdout, and the exit code (2 when no command was given at all). */
  | { kind: 'help'; text: string; code: number }
  | { kind: 'run'; command: CommandModule; args: string[]; values: OptionValues };

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

function parseOptions(specs: readonly OptionSpec[]): ParseOptions {
  const out: ParseOptions = {};
  for (const o of specs) out[o.name] = { type: o.value ? 'string' : 'boolean', ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) };
  return out;
}

/**
 * Every option of every command: enough to tell an option's value from the command's name
 * (`incident --log ops.md list`) before the command, and so its own options, is known.
 */
function everyOption(): ParseOptions {
  return parseOptions([...GLOBAL_OPTIONS, ...COMMANDS.flatMap((c) => c.options)]);
}

/** The message that refuses `rawName` (as typed) for `command`. */
function refusal(rawName: string, name: string, command: CommandModule): string {
  const elsewhere = COMMANDS.filter((c) => c.options.some((o) => o.name === name)).map((c) => c.name);
  const why = elsewhere.length ? `${command.name} does not take ${rawName} (${elsewhere.join(', ')} ${elsewhere.length === 1 ? 'does' : 'do'})` : `Unknown option '${rawName}' for ${command.name}`;
  return `${why}. Usage: incident ${command.usage}`;
}

/** Several --log, or a glob, only for a command that reads several logs as one. */
function checkLogCount(command: CommandModule, logs: readonly string[] | undefined): void {
  if (!logs || command.manyLogs) return;
  const pattern = logs.find(isPattern);
  if (logs.length < 2 && pattern === undefined) return;
  const readers = COMMANDS.filter((c) => c.manyLogs).map((c) => c.name).join(', ');
  const given = pattern === undefined ? `--log is given ${logs.length} times` : `--log "${pattern}" is a pattern`;
  throw new UsageError(`${command.name} reads one log, but ${given} (only ${readers} read several). Usage: incident ${command.usage}`);
}

export function parseCommandLine(argv: string[]): Invocation {
  const first = parseArgs({ args: argv, options: everyOption(), strict: false, allowPositionals: true, tokens: true });
  if (first.values.version === true) return { kind: 'version' };
  const help = first.values.help === true;
  const name = first.positionals[0];
  if (name === undefined) return { kind: 'help', text: generalHelp(), code: help ? 0 : 2 };
  const command = findCommand(name);
  if (!command) throw new UsageError(`Unknown command "${name}".\n\n${generalHelp()}`);
  if (help) return { kind: 'help', text: commandHelp(command), code: 0 };
  const taken = [...GLOBAL_OPTIONS, ...command.options];
  for (const token of first.tokens) {
    if (token.kind === 'option' && !taken.some((o) => o.name === token.name)) throw new UsageError(refusal(token.rawName, token.name, command));
  }
  // The command's own options, strictly: a flag given a value or an option missing one is refused here.
  const { values, positionals } = parseArgs({ args: argv, options: parseOptions(taken), strict: true, allowPositionals: true });
  // --log is parsed as a list; a command is given the one log, and the list when there are several.
  const logs = values.log as string[] | undefined;
  checkLogCount(command, logs);
  const given: OptionValues = { ...(values as Omit<OptionValues, 'log'>), log: logs?.[0] };
  if (logs === undefined) delete given.log;
  if (logs && (logs.length > 1 || logs.some(isPattern))) given.logs = logs;
  return { kind: 'run', command, args: positionals.slice(1), values: given };
}
