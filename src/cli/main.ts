// `incident`: the same operations as the extension, from any terminal.
// Exit codes: 0 ok; 1 `check` found problems; 2 bad usage, unknown id, unreadable log, refused write.
import { parseArgs } from 'node:util';
import { dirname, join, relative, resolve } from 'node:path';
// Only what every command needs is imported here; the rest loads on first use, so that
// `incident list` on a big log stays a fast process.
import type { Incident, LogIndex, Splice } from '../core/model';
import { type Policy, fieldFromName, matchSeverity, matchStatus, unknownSeverityMessage, unknownStatusMessage } from '../core/playbook/policy';
import { findIncident, indexIncidentFile, isActive, statusState } from '../core/indexer';
import { presetForLog } from '../core/playbook/severityPreset';
import { approximately, readingNotes } from '../core/reader/readingNotes';
import { type NewTimelineEntry, WriteRefused, appendTimelineEntry, applySplices, declareIncident, resolveIncident, setField } from '../core/log/writer';
import { assignRole, changeSeverity, changeStatus } from '../core/response/operations';
import { sanitizeForDisplay } from '../core/format/displayText';
import { ownerLabel } from '../core/response/author';
import { gitAuthor } from '../core/response/gitUser';
import { parseUserTime } from '../core/format/time';
import { LogFileError, findTeamFile, indexFile, policyFor } from '../core/log/logFile';
import { RepositoryFiles } from '../core/log/repositoryFiles';
import { findGitRoot, findIncidentLog, playbookRoot, repositoryRoot, resolveLinkedFile } from '../core/log/paths';
import { isDrill } from '../core/oncall/oncall';
import { UsageError, note, pad, print, printJson, shown } from './output';

// The package version, put in by scripts/build.mjs (esbuild `define`), so the bundle needs no
// package.json beside it. Unbundled (tsx), there is none.
declare const __INCIDENT_VERSION__: string | undefined;
const VERSION = typeof __INCIDENT_VERSION__ === 'string' ? __INCIDENT_VERSION__ : '0.0.0-dev';


/** Words `list --status` takes beside the policy's statuses: every incident not resolved. */
const ACTIVE_WORDS = ['active', 'open'];
/** The word `list --status` takes for incidents with no status and nothing that says they ended. */
const UNKNOWN_WORD = 'unknown';

const USAGE = `Usage: incident <command> [options]

Commands:
  list [--json] [--status S] [--severity S]     List incidents, newest first as written;
                                                --status active (or open): all still worked;
                                                --status unknown: no status, nothing says resolved
  show ID [--json]                              Show one incident
  declare TITLE --severity S [--commander NAME] [--at ISO] [--drill] [--owner NAME]
                                                Declare an incident (or --title TITLE; --drill
                                                marks an exercise; the commander is logged);
                                                prints its ID last
  log ID MESSAGE [--at ISO] [--owner NAME]      Append a timeline entry
  set ID FIELD VALUE [--at ISO] [--owner NAME]  Set status, severity, commander, tech-lead,
                                                comms-lead (logged in the timeline, as the
                                                extension does), or any other field
  resolve ID [--at ISO]                         Resolve an incident
  review ID                                     Draft the post-incident review in pir/ID.md
                                                beside the log (never overwrites); prints its path
  check [--json] [--now ISO]                    Report problems (exit 1 when there are any)
  health [NAME...] [--incident ID] [--no-log] [--json]
                                                Run the playbook's health checks (all, or those
                                                named); log each result on the incident (the
                                                only active one when --incident is not given);
                                                exit 1 when any fails, times out or has no exit code
  runbook [TYPE] [--run N] [--yes] [--param NAME=VALUE] [--incident ID] [--no-log]
                                                List runbooks, print one's steps, or run step N
                                                (a dangerous step needs --yes)
  oncall [--at ISO] [--json]                    Who is on call, until when; escalation contacts
  init [--runbooks] [--merge]                   Write a commented .incident/playbook.yml with
                                                runbooks; for an existing log, it lists the
                                                severities, statuses and field keys the log
                                                writes, unknown ones marked (never overwrites);
                                                --merge: setup-merge
  setup-merge                                   Add merge=union for the record to .gitattributes
  normalize ID                                  Sort the incident's timeline entries by time
  changes ID [--hours N] [--json]               Commits from N h (24) before detection until
                                                resolution or now, newest first
  commit ID [--push]                            Commit only the incident's record (log, linked
                                                file, review); --push merges the remote first
  update ID [--format markdown|slack|text] [--audience internal|statuspage] [--sent]
                                                Print the status update prefilled from the log;
                                                --sent logs it as sent (restarts the countdown)
  summary ID [--format markdown|slack|text]     Print the executive summary and final update
  metrics [--json] [--csv] [--since DATE] [--until DATE] [--severity S]
                                                Time to detect / acknowledge / mitigate /
                                                resolve, frequency and compliance figures

Options:
  --log PATH    The log (default: the nearest docs/INCIDENT_LOG.md from here up to the git root)
  -h, --help    Show this help
  --version     Print the version
`;

interface Context {
  logPath: string;
  policy: Policy;
  cwd: string;
  /** The repository the log belongs to: every read and write of its files goes through it. */
  files: RepositoryFiles;
}

function parseTime(value: string | undefined, policy: Policy, flag: string): Date {
  if (value === undefined) return new Date();
  const at = parseUserTime(value, policy.timeZone);
  if (!at) throw new UsageError(`${flag} "${value}" is not a date-time (use ISO 8601, e.g. 2026-11-20T14:30:00Z).`);
  return at;
}

function presetOfLogFile(files: RepositoryFiles, logPath: string, policy: Policy) {
  let text: string | undefined;
  try {
    text = files.read(logPath);
  } catch {
    return undefined; // an unreadable log is reported by the command that reads it
  }
  return text === undefined ? undefined : presetForLog(text, policy);
}

function readLog(ctx: Context): { text: string; index: LogIndex } {
  return indexedLog(ctx, ctx.files.read(ctx.logPath));
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
  return writeIncidentText(ctx, id, (text, index, incId, reindex) => {
    let current = text;
    let currentIndex = index;
    for (const [i, entry] of entries.entries()) {
      current = applySplices(current, appendTimelineEntry(currentIndex, incId, entry, ctx.policy));
      if (i < entries.length - 1) currentIndex = reindex(current);
    }
    return current;
  });
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

/** The status as listed: as read, or `unknown` when none is written and nothing says it ended. */
function statusText(incident: Incident, policy: Policy): string | null {
  return incident.status ?? (statusState(incident, policy) === 'unknown' ? UNKNOWN_WORD : null);
}

function toJson(incident: Incident, policy: Policy) {
  const notes = readingNotes(incident, policy);
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    ...(notes.severityNote ? { severityNote: notes.severityNote } : {}),
    status: statusText(incident, policy),
    state: statusState(incident, policy),
    ...(notes.statusNote ? { statusNote: notes.statusNote } : {}),
    ...(notes.statusFrom ? { statusFrom: notes.statusFrom } : {}),
    detected: incident.detected,
    ...(notes.detectedApproximate ? { detectedApproximate: true } : {}),
    resolved: incident.resolved,
    ...(notes.resolvedApproximate ? { resolvedApproximate: true } : {}),
    roles: incident.roles,
    timeline: incident.timeline.map((e) => ({ at: e.at, text: e.text, owner: e.owner })),
    checklist: { done: incident.checklist.filter((c) => c.done).length, total: incident.checklist.length, items: incident.checklist.map((c) => ({ done: c.done, text: c.text })) },
    actionItems: incident.actionItems.map((a) => ({ done: a.done, text: a.text, owner: a.owner })),
    line: incident.line,
    source: incident.source,
    ...(incident.file ? { file: incident.file } : {}),
    ...(isDrill(incident) ? { drill: true } : {}),
  };
}

function printTable(incidents: Incident[], policy: Policy): void {
  if (incidents.length === 0) {
    print('No incidents.');
    return;
  }
  const rows = incidents.map((i) => {
    const notes = readingNotes(i, policy);
    return [shown(i.id), shown(i.severity), shown(statusText(i, policy)), shown(i.detected && approximately(i.detected, notes.detectedApproximate)), shown(i.title)];
  });
  const widths = [0, 1, 2, 3].map((c) => Math.min(28, Math.max(...rows.map((r) => r[c].length))));
  for (const r of rows) print(r.map((cell, c) => (c < 4 ? pad(cell, widths[c]) : cell)).join('  '));
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      log: { type: 'string' },
      json: { type: 'boolean' },
      status: { type: 'string' },
      severity: { type: 'string' },
      title: { type: 'string' },
      commander: { type: 'string' },
      at: { type: 'string' },
      owner: { type: 'string' },
      now: { type: 'string' },
      incident: { type: 'string' },
      'no-log': { type: 'boolean' },
      run: { type: 'string' },
      yes: { type: 'boolean' },
      param: { type: 'string', multiple: true },
      runbooks: { type: 'boolean' },
      drill: { type: 'boolean' },
      merge: { type: 'boolean' },
      hours: { type: 'string' },
      push: { type: 'boolean' },
      format: { type: 'string' },
      audience: { type: 'string' },
      sent: { type: 'boolean' },
      csv: { type: 'boolean' },
      since: { type: 'string' },
      until: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
  if (values.version) {
    console.log(VERSION);
    return 0;
  }
  const [command, ...args] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  const cwd = process.cwd();
  const logPath = values.log ? resolve(cwd, values.log) : findIncidentLog(cwd);
  const files = new RepositoryFiles(repositoryRoot(logPath, { workspaceFolder: cwd }));
  const found = await policyFor(logPath, { root: files.root });
  const playbookPath = found.path;
  // Without a playbook, a log written in P-levels is read, checked and written with the P1..P4
  // preset (the index makes the same choice; this makes it before any argument is checked).
  const inferred = found.policy.builtIn ? presetOfLogFile(files, logPath, found.policy) : undefined;
  const policy = inferred?.policy ?? found.policy;
  const ctx: Context = { logPath, policy, cwd, files };
  // Health checks and runbook steps run relative to the folder holding `.incident/` (normally the repository root).
  const checksRoot = () => (playbookPath ? playbookRoot(playbookPath) : files.root);
  const expectArgs = (n: number, shape: string) => {
    if (args.length !== n) throw new UsageError(`Usage: incident ${command} ${shape}`);
  };

  switch (command) {
    case 'list': {
      expectArgs(0, '[--json] [--status S] [--severity S]');
      const { index } = readLog(ctx);
      let incidents = index.incidents;
      if (values.status) {
        const wanted = values.status;
        const word = wanted.trim().toLowerCase();
        const exact = policy.statuses.find((s) => s.toLowerCase() === word);
        const activeWord = ACTIVE_WORDS.includes(word);
        const status = exact ?? (activeWord || word === UNKNOWN_WORD ? undefined : matchStatus(policy, wanted));
        // "active"/"open" mean every incident still worked, "unknown" every incident with no
        // status, unless the policy has a status of that name.
        if (status) incidents = incidents.filter((i) => (i.status ?? '').toLowerCase() === status.toLowerCase());
        else if (activeWord) incidents = incidents.filter((i) => isActive(i, policy));
        else if (word === UNKNOWN_WORD) incidents = incidents.filter((i) => statusState(i, policy) === 'unknown');
        else throw new UsageError(unknownStatusMessage(policy, wanted, [...ACTIVE_WORDS, UNKNOWN_WORD]));
      }
      if (values.severity) {
        const level = matchSeverity(policy, values.severity);
        if (!level) throw new UsageError(unknownSeverityMessage(policy, values.severity));
        incidents = incidents.filter((i) => i.severity === level.id);
      }
      // Indented for a person at a terminal, compact for a program reading a pipe.
      if (values.json) printJson(incidents.map((i) => toJson(i, policy)), process.stdout.isTTY ? 2 : undefined);
      else {
        printTable(incidents, policy);
        if (inferred) note(inferred.reason);
      }
      return 0;
    }
    case 'show': {
      expectArgs(1, 'ID [--json]');
      const { index } = readLog(ctx);
      const incident = requireIncident(index, args[0], ctx);
      const { incidentDetail } = await import('../core/reader/detail');
      const detail = incident.source === 'section' ? await incidentDetail(index, incident) : undefined;
      if (values.json) {
        printJson({ ...toJson(incident, policy), ...(detail ? { description: detail.description, links: detail.links } : {}) }, 2);
        return 0;
      }
      const notes = readingNotes(incident, policy);
      const withNote = (value: string | null, note: string | undefined) => (value && note ? `${value} (${note})` : value);
      const statusLine = statusState(incident, policy) === 'unknown' ? 'unknown (no status written, nothing says it ended)' : withNote(incident.status, notes.statusNote ?? (notes.statusFrom ? `from ${notes.statusFrom}` : undefined));
      const out = [
        `${shown(incident.id)}: ${shown(incident.title)}`,
        `  Severity:  ${shown(withNote(incident.severity, notes.severityNote))}`,
        `  Status:    ${shown(statusLine)}`,
        `  Detected:  ${shown(incident.detected && approximately(incident.detected, notes.detectedApproximate))}`,
        `  Resolved:  ${shown(incident.resolved && approximately(incident.resolved, notes.resolvedApproximate))}`,
        `  Commander: ${shown(incident.roles.commander)}`,
        `  Tech lead: ${shown(incident.roles.techLead)}`,
        `  Comms:     ${shown(incident.roles.commsLead)}`,
        `  Where:     ${shown(relative(cwd, incident.file ? resolve(dirname(logPath), incident.file) : logPath))}:${incident.line}`,
      ];
      if (detail?.description) out.push('', sanitizeForDisplay(detail.description, { multiline: true }));
      if (incident.timeline.length) {
        out.push('', 'Timeline:');
        for (const e of incident.timeline) out.push(`  ${shown(e.at, '?')}  ${shown(e.text)}${shown(ownerLabel(e.owner))}`);
      }
      if (incident.checklist.length) {
        out.push('', `Checklist: ${incident.checklist.filter((c) => c.done).length}/${incident.checklist.length}`);
        for (const c of incident.checklist) out.push(`  [${c.done ? 'x' : ' '}] ${shown(c.text)}`);
      }
      if (incident.actionItems.length) {
        out.push('', 'Action items:');
        for (const a of incident.actionItems) out.push(`  [${a.done ? 'x' : ' '}] ${shown(a.text)}${shown(ownerLabel(a.owner))}`);
      }
      print(out.join('\n'));
      return 0;
    }
    case 'declare': {
      // The title is the positional words (`declare "Checkout down" --severity SEV-1`) or --title.
      if (args.length && values.title !== undefined) throw new UsageError('Give the title once: as words after declare, or as --title, not both.');
      const title = values.title ?? args.join(' ');
      if (!title.trim()) throw new UsageError('declare needs a title: incident declare "What is broken" --severity S.');
      if (!values.severity) throw new UsageError(`declare needs --severity (one of ${policy.severities.map((s) => s.id).join(', ')}).`);
      if (!matchSeverity(policy, values.severity)) throw new UsageError(unknownSeverityMessage(policy, values.severity));
      const at = parseTime(values.at, policy, '--at');
      // The declaration is by whoever runs it (as every other entry is), as the extension writes it.
      const owner = values.owner ?? (await gitAuthor(cwd, policy));
      const severity = values.severity;
      // The next id is taken under the lock, so two declarations at once get two ids.
      let id = '';
      const { before } = await files.update(logPath, (text) => {
        const index = text === undefined ? null : indexFile(logPath, text, policy, { root: files.root });
        const declared = declareIncident(index, { title, severity, commander: values.commander ?? null, at, owner, drill: values.drill }, policy);
        id = declared.id;
        return declared.newText ?? applySplices(text as string, declared.splices);
      });
      if (before === undefined) note(`Created ${relative(cwd, logPath) || logPath}`);
      print(id);
      return 0;
    }
    case 'log': {
      if (args.length < 2) throw new UsageError('Usage: incident log ID MESSAGE [--at ISO] [--owner NAME]');
      const [id, ...words] = args;
      const message = words.join(' ');
      const at = parseTime(values.at, policy, '--at');
      const owner = values.owner ?? (await gitAuthor(cwd, policy));
      const incident = await writeIncident(ctx, id, (index, incId) => appendTimelineEntry(index, incId, { at, text: message, owner }, policy));
      note(`Logged to ${shown(incident.id)}.`);
      return 0;
    }
    case 'set': {
      if (args.length < 3) throw new UsageError('Usage: incident set ID FIELD VALUE [--at ISO] [--owner NAME]');
      const [id, fieldName, ...rest] = args;
      let value = rest.join(' ');
      const canonical = fieldFromName(policy, fieldName);
      if (canonical === 'severity') {
        const level = matchSeverity(policy, value);
        if (!level) throw new UsageError(unknownSeverityMessage(policy, value));
        value = level.id;
      } else if (canonical === 'status') {
        const status = matchStatus(policy, value);
        if (!status) throw new UsageError(unknownStatusMessage(policy, value));
        value = status;
      }
      // Status, severity and roles go through the same operations as the extension's commands,
      // so the change is logged in the timeline (`Status: A → B`, `Escalated: …`, a handoff).
      const at = parseTime(values.at, policy, '--at');
      const actor = { at, owner: values.owner ?? (await gitAuthor(cwd, policy)) };
      const incident = await writeIncident(ctx, id, (index, incId) => {
        if (canonical === 'status') return changeStatus(index, incId, value, actor, policy);
        if (canonical === 'severity') return changeSeverity(index, incId, value, actor, policy);
        if (canonical === 'commander' || canonical === 'techLead' || canonical === 'commsLead') return assignRole(index, incId, canonical, value, actor, policy);
        return setField(index, incId, fieldName, value, policy);
      });
      note(`Set ${fieldName} of ${shown(incident.id)} to ${value}.`);
      return 0;
    }
    case 'resolve': {
      expectArgs(1, 'ID [--at ISO]');
      const at = parseTime(values.at, policy, '--at');
      const owner = values.owner ?? (await gitAuthor(cwd, policy));
      const incident = await writeIncident(ctx, args[0], (index, incId) => resolveIncident(index, incId, { at, owner }, policy));
      note(`Resolved ${shown(incident.id)}.`);
      return 0;
    }
    case 'review': {
      expectArgs(1, 'ID');
      const { index } = readLog(ctx);
      const incident = requireIncident(index, args[0], ctx);
      const { planReview } = await import('../core/review/review');
      // The team's template, in the log's folder or one above it up to the repository root.
      const templatePath = findTeamFile(dirname(logPath), join('.incident', 'templates', 'pir.md'), files.root);
      // Read through the repository: a template linked to a file outside it is refused, never copied in.
      const template = templatePath ? files.read(templatePath) : undefined;
      const plan = planReview(index, incident, policy, logPath.split(/[\\/]/).pop() ?? 'INCIDENT_LOG.md', template);
      const path = resolve(dirname(logPath), 'pir', plan.fileName);
      const where = relative(cwd, path) || path;
      // The link goes in first: a log that cannot be written (conflict markers) gets no orphan
      // draft, and a draft whose link was lost gets it back.
      if (plan.writeField) await writeIncident(ctx, incident.id, (i, incId) => setField(i, incId, 'Review', plan.fieldValue, policy));
      if (!(await files.create(path, plan.draft(new Date())))) {
        note(`${where} already exists; it was left as it is.`);
        print(where);
        return 0;
      }
      note(`Drafted the post-incident review of ${shown(incident.id)}.`);
      print(where);
      return 0;
    }
    case 'check': {
      expectArgs(0, '[--json] [--now ISO]');
      const now = parseTime(values.now, policy, '--now');
      const { index } = readLog(ctx);
      const { checkLog } = await import('../core/response/check');
      const problems = checkLog(index, policy, now);
      // The log was read with the preset chosen above (the index was given it): say so, as the index would.
      if (inferred && !index.inferredPolicy) problems.unshift({ code: 'severity-preset', message: inferred.reason, line: 1, severity: 'info' });
      // Each incident's review beside the log (pir/<id>.md): its open action items past due.
      const { reviewFileName } = await import('../core/review/review');
      const { overdueActionItems } = await import('../core/review/reviewActions');
      for (const incident of index.incidents) {
        const file = `pir/${reviewFileName(incident)}`;
        let review: string | undefined;
        try {
          review = files.read(resolve(dirname(logPath), file));
        } catch {
          continue; // unreadable (binary, too big): not this check's business
        }
        if (review !== undefined) problems.push(...overdueActionItems(review, now, { zone: policy.timeZone, incidentId: incident.id, file }));
      }
      problems.push(...(await import('../core/git/attributes')).unionMergeProblems(logPath));
      // Info findings (the preset a log was read with) are printed but ask for no fix.
      const toFix = problems.filter((p) => p.severity !== 'info').length;
      if (values.json) printJson(problems, 2);
      else {
        for (const p of problems) print(`${relative(cwd, p.file ? resolve(dirname(logPath), p.file) : logPath) || logPath}:${p.line}: ${p.severity}: ${shown(p.message)} [${p.code}]`);
        if (toFix === 0) print('No problems.');
      }
      return toFix ? 1 : 0;
    }
    case 'health':
    case 'runbook': {
      const host = {
        policy,
        args,
        values,
        cwd,
        checksRoot,
        incidentToLog: (wanted: string | undefined, off: boolean | undefined) => incidentToLog(ctx, wanted, off),
        logEntries: (id: string, entries: NewTimelineEntry[]) => logEntries(ctx, id, entries),
        requireIncident: (id: string) => requireIncident(readLog(ctx).index, id, ctx),
      };
      const commands = await import('./terminalCommands');
      return command === 'health' ? commands.healthCommand(host) : commands.runbookCommand(host);
    }
    case 'oncall': {
      expectArgs(0, '[--at ISO] [--json]');
      const r = (await import('./commands/oncall')).oncallCommand(policy, values.at);
      if ('problem' in r) throw new UsageError(r.problem);
      if (values.json) printJson(r.report, 2);
      else print(r.text);
      return 0;
    }
    case 'init': {
      expectArgs(0, '[--runbooks] [--merge]');
      await (await import('./gitCommands')).initMerge(logPath, policy, values.merge, cwd);
      const { PLAYBOOK_TEMPLATE } = await import('../core/playbook/playbookTemplate');
      const root = findGitRoot(cwd) ?? cwd;
      const rootFiles = new RepositoryFiles(root);
      const path = join(root, '.incident', 'playbook.yml');
      const where = relative(cwd, path) || path;
      const exists = () => {
        note(`${where} already exists; it was left as it is.`);
        return 0;
      };
      // A log the team already keeps: the playbook lists what it writes, for the team to map.
      const logText = files.read(logPath);
      if (logText !== undefined) {
        const { proposePlaybook } = await import('../core/playbook/playbookProposal');
        const index = indexFile(logPath, logText, policy, { root: files.root });
        if (!(await rootFiles.create(path, proposePlaybook(index, policy, relative(root, logPath) || logPath)))) return exists();
        note(`Wrote ${where}: it lists the severities, statuses and field keys ${relative(cwd, logPath) || logPath} writes; map the ones marked UNKNOWN, then edit the health checks and runbooks.`);
        print(where);
        return 0;
      }
      if (!(await rootFiles.create(path, PLAYBOOK_TEMPLATE))) return exists();
      note(`Wrote ${where}: edit the health checks and runbooks to fit your services.`);
      print(where);
      return 0;
    }
    case 'update':
    case 'summary':
    case 'metrics': {
      const load = { update: () => import('./commands/update'), summary: () => import('./commands/summary'), metrics: () => import('./commands/metrics') }[command];
      return (await load()).run({ logPath, policy, cwd, files, args, values, logEntries: (id, entries) => logEntries(ctx, id, entries), gitUser: () => gitAuthor(cwd, policy) });
    }
    default: {
      const host = { command, args, values, logPath, policy, cwd, files, readLog: () => readLog(ctx), usage: (m: string) => new UsageError(m) };
      const code = await (await import('./gitCommands')).runGitCommand({ ...host, writeIncidentText: (id, next) => writeIncidentText(ctx, id, next) });
      if (code !== undefined) return code;
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const known = e instanceof UsageError || e instanceof LogFileError || e instanceof WriteRefused;
    const parseError = e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS');
    const message = e instanceof Error ? e.message : String(e);
    if (known || parseError) note(`incident: ${message}`);
    else note(`incident: unexpected error: ${message}`);
    process.exitCode = 2;
  },
);
