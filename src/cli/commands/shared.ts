// What the communication and metrics commands share (update, summary, metrics): the part of the
// context they read, reading the log and the review files beside it, safe terminal output, and
// their own usage errors (reported as `incident: …` with exit 2, like every other command's).
// Not a command: they load it inside run, as it imports the reader.
import { note, printJson as printJsonIndented } from '../output';
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Incident, LogIndex } from '../../core/model';
import type { Policy } from '../../core/playbook/policy';
import { sanitizeForDisplay } from '../../core/format/displayText';
import { LogFileError, indexFile } from '../../core/log/logFile';
import type { RepositoryFiles } from '../../core/log/repositoryFiles';
import { findIncident } from '../../core/indexer';
import { reviewFileName } from '../../core/review/review';
import { parseUserTime } from '../../core/format/time';
import type { NewTimelineEntry } from '../../core/log/writer';

export interface CommandValues {
  json?: boolean;
  csv?: boolean;
  format?: string;
  audience?: string;
  sent?: boolean;
  since?: string;
  until?: string;
  severity?: string;
  now?: string;
  at?: string;
  owner?: string;
}

export interface CommandContext {
  logPath: string;
  policy: Policy;
  cwd: string;
  /** The log's repository: its files are read through it. */
  files: RepositoryFiles;
  args: string[];
  values: CommandValues;
  /** Appends entries to an incident's timeline in one write (the log, or its linked file). */
  logEntries: (id: string, entries: NewTimelineEntry[]) => Promise<Incident>;
  /** Who a new entry is by: --owner, else git's user.name (when there is one). */
  owner: () => Promise<string | null>;
}

export class CommandError extends Error {}

export const print = (text: string): void => {
  process.stdout.write(sanitizeForDisplay(text, { multiline: true }));
};
export { note };
/** Indented JSON, escaped for the terminal, straight to stdout (see output.ts). */
export const printJson = (value: unknown): void => printJsonIndented(value, 2);

/** Runs a command body; its usage errors become a message and exit code 2. */
export async function guarded(body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof CommandError) {
      note(`incident: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

export function readIndex(ctx: CommandContext): LogIndex {
  const text = ctx.files.read(ctx.logPath);
  if (text === undefined) throw new LogFileError(`No incident log at ${ctx.logPath} (declare an incident to create it, or pass --log PATH).`);
  return indexFile(ctx.logPath, text, ctx.policy, { root: ctx.files.root });
}

export function requireIncident(index: LogIndex, id: string, ctx: CommandContext): Incident {
  const incident = findIncident(index, id);
  if (!incident) throw new CommandError(`No incident "${id}" in ${ctx.logPath}.`);
  return incident;
}

/** The incident's review beside the log (pir/<id>.md); undefined when there is none or it cannot be read. */
export function reviewTextOf(ctx: CommandContext, incident: Incident): string | undefined {
  try {
    return ctx.files.read(resolve(dirname(ctx.logPath), 'pir', reviewFileName(incident)));
  } catch {
    return undefined; // unreadable (binary, too big): read as no review
  }
}

/**
 * reviewTextOf for many incidents: the pir/ folder is listed once, and only the files in it are
 * read (a log of thousands of incidents with a few reviews makes a few reads, not thousands).
 */
export function reviewReader(ctx: CommandContext): (incident: Incident) => string | undefined {
  let names: Set<string>;
  try {
    names = new Set(readdirSync(resolve(dirname(ctx.logPath), 'pir')));
  } catch {
    names = new Set();
  }
  return (incident) => (names.has(reviewFileName(incident)) ? reviewTextOf(ctx, incident) : undefined);
}

/** `--now` (for reproducible output) or the clock. */
export function nowOf(ctx: CommandContext, flag: 'now' | 'at' = 'now'): Date {
  const value = ctx.values[flag];
  if (value === undefined) return new Date();
  const at = parseUserTime(value, ctx.policy.timeZone);
  if (!at) throw new CommandError(`--${flag} "${value}" is not a date-time (use ISO 8601, e.g. 2026-11-20T14:30:00Z).`);
  return at;
}

/** One of `allowed` (by a lower-cased, dash- and space-free match), or a usage error naming them. */
export function choice<T extends string>(flag: string, value: string | undefined, allowed: Record<string, T>, fallback: T): T {
  if (value === undefined) return fallback;
  const hit = allowed[value.trim().toLowerCase().replace(/[\s_-]+/g, '')];
  if (!hit) throw new CommandError(`--${flag} "${value}" is not one of ${[...new Set(Object.values(allowed))].join(', ')}.`);
  return hit;
}

export const FORMATS = { markdown: 'markdown', md: 'markdown', slack: 'slack', mrkdwn: 'slack', text: 'text', plain: 'text', txt: 'text' } as const;
