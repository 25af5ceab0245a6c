// The extension's language model tools (contributes.languageModelTools in package.json) from the
// agent tools' catalogue (src/core/agent/catalog.ts): one tool per catalogue entry, named
// `incident_<name>`, its model description and input schema the catalogue's (the description as
// VS Code runs the tool: see modelDescriptionOf). Run by hand after a
// change to the catalogue: `node --import tsx scripts/lm-tools.ts` rewrites the manifest's tools
// and their package.nls.json texts (test/unit/languageModelTools.test.ts fails until it is run).
//
// What people read (a tool's display name and description) is a %key% of package.nls.json, as
// every title of the manifest; what the model reads (the description, the input schema) stays
// the catalogue's English, as the MCP server serves it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { AGENT_TOOLS, type AgentTool } from '../src/core/agent/catalog';
import { LM_TOOL_PREFIX } from '../src/extension/agents/toolNames';

const ROOT = resolve(__dirname, '..');

/** How a catalogue shape becomes JSON Schema: inline (no $ref between properties), draft 7. */
export const SCHEMA_OPTIONS = { $refStrategy: 'none', target: 'jsonSchema7' } as const;

/** The JSON Schema of a catalogue tool's input, without the `$schema` line. */
export function inputSchemaOf(shape: z.ZodRawShape): Record<string, unknown> {
  const { $schema: _, ...schema } = zodToJsonSchema(z.object(shape), SCHEMA_OPTIONS) as Record<string, unknown>;
  return schema;
}

/** How a prompt names each tool (#incidentGet). */
export const TOOL_REFERENCES: Record<string, string> = {
  list_incidents: 'incidentList',
  get_incident: 'incidentGet',
  check_log: 'incidentCheck',
  get_metrics: 'incidentMetrics',
  who_is_on_call: 'incidentOnCall',
  recent_changes: 'incidentRecentChanges',
  draft_status_update: 'incidentDraftUpdate',
  draft_executive_summary: 'incidentDraftSummary',
  find_similar_incidents: 'incidentSimilar',
  add_timeline_entry: 'incidentAddEntry',
  set_status: 'incidentSetStatus',
  set_severity: 'incidentSetSeverity',
  assign_role: 'incidentAssignRole',
  tick_checklist_item: 'incidentTickItem',
  declare_incident: 'incidentDeclare',
  resolve_incident: 'incidentResolve',
  mark_update_sent: 'incidentUpdateSent',
};

/** What the tool does, for the people who pick tools (the model reads the catalogue's description). */
export const USER_DESCRIPTIONS: Record<string, string> = {
  list_incidents: 'Lists the incidents of the incident log with their severity and status; filters by status, severity and date.',
  get_incident: 'Reads one incident in full: fields, roles, timeline, checklist, action items and its review.',
  check_log: 'Checks the incident log as `incident check` does: missing severities or commanders, breached response times, overdue updates.',
  get_metrics: 'Response metrics of the incident log: counts, time to detect, acknowledge and resolve, compliance.',
  who_is_on_call: 'Who is on call now (or at a given time), who takes over next, and the escalation contacts.',
  recent_changes: 'The git commits that landed before and during an incident.',
  draft_status_update: 'Drafts the next status update of an incident. Nothing is written.',
  draft_executive_summary: 'Drafts the executive summary of an incident. Nothing is written.',
  find_similar_incidents: 'Finds past incidents like a description or like another incident.',
  add_timeline_entry: 'Adds an entry to an incident’s timeline, after showing you the exact line.',
  set_status: 'Changes an incident’s status (logged on its timeline), after showing you the exact lines.',
  set_severity: 'Changes an incident’s severity (logged on its timeline), after showing you the exact lines.',
  assign_role: 'Assigns the incident commander, technical lead or communications lead, after showing you the exact lines.',
  tick_checklist_item: 'Ticks, unticks or skips an item of an incident’s checklist, after showing you the exact line.',
  declare_incident: 'Declares a new incident in the log, after showing you the exact lines.',
  resolve_incident: 'Resolves an incident (status, resolved time, timeline entry), after showing you the exact lines.',
  mark_update_sent: 'Records a posted status update on an incident’s timeline, after showing you the exact line.',
};

/** How a write runs in VS Code: it asks, then writes (the MCP server says how its previews work instead). */
export const VSCODE_WRITE = 'The tool writes it once the user confirms: VS Code first shows them the exact lines it adds or replaces.';

/**
 * What the model reads: the catalogue's description, with the other tools named as VS Code names
 * them (`incident_get_incident`) and, for a write tool, how VS Code runs it.
 */
export function modelDescriptionOf(tool: AgentTool): string {
  const names = new RegExp(`\\b(${AGENT_TOOLS.map((t) => t.name).join('|')})\\b`, 'g');
  const text = tool.kind === 'write' ? `${tool.description} ${VSCODE_WRITE}` : tool.description;
  return text.replace(names, `${LM_TOOL_PREFIX}$1`);
}

const nlsKey = (tool: AgentTool, what: string) => `languageModelTools.${tool.name}.${what}`;

/** The manifest's tools, and the package.nls.json texts they name. */
export function languageModelTools(): { tools: Array<Record<string, unknown>>; nls: Record<string, string> } {
  const nls: Record<string, string> = {};
  const tools = AGENT_TOOLS.map((tool) => {
    const reference = TOOL_REFERENCES[tool.name];
    const described = USER_DESCRIPTIONS[tool.name];
    if (!reference || !described) throw new Error(`${tool.name}: add its reference name and user description to scripts/lm-tools.ts.`);
    nls[nlsKey(tool, 'displayName')] = tool.title;
    nls[nlsKey(tool, 'userDescription')] = described;
    return {
      name: `${LM_TOOL_PREFIX}${tool.name}`,
      displayName: `%${nlsKey(tool, 'displayName')}%`,
      userDescription: `%${nlsKey(tool, 'userDescription')}%`,
      modelDescription: modelDescriptionOf(tool),
      toolReferenceName: reference,
      canBeReferencedInPrompt: true,
      tags: ['incident'],
      inputSchema: inputSchemaOf(tool.input),
    };
  });
  return { tools, nls };
}

/** Writes the tools into package.json and their texts into package.nls.json (others' keys kept, in order). */
function write(): void {
  const { tools, nls } = languageModelTools();
  const pkgPath = join(ROOT, 'package.json');
  const nlsPath = join(ROOT, 'package.nls.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.contributes.languageModelTools = tools;
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  const texts = JSON.parse(readFileSync(nlsPath, 'utf8')) as Record<string, string>;
  const kept = Object.fromEntries(Object.entries(texts).filter(([k]) => !k.startsWith('languageModelTools.')));
  writeFileSync(nlsPath, `${JSON.stringify({ ...kept, ...nls }, null, 2)}\n`);
  console.log(`lm-tools: ${tools.length} tools written to package.json, ${Object.keys(nls).length} texts to package.nls.json`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) write();
