// What each agent tool does, over the same core functions as the CLI and the extension: the read
// tools compute their result from the log as it is; the write tools compute the splices a change
// makes (planWrite), which the host previews and applies through its own lossless writer.
import { type Incident, type LogIndex, type Splice, hasSection, writtenAs } from '../model';
import { type Policy, matchSeverity, matchStatus, unknownSeverityMessage, unknownStatusMessage } from '../playbook/policy';
import { findIncident, isActive, statusState } from '../indexer';
import { readingNotes } from '../reader/readingNotes';
import type { IncidentDetail } from '../reader/detail';
import { isDrill } from '../oncall/oncall';
import { oncallCommand } from '../oncall/oncallReport';
import { checkLog } from '../response/check';
import { type Actor, type Role, assignRole, changeSeverity, changeStatus, skipChecklistItem, tickChecklistItem } from '../response/operations';
import { incidentReviewDue, reviewFileName } from '../review/review';
import { overdueActionItems } from '../review/reviewActions';
import { unionMergeProblems } from '../git/attributes';
import { type Audience, type UpdateFormat, composeStatusUpdate, renderStatusUpdate, statusUpdateEntryText } from '../comms/statusUpdate';
import { composeExecutiveSummary, renderExecutiveSummary } from '../comms/execSummary';
import { computeMetrics } from '../metrics/metrics';
import { metricsJson, periodBoundary } from '../metrics/metricsJson';
import { type DeclareOptions, appendTimelineEntry, resolveIncident } from '../log/writer';
import { parseUserTime } from '../format/time';
import { incidentDocument, similarIncidents } from './similar';

/** A tool's input that cannot be used: said to the caller in one line, nothing written. */
export class AgentInputError extends Error {}

/** What the read tools read: the log as it is now (the host's store: files, or VS Code's documents). */
export interface AgentReader {
  policy: Policy;
  logPath: string;
  /** The log's index; undefined when there is no log yet. */
  index(): LogIndex | undefined;
  /** The incident's review beside the log (`pir/<id>.md`), when there is one. */
  reviewText(incident: Incident): string | undefined;
  now(): Date;
  /**
   * The paragraphs and links under an incident's heading, read by the markdown parser. A host
   * that leaves it out (the extension, whose bundle has no parser) answers without them.
   */
  detail?(index: LogIndex, incident: Incident): Promise<IncidentDetail>;
}

/** A tool's answer: what a program reads, and a short text for a person (or a model). */
export interface AgentResult {
  structured: Record<string, unknown>;
  text: string;
}

type Input = Record<string, unknown>;
const str = (input: Input, key: string): string | undefined => (typeof input[key] === 'string' ? (input[key] as string) : undefined);

function requireIndex(reader: AgentReader): LogIndex {
  const index = reader.index();
  if (!index) throw new AgentInputError(`No incident log at ${reader.logPath} (declare an incident to create it).`);
  return index;
}

export function requireIncidentIn(index: LogIndex, id: string | undefined, logPath: string): Incident {
  const incident = id ? findIncident(index, id) : undefined;
  if (!incident) throw new AgentInputError(`No incident "${id ?? ''}" in ${logPath}.`);
  return incident;
}

function time(value: string | undefined, policy: Policy, what: string): Date | undefined {
  if (value === undefined) return undefined;
  const at = parseUserTime(value, policy.timeZone);
  if (!at) throw new AgentInputError(`${what} "${value}" is not a date-time (use ISO 8601, e.g. 2026-11-20T14:30:00Z).`);
  return at;
}

function summaryOf(incident: Incident, policy: Policy) {
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    state: statusState(incident, policy),
    detected: incident.detected,
    resolved: incident.resolved,
    ...(isDrill(incident) ? { drill: true } : {}),
    line: incident.line,
  };
}

export function listIncidents(reader: AgentReader, input: Input): AgentResult {
  const { policy } = reader;
  const index = reader.index();
  let incidents = index?.incidents ?? [];
  const status = str(input, 'status');
  if (status) {
    if (/^(active|open)$/i.test(status.trim())) incidents = incidents.filter((i) => isActive(i, policy));
    else {
      const wanted = matchStatus(policy, status);
      if (!wanted) throw new AgentInputError(unknownStatusMessage(policy, status));
      incidents = incidents.filter((i) => i.status === wanted);
    }
  }
  const severity = str(input, 'severity');
  if (severity) {
    const level = matchSeverity(policy, severity);
    if (!level) throw new AgentInputError(unknownSeverityMessage(policy, severity));
    incidents = incidents.filter((i) => i.severity === level.id);
  }
  const since = time(str(input, 'since'), policy, 'since');
  if (since) incidents = incidents.filter((i) => i.detected !== null && Date.parse(i.detected.length === 10 ? `${i.detected}T23:59:59Z` : i.detected) >= since.getTime());
  const total = incidents.length;
  const limit = typeof input.limit === 'number' ? input.limit : 100;
  const listed = incidents.slice(0, limit).map((i) => summaryOf(i, policy));
  const lines = listed.map((i) => `${i.id}  ${i.severity ?? '-'}  ${i.status ?? i.state}  ${i.detected ?? '-'}  ${i.title}${i.drill ? ' (drill)' : ''}`);
  return {
    structured: { total, incidents: listed },
    text: total === 0 ? 'No incidents.' : `${total} incident${total === 1 ? '' : 's'}${total > listed.length ? ` (first ${listed.length})` : ''}:\n${lines.join('\n')}`,
  };
}

export async function getIncident(reader: AgentReader, input: Input): Promise<AgentResult> {
  const { policy } = reader;
  const index = requireIndex(reader);
  const incident = requireIncidentIn(index, str(input, 'id'), reader.logPath);
  const detail = incident.source === 'section' && reader.detail ? await reader.detail(index, incident) : undefined;
  const review = reader.reviewText(incident);
  const phases: Array<{ phase: string | null; items: Array<Record<string, unknown>> }> = [];
  incident.checklist.forEach((c, n) => {
    const name = c.phase ?? null;
    let phase = phases[phases.length - 1];
    if (!phase || phase.phase !== name) phases.push((phase = { phase: name, items: [] }));
    phase.items.push({ number: n + 1, done: c.done, text: c.text, ...(c.skipped ? { skipped: c.skipped.reason } : {}), line: c.line + 1 });
  });
  const structured = {
    ...summaryOf(incident, policy),
    roles: incident.roles,
    fields: incident.fields.map((f) => ({ key: f.key, value: f.value, line: f.line + 1 })),
    description: detail?.description ?? '',
    links: detail?.links ?? [],
    timeline: incident.timeline.map((e) => ({ at: e.at, text: e.text, owner: e.owner, line: e.line + 1 })),
    checklist: { done: incident.checklist.filter((c) => c.done).length, total: incident.checklist.length, phases },
    actionItems: incident.actionItems.map((a) => ({ done: a.done, text: a.text, owner: a.owner, line: a.line + 1 })),
    review: { file: `pir/${reviewFileName(incident)}`, exists: review !== undefined, due: incidentReviewDue(incident, policy) },
    readingNotes: readingNotes(incident, policy),
    source: incident.source,
    ...(incident.file ? { file: incident.file } : {}),
  };
  const out = [
    `${incident.id}: ${incident.title}`,
    `Severity ${incident.severity ?? '-'} · Status ${incident.status ?? structured.state} · Detected ${incident.detected ?? '-'}${incident.resolved ? ` · Resolved ${incident.resolved}` : ''}`,
    `Commander ${incident.roles.commander ?? '-'} · Tech lead ${incident.roles.techLead ?? '-'} · Comms ${incident.roles.commsLead ?? '-'}`,
  ];
  if (structured.description) out.push('', structured.description);
  if (incident.timeline.length) out.push('', 'Timeline:', ...incident.timeline.map((e) => `  line ${e.line + 1}: ${e.at ?? '?'} ${e.text}${e.owner ? ` (${e.owner})` : ''}`));
  if (incident.checklist.length) out.push('', `Checklist ${structured.checklist.done}/${structured.checklist.total}:`, ...incident.checklist.map((c, n) => `  ${n + 1}. [${c.done ? 'x' : ' '}] ${c.text}${c.skipped ? ` (skipped: ${c.skipped.reason})` : ''}`));
  if (incident.actionItems.length) out.push('', 'Action items:', ...incident.actionItems.map((a) => `  [${a.done ? 'x' : ' '}] ${a.text}${a.owner ? ` (${a.owner})` : ''}`));
  out.push('', `Review: ${structured.review.file}${review !== undefined ? '' : ' (not written yet)'}${structured.review.due ? `, due ${structured.review.due}` : ''}`);
  return { structured, text: out.join('\n') };
}

export function checkLogFindings(reader: AgentReader): AgentResult {
  const { policy } = reader;
  const index = requireIndex(reader);
  const now = reader.now();
  const findings = checkLog(index, policy, now);
  for (const incident of index.incidents) {
    const file = `pir/${reviewFileName(incident)}`;
    const review = reader.reviewText(incident);
    if (review !== undefined) findings.push(...overdueActionItems(review, now, { zone: policy.timeZone, incidentId: incident.id, file }));
  }
  findings.push(...unionMergeProblems(reader.logPath));
  const toFix = findings.filter((p) => p.severity !== 'info').length;
  return {
    structured: { problems: toFix, findings: findings.map((p) => ({ ...p })) },
    text: findings.length === 0 ? 'No problems.' : findings.map((p) => `${p.file ?? 'log'}:${p.line}: ${p.severity}: ${p.message} [${p.code}]`).join('\n'),
  };
}

export function metricsOf(reader: AgentReader, input: Input): AgentResult {
  const { policy } = reader;
  const zone = policy.timeZone;
  const bound = (b: ReturnType<typeof periodBoundary>) => {
    if (b && 'problem' in b) throw new AgentInputError(b.problem.replace(/^--/, ''));
    return b;
  };
  const since = bound(periodBoundary('since', str(input, 'since'), zone, false));
  const until = bound(periodBoundary('until', str(input, 'until'), zone, true));
  if (since && until && until <= since) throw new AgentInputError('until must be after since.');
  let severity: string | undefined;
  const wanted = str(input, 'severity');
  if (wanted) {
    const level = matchSeverity(policy, wanted);
    if (!level) throw new AgentInputError(unknownSeverityMessage(policy, wanted));
    severity = level.id;
  }
  const index = reader.index();
  const { metrics } = computeMetrics(index?.incidents ?? [], policy, { now: reader.now(), since, until, severity, reviewText: (i) => reader.reviewText(i) });
  const json = metricsJson(metrics, { since: str(input, 'since') ?? null, until: str(input, 'until') ?? null, severity: severity ?? null });
  const median = (s: { median: number | null }) => (s.median === null ? '-' : `${s.median} min`);
  return {
    structured: json,
    text: `${json.incidents} incidents (${json.drills} drills not counted). Median time to detect ${median(json.timeToDetectMinutes)}, to acknowledge ${median(json.timeToAcknowledgeMinutes)}, to resolve ${median(json.timeToResolveMinutes)}. Open action items: ${json.openActionItems} (${json.overdueActionItems} overdue).`,
  };
}

export function whoIsOnCall(reader: AgentReader, input: Input): AgentResult {
  const r = oncallCommand(reader.policy, str(input, 'at'));
  if ('problem' in r) throw new AgentInputError(r.problem.replace(/^--at/, 'at'));
  return { structured: { ...r.report }, text: r.text };
}

export function draftStatusUpdate(reader: AgentReader, input: Input): AgentResult {
  const incident = requireIncidentIn(requireIndex(reader), str(input, 'id'), reader.logPath);
  const audience = (str(input, 'audience') ?? 'internal') as Audience;
  const format = (str(input, 'format') ?? 'markdown') as UpdateFormat;
  const text = renderStatusUpdate(composeStatusUpdate(incident, reader.policy, reader.now(), audience), format, reader.policy.timeZone);
  return { structured: { id: incident.id, audience, format, text }, text };
}

export function draftExecutiveSummary(reader: AgentReader, input: Input): AgentResult {
  const incident = requireIncidentIn(requireIndex(reader), str(input, 'id'), reader.logPath);
  const format = (str(input, 'format') ?? 'text') as UpdateFormat;
  const text = renderExecutiveSummary(composeExecutiveSummary(incident, reader.policy, reader.reviewText(incident), reader.now()), format);
  return { structured: { id: incident.id, format, text }, text };
}

export function findSimilar(reader: AgentReader, input: Input): AgentResult {
  const index = requireIndex(reader);
  const id = str(input, 'id');
  const given = str(input, 'text');
  if (!id && !given) throw new AgentInputError('Give a text (what is happening) or an incident id.');
  let query = given ?? '';
  if (id) {
    const incident = requireIncidentIn(index, id, reader.logPath);
    query = [incidentDocument(incident), query].join('\n');
  }
  const limit = typeof input.limit === 'number' ? input.limit : 5;
  const found = similarIncidents(index.incidents, query, { exclude: id ? requireIncidentIn(index, id, reader.logPath).id : undefined, limit });
  return {
    structured: { method: 'tf-idf cosine over title, descriptive fields, timeline and action items', incidents: found },
    text: found.length === 0 ? 'No similar incidents.' : found.map((f) => `${f.id} (${f.score}): ${f.title} — shares ${f.sharedTerms.join(', ')}`).join('\n'),
  };
}

/** A commit in an incident's window, as `incident changes --json` lists it. */
export interface WindowCommit {
  hash: string;
  author: string;
  date: string;
  subject: string;
  files: string[];
}

/** recent_changes' answer: the window and its commits (each host lists them with its own git access). */
export function recentChangesResult(incident: Incident, window: { since: Date; until: Date }, commits: readonly WindowCommit[], shallow = false): AgentResult {
  const listed = commits.map((c) => ({ hash: c.hash, author: c.author, date: c.date, subject: c.subject, files: c.files }));
  const files = (f: string[]) => (f.length ? ` (${f.slice(0, 5).join(', ')}${f.length > 5 ? ', …' : ''})` : '');
  return {
    structured: { id: incident.id, since: window.since.toISOString(), until: window.until.toISOString(), shallow, commits: listed },
    text: listed.length === 0 ? `No commits from ${window.since.toISOString()} to ${window.until.toISOString()}.` : listed.map((c) => `${c.hash.slice(0, 10)} ${c.date} ${c.author}: ${c.subject}${files(c.files)}`).join('\n'),
  };
}

/** A write, planned: which incident it changes and how (the splices, from that file's index). */
export interface WritePlan {
  /** What it does, in a line (the preview's title). */
  summary: string;
  /** The incident changed; absent for a declaration. */
  incidentId?: string;
  make?: (index: LogIndex, incidentId: string) => Splice[];
  /** A new incident. */
  declare?: DeclareOptions;
}

const ROLES: Record<string, Role> = { commander: 'commander', tech_lead: 'techLead', comms_lead: 'commsLead' };

function checklistItemOf(incident: Incident, wanted: string) {
  const items = incident.checklist;
  if (/^\d+$/.test(wanted.trim())) {
    const item = items[Number(wanted.trim()) - 1];
    if (!item) throw new AgentInputError(`${incident.id} has ${items.length} checklist item${items.length === 1 ? '' : 's'}; there is no item ${wanted.trim()}.`);
    return item;
  }
  const w = wanted.trim().toLowerCase();
  const exact = items.filter((c) => c.text.trim().toLowerCase() === w);
  const matches = exact.length ? exact : items.filter((c) => c.text.trim().toLowerCase().startsWith(w));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) throw new AgentInputError(`No checklist item of ${incident.id} reads "${wanted}".`);
  throw new AgentInputError(`${matches.length} checklist items of ${incident.id} start with "${wanted}"; give its number instead.`);
}

/**
 * The change a write tool makes, checked against the log as it is (`index`); `actor` is who
 * makes it (the human's handle and the agent's name) and when.
 */
export function planWrite(tool: string, input: Input, index: LogIndex | undefined, policy: Policy, actor: Actor, logPath: string): WritePlan {
  if (tool === 'declare_incident') {
    const severity = str(input, 'severity') ?? '';
    if (!matchSeverity(policy, severity)) throw new AgentInputError(unknownSeverityMessage(policy, severity));
    const title = (str(input, 'title') ?? '').trim();
    if (!title) throw new AgentInputError('declare_incident needs a title.');
    return { summary: `Declare "${title}" (${severity})`, declare: { title, severity, commander: str(input, 'commander') ?? null, at: actor.at, owner: actor.owner, drill: input.drill === true } };
  }
  if (!index) throw new AgentInputError(`No incident log at ${logPath} (declare an incident to create it).`);
  const incident = requireIncidentIn(index, str(input, 'id'), logPath);
  const id = incident.id;
  const entryTool = (what: string) => {
    if (!hasSection(incident)) throw new AgentInputError(`${id} is ${writtenAs(incident)}: it has no timeline to ${what}.`);
  };
  switch (tool) {
    case 'add_timeline_entry': {
      entryTool('add an entry to');
      const at = time(str(input, 'at'), policy, 'at') ?? actor.at;
      const text = str(input, 'text') ?? '';
      return { summary: `Log on ${id}: ${text}`, incidentId: id, make: (ix, incId) => appendTimelineEntry(ix, incId, { at, text, owner: actor.owner }, policy) };
    }
    case 'set_status': {
      const status = matchStatus(policy, str(input, 'status') ?? '');
      if (!status) throw new AgentInputError(unknownStatusMessage(policy, str(input, 'status') ?? ''));
      return { summary: `Set the status of ${id} to ${status}`, incidentId: id, make: (ix, incId) => changeStatus(ix, incId, status, actor, policy) };
    }
    case 'set_severity': {
      const level = matchSeverity(policy, str(input, 'severity') ?? '');
      if (!level) throw new AgentInputError(unknownSeverityMessage(policy, str(input, 'severity') ?? ''));
      return { summary: `Set the severity of ${id} to ${level.id}`, incidentId: id, make: (ix, incId) => changeSeverity(ix, incId, level.id, actor, policy) };
    }
    case 'assign_role': {
      const role = ROLES[str(input, 'role') ?? ''];
      if (!role) throw new AgentInputError('role is one of commander, tech_lead, comms_lead.');
      const name = (str(input, 'name') ?? '').trim();
      if (!name) throw new AgentInputError('assign_role needs a name.');
      return { summary: `Make ${name} ${str(input, 'role')?.replace('_', ' ')} of ${id}`, incidentId: id, make: (ix, incId) => assignRole(ix, incId, role, name, actor, policy) };
    }
    case 'tick_checklist_item': {
      const item = checklistItemOf(incident, str(input, 'item') ?? '');
      const reason = str(input, 'skip_reason');
      const done = input.done !== false;
      // The item is found again in the file's own index (a linked file numbers its lines itself).
      const itemIndex = incident.checklist.indexOf(item);
      const lineIn = (ix: LogIndex, incId: string) => {
        const inner = requireIncidentIn(ix, incId, logPath).checklist[itemIndex];
        if (!inner || inner.text !== item.text) throw new AgentInputError(`The checklist of ${id} changed; read it again.`);
        return inner.line;
      };
      return {
        summary: `${reason ? 'Skip' : done ? 'Tick' : 'Untick'} "${item.text}" on ${id}`,
        incidentId: id,
        make: (ix, incId) => (reason ? skipChecklistItem(ix, incId, lineIn(ix, incId), reason, actor, policy) : tickChecklistItem(ix, incId, lineIn(ix, incId), done, actor, policy)),
      };
    }
    case 'resolve_incident':
      return { summary: `Resolve ${id}`, incidentId: id, make: (ix, incId) => resolveIncident(ix, incId, { at: actor.at, owner: actor.owner, note: str(input, 'note') }, policy) };
    case 'mark_update_sent': {
      entryTool('log the update in');
      const audience = (str(input, 'audience') ?? 'internal') as Audience;
      const text = str(input, 'text') ?? renderStatusUpdate(composeStatusUpdate(incident, policy, actor.at, audience), 'markdown', policy.timeZone);
      return {
        summary: `Record the ${audience === 'internal' ? 'internal' : 'status page'} update of ${id} as sent`,
        incidentId: id,
        make: (ix, incId) => appendTimelineEntry(ix, incId, { at: actor.at, text: statusUpdateEntryText(audience, text), owner: actor.owner }, policy),
      };
    }
    default:
      throw new AgentInputError(`Unknown tool "${tool}".`);
  }
}

/** Who a write is by, as the timeline names it: the human, and the agent that made it. */
export function agentOwner(human: string | null, client: string): string {
  const agent = client.replace(/[()\n\r\t]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 40) || 'an agent';
  return human ? `${human} via ${agent}` : `via ${agent}`;
}
