// What a command of `incident` is: its name, usage line, options, how many words it takes and
// `run` (one file each in commands/, declared with defineCommand), and the context `run` is given.
// Types, and nothing heavy: main.ts loads every command's table entry at start, so a command file
// imports its heavy modules inside `run`.
import type { Incident, LogIndex, Splice } from '../core/model';
import type { Policy } from '../core/playbook/policy';
import type { RepositoryFiles } from '../core/log/repositoryFiles';
import type { InferredPolicy } from '../core/playbook/severityPreset';
import type { NewTimelineEntry } from '../core/log/writer';
import { UsageError } from './output';

/** An option a command takes. */
export interface OptionSpec {
  /** As typed after `--`. */
  name: string;
  /** The placeholder of its value (`ISO`, `S`); absent for a flag, which takes none. */
  value?: string;
  /** Given more than once, every value is kept (`--param A=1 --param B=2`). */
  multiple?: boolean;
  /** Its one-letter form (`-h`). */
  short?: string;
  description: string;
}

export interface CommandModule {
  name: string;
  /** The usage line without `incident `: `show ID [--json]`. */
  usage: string;
  /** What it does, for --help. */
  summary: string;
  options: readonly OptionSpec[];
  /** The fewest words it takes after its name (default: 0). */
  minArgs?: number;
  /** The most words it takes after its name (default: any number). */
  maxArgs?: number;
  /** It reads several logs as one (`--log` repeated or a glob); any other command is given one. */
  manyLogs?: boolean;
  run(ctx: CliContext): Promise<number>;
}

/** A command, as its file declares it (its default export, listed in commandTable.ts). */
export function defineCommand(command: CommandModule): CommandModule {
  return command;
}

/** The options as parsed: every option some command takes, each typed as its spec says. */
export interface OptionValues {
  /** The --log given (the first, when it is given several times: see `logs`). */
  log?: string;
  /** Every --log given, in order, when there is more than one or a glob (list, metrics, statuspage). */
  logs?: string[];
  help?: boolean;
  version?: boolean;
  json?: boolean;
  status?: string;
  severity?: string;
  title?: string;
  commander?: string;
  at?: string;
  owner?: string;
  now?: string;
  incident?: string;
  'no-log'?: boolean;
  run?: string;
  yes?: boolean;
  param?: string[];
  drill?: boolean;
  merge?: boolean;
  hours?: string;
  push?: boolean;
  format?: string;
  audience?: string;
  sent?: boolean;
  csv?: boolean;
  since?: string;
  until?: string;
  'allow-write'?: boolean;
  'allow-run'?: boolean;
  out?: string;
  days?: string;
  'base-url'?: string;
  'dry-run'?: boolean;
}

/** One of several logs read as one: where it is, its service, its repository and policy. */
export interface LogSource {
  logPath: string;
  /** Its playbook's `service:`, else its folder (see serviceOfLog). */
  service: string;
  files: RepositoryFiles;
  policy: Policy;
  inferred: InferredPolicy | undefined;
  /** The log read and indexed, each link followed inside its own repository. */
  readIndex(): LogIndex;
}

/** The log, its repository and policy, the command's arguments, and the operations on the log. */
export interface CliContext {
  /**
   * Set only when several logs are read (`--log` repeated, or a glob matching more than one), for
   * the commands that take them (manyLogs); the fields above are then the first log's.
   */
  logs?: LogSource[];
  logPath: string;
  policy: Policy;
  cwd: string;
  /** The repository the log belongs to: every read and write of its files goes through it. */
  files: RepositoryFiles;
  /** The words after the command's name. */
  args: string[];
  values: OptionValues;
  /** The preset a log without a playbook was read with (P-levels), when one was chosen. */
  inferred: InferredPolicy | undefined;
  /** The folder commands run in: the one holding `.incident/` (normally the repository root). */
  checksRoot(): string;
  /** `value` (of `flag`) as an instant in the policy's zone; now when it is not given. */
  parseTime(value: string | undefined, flag: string): Date;
  readLog(): { text: string; index: LogIndex };
  requireIncident(index: LogIndex, id: string): Incident;
  /** Applies splices computed from the index of the file that holds the incident. */
  writeIncident(id: string, make: (index: LogIndex, incidentId: string) => Splice[]): Promise<Incident>;
  /** Computes the new text of the file that holds the incident, under its lock. */
  writeIncidentText(id: string, next: (text: string, index: LogIndex, incidentId: string, reindex: (text: string) => LogIndex) => string): Promise<Incident>;
  /** Appends entries to an incident's timeline in one write (the log, or its linked file). */
  logEntries(id: string, entries: NewTimelineEntry[]): Promise<Incident>;
  /** `--incident ID`, else the only active incident; undefined when there is nothing to log on. */
  incidentToLog(wanted: string | undefined, off: boolean | undefined): string | undefined;
  /** Who a new entry is by: --owner, else git's user.name (when there is one). */
  owner(): Promise<string | null>;
  /** When and by whom a new entry is written: --at (default: now) and owner(). */
  actor(): Promise<{ at: Date; owner: string | null }>;
}

/**
 * Refuses fewer words after the command's name than its minArgs, or more than its maxArgs, with
 * its usage line: main.ts checks this before `run`, so no command checks its own count.
 */
export function checkArgCount(command: CommandModule, args: readonly string[]): void {
  if (args.length < (command.minArgs ?? 0) || args.length > (command.maxArgs ?? Infinity)) throw new UsageError(`Usage: incident ${command.usage}`);
}
