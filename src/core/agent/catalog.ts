// The agent tools: one catalogue for the MCP server (`incident mcp`) and VS Code's language model
// tools. Each tool has a name, what a model reads to decide when to use it, its input schema and
// its kind: `read` tools never write; `write` tools change the log once the human has seen the
// exact lines (each host says how: MCP's preview and apply_change, VS Code's confirmation), so
// their descriptions say what they change, not how it is confirmed.
import { z } from 'zod';

export type AgentToolKind = 'read' | 'write' | 'run';

export interface AgentTool {
  name: string;
  title: string;
  /** What a model reads to decide when to use the tool (also the MCP description). */
  description: string;
  kind: AgentToolKind;
  /** It changes or closes something already written (status, severity, a role, resolution). */
  destructive?: boolean;
  input: z.ZodRawShape;
}

/** The longest text a tool takes in one argument: an entry, a title, a note. */
export const MAX_TEXT = 4000;
/** The most characters of a whole call's arguments, as JSON. */
export const MAX_ARGUMENTS = 20_000;

const id = z.string().min(1).max(200).describe('The incident id as the log writes it, e.g. INC-2026-1120-001.');
const text = (what: string) => z.string().min(1).max(MAX_TEXT).describe(what);
const isoTime = z.string().max(64).describe('An ISO 8601 date or date-time, e.g. 2026-11-20 or 2026-11-20T14:30:00Z.');

export const AGENT_TOOLS: readonly AgentTool[] = [
  {
    name: 'list_incidents',
    title: 'List incidents',
    description: 'Lists the incidents of the repository’s incident log, newest first: id, title, severity, status, detection and resolution times, drills marked. Use it to find an incident’s id or to see what is active. Filters: status ("active" for every unresolved one), severity, since (a date).',
    kind: 'read',
    input: {
      status: z.string().max(100).optional().describe('A status of the playbook (e.g. Investigating, Resolved), or "active" for every incident not resolved.'),
      severity: z.string().max(100).optional().describe('A severity of the playbook, e.g. SEV-1 or P2.'),
      since: isoTime.optional().describe('Only incidents detected on or after this date.'),
      limit: z.number().int().min(1).max(500).optional().describe('At most this many (default 100).'),
    },
  },
  {
    name: 'get_incident',
    title: 'Get an incident',
    description: 'Returns one incident in full: fields, roles, description, timeline (with line numbers), checklist by phase, action items, its review file and due date, and notes on how the log was read. Use it before writing anything about an incident.',
    kind: 'read',
    input: { id },
  },
  {
    name: 'check_log',
    title: 'Check the incident log',
    description: 'Checks the incident log as `incident check` does: missing severities or commanders, response times breached, status updates overdue, unreadable dates, merge leftovers, overdue action items. Returns each finding with its line.',
    kind: 'read',
    input: {},
  },
  {
    name: 'get_metrics',
    title: 'Incident metrics',
    description: 'Response metrics over a period, the same JSON as `incident metrics --json`: counts by severity and month, time to detect / acknowledge / mitigate / resolve (mean, median, p90), response-time, update-cadence and review compliance, action items.',
    kind: 'read',
    input: {
      since: isoTime.optional().describe('From this date (YYYY-MM-DD, midnight in the playbook’s zone) or instant.'),
      until: isoTime.optional().describe('To this date (included whole) or instant.'),
      severity: z.string().max(100).optional().describe('Only this severity.'),
    },
  },
  {
    name: 'who_is_on_call',
    title: 'Who is on call',
    description: 'Who is on call (primary, backup, since, until) from the playbook’s rotation, who takes over next, and the escalation contacts. Optionally at another time.',
    kind: 'read',
    input: { at: isoTime.optional().describe('At this time instead of now.') },
  },
  {
    name: 'recent_changes',
    title: 'Recent changes before an incident',
    description: 'The git commits in the window before and during an incident (by default from 24 hours before detection to resolution or now), with authors and files: what changed that could have caused it.',
    kind: 'read',
    input: { id, hours: z.number().min(1).max(720).optional().describe('Start this many hours before detection (default 24).') },
  },
  {
    name: 'draft_status_update',
    title: 'Draft a status update',
    description: 'Composes the next status update of an incident from its log (status, impact, what was done, next steps, next update time), for the team or the public status page. Nothing is written: post it, then record it with mark_update_sent.',
    kind: 'read',
    input: {
      id,
      audience: z.enum(['internal', 'statuspage']).optional().describe('internal (default) or statuspage.'),
      format: z.enum(['markdown', 'slack', 'text']).optional().describe('markdown (default), slack or text.'),
    },
  },
  {
    name: 'draft_executive_summary',
    title: 'Draft an executive summary',
    description: 'Composes the executive summary of an incident (impact, duration, cause, resolution, follow-ups) from the log and its review. Nothing is written.',
    kind: 'read',
    input: { id, format: z.enum(['markdown', 'slack', 'text']).optional().describe('text (default), markdown or slack.') },
  },
  {
    name: 'find_similar_incidents',
    title: 'Find similar incidents',
    description: 'Past incidents ranked by how close their titles, descriptions, timelines and action items are to a text (symptoms, an error message) or to another incident, with the words they share. Use it to find how a similar incident was resolved.',
    kind: 'read',
    input: {
      text: z.string().min(1).max(MAX_TEXT).optional().describe('What is happening, in words (symptoms, error messages, services).'),
      id: id.optional().describe('Or an incident: incidents like this one.'),
      limit: z.number().int().min(1).max(20).optional().describe('At most this many (default 5).'),
    },
  },
  {
    name: 'add_timeline_entry',
    title: 'Add a timeline entry',
    description: 'Adds one timeline entry to an incident: what was seen or done, with the time.',
    kind: 'write',
    input: { id, text: text('The entry, one line: what was seen or done.'), at: isoTime.optional().describe('When (default: now).') },
  },
  {
    name: 'set_status',
    title: 'Set the status',
    description: 'Changes an incident’s status (e.g. Investigating → Mitigating), logged on its timeline.',
    kind: 'write',
    destructive: true,
    input: { id, status: z.string().min(1).max(100).describe('A status of the playbook.') },
  },
  {
    name: 'set_severity',
    title: 'Set the severity',
    description: 'Changes an incident’s severity (an escalation or a downgrade), logged on its timeline.',
    kind: 'write',
    destructive: true,
    input: { id, severity: z.string().min(1).max(100).describe('A severity of the playbook, e.g. SEV-1 or P2.') },
  },
  {
    name: 'assign_role',
    title: 'Assign a role',
    description: 'Assigns the incident commander, technical lead or communications lead (a handoff is logged).',
    kind: 'write',
    destructive: true,
    input: {
      id,
      role: z.enum(['commander', 'tech_lead', 'comms_lead']).describe('commander, tech_lead or comms_lead.'),
      name: z.string().min(1).max(200).describe('Who takes the role.'),
    },
  },
  {
    name: 'tick_checklist_item',
    title: 'Tick a checklist item',
    description: 'Ticks (or unticks, or skips with a reason) one item of an incident’s checklist, named by its text or its number in get_incident’s checklist.',
    kind: 'write',
    input: {
      id,
      item: z.string().min(1).max(MAX_TEXT).describe('The item’s text (or the start of it), or its number (1 = the first item).'),
      done: z.boolean().optional().describe('true (default) ticks it, false unticks it.'),
      skip_reason: z.string().min(1).max(MAX_TEXT).optional().describe('Skip it instead, with this reason.'),
    },
  },
  {
    name: 'declare_incident',
    title: 'Declare an incident',
    description: 'Declares a new incident in the log: its id, severity, commander and first timeline entry.',
    kind: 'write',
    input: {
      title: z.string().min(1).max(300).describe('What is broken, as a short title.'),
      severity: z.string().min(1).max(100).describe('A severity of the playbook, e.g. SEV-1 or P2.'),
      commander: z.string().min(1).max(200).optional().describe('The incident commander.'),
      drill: z.boolean().optional().describe('An exercise, not a real incident.'),
    },
  },
  {
    name: 'resolve_incident',
    title: 'Resolve an incident',
    description: 'Resolves an incident: its status, its resolved time and a timeline entry.',
    kind: 'write',
    destructive: true,
    input: { id, note: z.string().min(1).max(MAX_TEXT).optional().describe('The timeline entry (default: "Incident resolved").') },
  },
  {
    name: 'mark_update_sent',
    title: 'Record a status update as sent',
    description: 'Records that a status update was posted (it restarts that audience’s update countdown). Give the text that was posted, or the draft is used.',
    kind: 'write',
    input: {
      id,
      audience: z.enum(['internal', 'statuspage']).optional().describe('internal (default) or statuspage.'),
      text: z.string().min(1).max(MAX_TEXT).optional().describe('The update as posted (default: the draft of draft_status_update).'),
    },
  },
];

export function agentTool(name: string): AgentTool | undefined {
  return AGENT_TOOLS.find((t) => t.name === name);
}
