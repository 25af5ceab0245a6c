// The context every command runs in: the log (from --log, or found from here), its repository and
// policy, and the operations on the log the commands share (read it, write an incident where it
// lives, log entries). Loaded by main.ts once a command is known: it imports the reader and the writer.
import { resolve } from 'node:path';
import type { Incident, LogIndex, Splice } from '../core/model';
import type { Policy } from '../core/playbook/policy';
import { findIncident, indexIncidentFile, isActive } from '../core/indexer';
import { presetForLog } from '../core/playbook/severityPreset';
import { type NewTimelineEntry, WriteRefused, appendTimelineEntries, applySplices } from '../core/log/writer';
import { gitAuthor } from '../core/response/gitUser';
import { parseUserTime } from '../core/format/time';
import { LogFileError, indexFile, policyFor } from '../core/log/logFile';
import { RepositoryFiles } from '../core/log/repositoryFiles';
import { findIncidentLog, playbookRoot, repositoryRoot, resolveLinkedFile } from '../core/log/paths';
import { LogPatternError, resolveLogs, serviceOfLog } from '../core/log/logGlob';
import type { InferredPolicy } from '../core/playbook/severityPreset';
import type { CliContext, LogSource, OptionValues } from './command';
import { UsageError, note } from './output';

interface Context {
  logPath: string;
  policy: Policy;
  cwd: string;
  /** The repository the log belongs to: every read and write of its files goes through it. */
  files: RepositoryFiles;
  /** The log's text as opening read it, until the first read or write uses or outdates it. */
  firstRead?: string;
}

function parseTime(value: string | undefined, policy: Policy, flag: string): Date {
  if (value === undefined) return new Date();
  const at = parseUserTime(value, policy.timeZone);
  if (!at) throw new UsageError(`${flag} "${value}" is not a date-time (use ISO 8601, e.g. 2026-11-20T14:30:00Z).`);
  return at;
}

/** The log's text (read once here, handed to the command's first readLog) and its preset. */
function presetOfLogFile(files: RepositoryFiles, logPath: string, policy: Policy) {
  let text: string | undefined;
  try {
    text = files.read(logPath);
  } catch {
    return undefined; // an unreadable log is reported by the command that reads it
  }
  return text === undefined ? undefined : { text, preset: presetForLog(text, policy) };
}

function readLog(ctx: Context): { text: string; index: LogIndex } {
  // The text read to choose the preset serves the first read (a 14 MB log was decoded twice);
  // any later read, after a write, goes to the file.
  const text = ctx.firstRead ?? ctx.files.read(ctx.logPath);
  ctx.firstRead = undefined;
  return indexedLog(ctx, text);
}

function indexedLog(ctx: Context, text: string | undefined): { text: string; index: LogIndex } {
  if (text === undefined) throw new LogFileError(`No incident log at ${ctx.logPath} (declare an incident to create it, or pass --log PATH).`);
  return { text, index: indexFile(ctx.logPath, text, ctx.policy, { root: ctx.files.root }) };
}

function requireIncident(index: LogIndex, id: string, ctx: Context): Incident {
  const incident = findIncident(index, id);
  if (!incident) throw new UsageError(`No incident "${id}" in ${ctx.logPath}.`);
  return incident;
}

/**
 * Applies a change to the file that holds the incident: the log itself, or the per-incident file
 * an index table links to. `make` computes splices from that file's own index.
 */
function writeIncident(ctx: Context, id: string, make: (index: LogIndex, incidentId: string) => Splice[]): Promise<Incident> {
  return writeIncidentText(ctx, id, (text, index, incId) => applySplices(text, make(index, incId)));
}

/**
 * Like writeIncident, for changes made of several steps: `next` computes the new text of the
 * file from its text and index (`reindex` indexes an intermediate text the same way). One write,
 * computed under the file's lock from the text as it is then, so a writer in parallel loses nothing.
 */
async function writeIncidentText(ctx: Context, id: string, next: (text: string, index: LogIndex, incidentId: string, reindex: (text: string) => LogIndex) => string): Promise<Incident> {
  let incident: Incident | undefined;
  await ctx.files.update(ctx.logPath, (current) => {
    const { text, index } = indexedLog(ctx, current);
    incident = requireIncident(index, id, ctx);
    // An incident kept in its own file is written there, under that file's lock (below).
    if (incident.source === 'linked-file' && incident.file) return undefined;
    return next(text, index, incident.id, (t) => indexFile(ctx.logPath, t, ctx.policy, { root: ctx.files.root }));
  });
  const found = incident as Incident;
  if (found.source === 'linked-file' && found.file) {
    // The link is checked again where it is written: it must still resolve, through any
    // symbolic links, to a regular file inside the repository.
    const link = resolveLinkedFile(ctx.logPath, found.file, ctx.files.root, { decoded: true });
    if ('reason' in link) throw new LogFileError(`${found.id} links to ${found.file}, which ${link.reason}; nothing was written.`);
    await ctx.files.update(link.path, (fileText) => {
      if (fileText === undefined) throw new LogFileError(`${found.id} links to ${link.path}, which does not exist.`);
      const fileIndex = indexIncidentFile(fileText, ctx.policy);
      const inner = fileIndex.incidents[0];
      if (!inner) throw new WriteRefused(`${link.path} holds no incident to write to.`);
      return next(fileText, fileIndex, inner.id, (t) => indexIncidentFile(t, ctx.policy));
    });
  }
  return found;
}

/** Appends several timeline entries to an incident in one write. */
function logEntries(ctx: Context, id: string, entries: NewTimelineEntry[]): Promise<Incident> {
  return writeIncidentText(ctx, id, (text, index, incId, reindex) => appendTimelineEntries(text, index, incId, entries, ctx.policy, reindex));
}

/**
 * The incident a run is logged on: `--incident ID`, else the only active one; undefined (with a
 * note) when there is no log, none or several are active, or logging is off.
 */
function incidentToLog(ctx: Context, wanted: string | undefined, off: boolean | undefined): string | undefined {
  if (off) {
    if (wanted) throw new UsageError('Give --incident or --no-log, not both.');
    return undefined;
  }
  if (wanted) return requireIncident(readLog(ctx).index, wanted, ctx).id;
  if (!ctx.files.exists(ctx.logPath)) return undefined;
  const active = readLog(ctx).index.incidents.filter((i) => isActive(i, ctx.policy));
  if (active.length === 1) return active[0].id;
  if (active.length > 1) note(`Not logged: ${active.length} incidents are active (pick one with --incident ID).`);
  return undefined;
}
interface OpenedLog {
  logPath: string;
  files: RepositoryFiles;
  policy: Policy;
  inferred: InferredPolicy | undefined;
  firstRead: string | undefined;
  playbookPath: string | undefined;
}

/** A log's repository and policy (its own playbook, else the built-in one or the preset its text is written in). */
async function openLog(logPath: string, cwd: string): Promise<OpenedLog> {
  const files = new RepositoryFiles(repositoryRoot(logPath, { workspaceFolder: cwd }));
  const found = await policyFor(logPath, { root: files.root });
  // Without a playbook, a log written in P-levels is read, checked and written with the P1..P4
  // preset (the index makes the same choice; this makes it before any argument is checked).
  const read = found.policy.builtIn ? presetOfLogFile(files, logPath, found.policy) : undefined;
  const inferred = read?.preset;
  return { logPath, files, policy: inferred?.policy ?? found.policy, inferred, firstRead: read?.text, playbookPath: found.path };
}

/** The logs several --log name (globs expanded inside the repository), each opened with its own playbook. */
async function openLogs(given: readonly string[], cwd: string): Promise<OpenedLog[]> {
  let paths: string[];
  try {
    paths = resolveLogs(given, cwd);
  } catch (e) {
    if (e instanceof LogPatternError) throw new UsageError(e.message);
    throw e;
  }
  const out: OpenedLog[] = [];
  for (const path of paths) out.push(await openLog(path, cwd));
  return out;
}

function logSource(log: OpenedLog): LogSource {
  let firstRead = log.firstRead;
  return {
    logPath: log.logPath,
    service: serviceOfLog(log.logPath, log.files.root, log.policy),
    files: log.files,
    policy: log.policy,
    inferred: log.inferred,
    readIndex: () => {
      const text = firstRead ?? log.files.read(log.logPath);
      firstRead = undefined;
      if (text === undefined) throw new LogFileError(`No incident log at ${log.logPath}.`);
      return indexFile(log.logPath, text, log.policy, { root: log.files.root });
    },
  };
}

/**
 * Finds the log (--log, else the nearest docs/INCIDENT_LOG.md), its repository and policy, and
 * gives the command its arguments and the operations above, bound to them.
 */
export async function openContext(args: string[], values: OptionValues): Promise<CliContext> {
  const cwd = process.cwd();
  const many = values.logs ? await openLogs(values.logs, cwd) : undefined;
  const logPath = many ? many[0].logPath : values.log ? resolve(cwd, values.log) : findIncidentLog(cwd);
  const { files, policy, inferred, firstRead, playbookPath } = many?.[0] ?? (await openLog(logPath, cwd));
  const ctx: Context = { logPath, policy, cwd, files, firstRead };
  const owner = async () => values.owner ?? (await gitAuthor(cwd, policy));
  return {
    ...ctx,
    ...(many && many.length > 1 ? { logs: many.map(logSource) } : {}),
    args,
    values,
    inferred,
    // Health checks and runbook steps run relative to the folder holding `.incident/` (normally the repository root).
    checksRoot: () => (playbookPath ? playbookRoot(playbookPath) : files.root),
    parseTime: (value, flag) => parseTime(value, policy, flag),
    readLog: () => readLog(ctx),
    requireIncident: (index, id) => requireIncident(index, id, ctx),
    // A write reads the file afresh under its lock; what opening read is outdated by it.
    writeIncident: (id, make) => ((ctx.firstRead = undefined), writeIncident(ctx, id, make)),
    writeIncidentText: (id, next) => ((ctx.firstRead = undefined), writeIncidentText(ctx, id, next)),
    logEntries: (id, entries) => ((ctx.firstRead = undefined), logEntries(ctx, id, entries)),
    incidentToLog: (wanted, off) => incidentToLog(ctx, wanted, off),
    owner,
    actor: async () => {
      const at = parseTime(values.at, policy, '--at');
      return { at, owner: await owner() };
    },
  };
}
