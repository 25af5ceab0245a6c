// `incident mcp`: the agent tools (core/agent) served over the Model Context Protocol on stdio.
// Read tools are always on; write tools only with --allow-write, and each is two calls: the tool
// returns the exact lines it would change and a preview_id, and apply_change writes them through
// the repository's lossless writer if the file is still as previewed. Every entry names the
// human (git user) and the client (`@dana via claude-code`).
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import type { CliContext } from '../command';
import type { Incident, LogIndex } from '../../core/model';
import { AGENT_TOOLS, type AgentTool, MAX_ARGUMENTS } from '../../core/agent/catalog';
import * as ops from '../../core/agent/operations';
import { type Hunk, hunksOf, renderHunks } from '../../core/agent/preview';
import { LogFileError, indexFile } from '../../core/log/logFile';
import { WriteRefused, appendTimelineEntries, applySplices, declareIncident } from '../../core/log/writer';
import { indexIncidentFile } from '../../core/indexer';
import { incidentDetail } from '../../core/reader/detail';
import { resolveLinkedFile } from '../../core/log/paths';
import { reviewFileName } from '../../core/review/review';
import { sanitizeForDisplay } from '../../core/format/displayText';
import { runChecks, runRunbookStep } from './runTools';

export interface McpOptions {
  allowWrite: boolean;
  allowRun: boolean;
  version: string;
}

/** A previewed write: applied only while the file holds exactly `base`. */
interface PendingChange {
  file: string;
  base: string | undefined;
  after: string;
  summary: string;
  hunks: Hunk[];
  expires: number;
  incidentId: string;
}

const PREVIEW_TTL_MS = 10 * 60_000;
/** How a write tool works here, after what it changes. */
const MCP_WRITE = 'Nothing is written yet: it returns the exact lines it would add or replace, with their line numbers, and a preview_id; call apply_change with the preview_id to write them.';
const MAX_PENDING = 50;
/** A file changed less than this before it was read may change again with the same times. */
const RACY_MS = 2000;

type ToolAnswer = { content: Array<{ type: 'text'; text: string }>; structuredContent?: Record<string, unknown>; isError?: boolean };

const answer = (r: ops.AgentResult): ToolAnswer => ({ content: [{ type: 'text', text: r.text }], structuredContent: r.structured });
const failure = (message: string): ToolAnswer => ({ content: [{ type: 'text', text: message }], isError: true });

/** The errors a tool reports as one line (bad input, an unreadable log, a refused write). */
function reported(e: unknown): string | undefined {
  if (e instanceof ops.AgentInputError || e instanceof LogFileError || e instanceof WriteRefused || e instanceof StalePreview) return e.message;
  return undefined;
}

class StalePreview extends Error {}

export function createMcpServer(ctx: CliContext, options: McpOptions): McpServer {
  const server = new McpServer({ name: 'incident-playbook', version: options.version }, { instructions: 'Incidents of this repository’s markdown incident log. Read tools are safe. A write tool returns a preview (the exact lines and a preview_id); show it to the user, then call apply_change with the preview_id to write it.' });
  const pending = new Map<string, PendingChange>();

  // Each call sees the file as it is now (a teammate's edit, a pull, a write). The text is read
  // again only when the file's identity, size or times have changed since it was read, or when it
  // had changed too recently for its times to tell (as git treats a "racily clean" file); while
  // the text is the same, the index (and what it has read of each incident) is reused, unless it
  // holds incidents read from linked files, which may have changed on their own.
  let last: { text: string; index: LogIndex; stamp: string; racy: boolean } | undefined;
  const stampOf = (): string | undefined => {
    try {
      const s = statSync(ctx.logPath, { bigint: true });
      return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch {
      return undefined;
    }
  };
  const readLogIndex = (): { text: string; index: LogIndex } | undefined => {
    const stamp = stampOf();
    if (last && stamp === last.stamp && !last.racy && !last.index.incidents.some((i) => i.source === 'linked-file')) return last;
    const text = ctx.files.read(ctx.logPath);
    if (text === undefined) return (last = undefined);
    const index = last?.text === text && !last.index.incidents.some((i) => i.source === 'linked-file') ? last.index : indexFile(ctx.logPath, text, ctx.policy, { root: ctx.files.root });
    const changedAt = Number((statSync(ctx.logPath, { bigint: true, throwIfNoEntry: false })?.mtimeNs ?? 0n) / 1_000_000n);
    last = { text, index, stamp: stamp ?? '', racy: stamp === undefined || stamp !== stampOf() || Date.now() - changedAt < RACY_MS };
    return last;
  };
  const reviewPath = (incident: Incident) => resolve(dirname(ctx.logPath), 'pir', reviewFileName(incident));
  const reviewText = (incident: Incident): string | undefined => {
    try {
      return ctx.files.read(reviewPath(incident));
    } catch {
      return undefined; // unreadable (binary, too big): read as no review
    }
  };
  const reader: ops.AgentReader = { policy: ctx.policy, logPath: ctx.logPath, index: () => readLogIndex()?.index, reviewText, now: () => new Date(), detail: incidentDetail };
  const client = () => server.server.getClientVersion()?.name ?? 'an MCP client';
  const actor = async () => ({ at: new Date(), owner: ops.agentOwner(await ctx.owner(), client()) });
  const shown = (path: string) => relative(ctx.cwd, path) || path;

  /** The file that holds the incident, its text and index, and the incident's id there. */
  const target = (incidentId: string) => {
    const read = readLogIndex();
    if (!read) throw new ops.AgentInputError(`No incident log at ${ctx.logPath}.`);
    const incident = ops.requireIncidentIn(read.index, incidentId, ctx.logPath);
    if (incident.source !== 'linked-file' || !incident.file) return { file: ctx.logPath, text: read.text, index: read.index, id: incident.id };
    const link = resolveLinkedFile(ctx.logPath, incident.file, ctx.files.root, { decoded: true });
    if ('reason' in link) throw new WriteRefused(`${incident.id} links to ${incident.file}, which ${link.reason}; nothing was written.`);
    const text = ctx.files.read(link.path);
    if (text === undefined) throw new WriteRefused(`${incident.id} links to ${incident.file}, which does not exist.`);
    const index = indexIncidentFile(text, ctx.policy);
    const inner = index.incidents[0];
    if (!inner) throw new WriteRefused(`${incident.file} holds no incident to write to.`);
    return { file: link.path, text, index, id: inner.id };
  };

  const remember = (change: Omit<PendingChange, 'expires'>) => {
    const now = Date.now();
    for (const [k, v] of pending) if (v.expires < now) pending.delete(k);
    while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value as string);
    const previewId = randomUUID();
    const expires = now + PREVIEW_TTL_MS;
    pending.set(previewId, { ...change, expires });
    const diff = renderHunks(change.hunks);
    return answer({
      structured: { preview_id: previewId, summary: change.summary, incident: change.incidentId, file: shown(change.file), hunks: change.hunks, expires_at: new Date(expires).toISOString() },
      text: `${change.summary}\nIn ${shown(change.file)}:\n${diff}\n\nNothing is written yet: call apply_change with preview_id ${previewId} to write this.`,
    });
  };

  /** A write tool: plans the change against the file as it is now and keeps it as a preview. */
  const preview = async (tool: AgentTool, input: Record<string, unknown>): Promise<ToolAnswer> => {
    const read = readLogIndex();
    const plan = ops.planWrite(tool.name, input, read?.index, ctx.policy, await actor(), ctx.logPath);
    if (plan.declare) {
      const declared = declareIncident(read?.index ?? null, plan.declare, ctx.policy);
      const after = declared.newText ?? applySplices(read!.text, declared.splices);
      const hunks = declared.newText !== undefined ? [{ line: 1, removed: [], added: after.replace(/\r?\n$/, '').split(/\r?\n/) }] : hunksOf(read!.text, declared.splices);
      return remember({ file: ctx.logPath, base: read?.text, after, summary: `${plan.summary}: ${declared.id}`, hunks, incidentId: declared.id });
    }
    const t = target(plan.incidentId!);
    const splices = plan.make!(t.index, t.id);
    if (splices.length === 0) throw new ops.AgentInputError(`${plan.summary}: nothing would change.`);
    return remember({ file: t.file, base: t.text, after: applySplices(t.text, splices), summary: plan.summary, hunks: hunksOf(t.text, splices), incidentId: plan.incidentId! });
  };

  const guard = (tool: string, handler: (input: Record<string, unknown>) => Promise<ToolAnswer> | ToolAnswer) => async (input: Record<string, unknown>) => {
    try {
      if (JSON.stringify(input ?? {}).length > MAX_ARGUMENTS) return failure(`The arguments of ${tool} are over ${MAX_ARGUMENTS} characters; refused.`);
      return await handler(input ?? {});
    } catch (e) {
      const message = reported(e);
      if (message !== undefined) return failure(sanitizeForDisplay(message, { multiline: true }));
      return failure(`${tool} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const readers: Record<string, (input: Record<string, unknown>) => Promise<ops.AgentResult> | ops.AgentResult> = {
    list_incidents: (i) => ops.listIncidents(reader, i),
    get_incident: (i) => ops.getIncident(reader, i),
    check_log: () => ops.checkLogFindings(reader),
    get_metrics: (i) => ops.metricsOf(reader, i),
    who_is_on_call: (i) => ops.whoIsOnCall(reader, i),
    draft_status_update: (i) => ops.draftStatusUpdate(reader, i),
    draft_executive_summary: (i) => ops.draftExecutiveSummary(reader, i),
    find_similar_incidents: (i) => ops.findSimilar(reader, i),
    recent_changes: (i) => recentChanges(ctx, reader, i),
  };

  for (const tool of AGENT_TOOLS) {
    if (tool.kind === 'write' && !options.allowWrite) continue;
    const annotations = { title: tool.title, readOnlyHint: tool.kind === 'read', destructiveHint: tool.kind === 'read' ? false : !!tool.destructive, idempotentHint: tool.kind === 'read', openWorldHint: false };
    const run = tool.kind === 'read' ? async (i: Record<string, unknown>) => answer(await readers[tool.name](i)) : (i: Record<string, unknown>) => preview(tool, i);
    server.registerTool(tool.name, { title: tool.title, description: tool.kind === 'write' ? `${tool.description} ${MCP_WRITE}` : tool.description, inputSchema: tool.input, outputSchema: OUTPUTS[tool.kind === 'write' ? 'preview' : tool.name], annotations }, guard(tool.name, run));
  }

  if (options.allowWrite) {
    server.registerTool(
      'apply_change',
      {
        title: 'Apply a previewed change',
        description: 'Writes a change a write tool previewed (by its preview_id), exactly as previewed, if the file has not changed since; else asks for a new preview. Show the user the preview before applying it.',
        inputSchema: { preview_id: z.string().min(1).max(100).describe('The preview_id a write tool returned.') },
        outputSchema: OUTPUTS.apply,
        annotations: { title: 'Apply a previewed change', readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
      },
      guard('apply_change', async (input) => {
        const id = String(input.preview_id ?? '');
        const change = pending.get(id);
        if (!change || change.expires < Date.now()) {
          pending.delete(id);
          throw new ops.AgentInputError(`No preview "${id}" (it was applied, or it expired after ${PREVIEW_TTL_MS / 60_000} min): call the write tool again for a new preview.`);
        }
        await ctx.files.update(change.file, (current) => {
          if (current !== change.base) throw new StalePreview(`${shown(change.file)} changed since the preview; nothing was written. Call the write tool again for a new preview.`);
          return change.after;
        });
        pending.delete(id);
        return answer({ structured: { applied: true, summary: change.summary, incident: change.incidentId, file: shown(change.file), hunks: change.hunks }, text: `Written to ${shown(change.file)}: ${change.summary}.` });
      }),
    );
  }

  if (options.allowRun) {
    /** A run's result, and when an incident is named, the entries that log it as a preview. */
    const runAnswer = async (result: Awaited<ReturnType<typeof runChecks>>, id: string | undefined): Promise<ToolAnswer> => {
      if (!id) return answer(result.answer);
      if (!options.allowWrite) return answer({ ...result.answer, text: `${result.answer.text}\n(Not logged: writing needs incident mcp --allow-write.)` });
      const t = target(id);
      const who = await actor();
      const reindex = (text: string) => (t.file === ctx.logPath ? indexFile(ctx.logPath, text, ctx.policy, { root: ctx.files.root }) : indexIncidentFile(text, ctx.policy));
      const text = appendTimelineEntries(t.text, t.index, t.id, result.entries(who.owner), ctx.policy, reindex);
      const count = (result.answer.structured.results as unknown[]).length;
      const logged = remember({ file: t.file, base: t.text, after: text, summary: `Log ${count === 1 ? 'the result' : `${count} results`} on ${t.id}`, hunks: hunksOfTexts(t.text, text), incidentId: t.id });
      return { ...logged, content: [{ type: 'text', text: `${result.answer.text}\n\n${logged.content[0].text}` }], structuredContent: { ...result.answer.structured, logPreview: logged.structuredContent } };
    };
    const incidentArg = z.string().min(1).max(200).optional().describe('An incident to log the result on (returned as a preview for apply_change; needs --allow-write).');
    server.registerTool(
      'run_health_check',
      {
        title: 'Run health checks',
        description: 'Runs the playbook’s health checks (all, or those named) in the repository; their output comes back redacted of secrets. With an incident id, also previews the timeline entries that log the results.',
        inputSchema: { names: z.array(z.string().min(1).max(200)).max(20).optional().describe('The checks to run (default: all).'), id: incidentArg },
        outputSchema: OUTPUTS.run,
        annotations: { title: 'Run health checks', readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
      },
      guard('run_health_check', async (input) => runAnswer(await runChecks(ctx, Array.isArray(input.names) ? (input.names as string[]) : []), typeof input.id === 'string' ? input.id : undefined)),
    );
    server.registerTool(
      'run_runbook_step',
      {
        title: 'Run a runbook step',
        description: 'Runs step N of one of the playbook’s runbooks, as `incident runbook TYPE --run N` does; output redacted. A step marked dangerous is refused unless confirm_dangerous is true: ask the user first, showing the command. With an incident id, also previews the timeline entry that logs the result.',
        inputSchema: {
          runbook: z.string().min(1).max(200).describe('The runbook’s id (its type).'),
          step: z.number().int().min(1).max(1000).describe('The step’s number, from 1.'),
          params: z.record(z.string().max(1000)).optional().describe('The runbook’s parameters, NAME → value (checked against their patterns).'),
          confirm_dangerous: z.boolean().optional().describe('The user confirmed running this dangerous step.'),
          id: incidentArg,
        },
        outputSchema: OUTPUTS.run,
        annotations: { title: 'Run a runbook step', readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
      },
      guard('run_runbook_step', async (input) =>
        runAnswer(
          await runRunbookStep(ctx, { runbook: String(input.runbook), step: Number(input.step), params: input.params as Record<string, string> | undefined, confirmDangerous: input.confirm_dangerous === true }),
          typeof input.id === 'string' ? input.id : undefined,
        ),
      ),
    );
  }

  registerResources(server, ctx, readLogIndex, reviewPath, reviewText);
  registerPrompts(server, ctx, reader);
  return server;
}

/** The hunks between two texts that differ in one run of lines (entries appended in one place). */
function hunksOfTexts(before: string, after: string): Hunk[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  start = before.lastIndexOf('\n', start - 1) + 1;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  // Whole lines at the end too: the common tail starts at a line's start.
  while (tail > 0 && before[before.length - tail - 1] !== '\n') tail--;
  return hunksOf(before, [{ start, end: before.length - tail, text: after.slice(start, after.length - tail) }]);
}

async function recentChanges(ctx: CliContext, reader: ops.AgentReader, input: Record<string, unknown>): Promise<ops.AgentResult> {
  const { changeWindow } = await import('../../core/git/changeWindow');
  const { listChanges } = await import('../../core/git/repo');
  const { isRecordFile } = await import('../../core/git/record');
  const { gitRepo, linkedFilePaths } = await import('../gitRecord');
  const index = reader.index();
  if (!index) throw new ops.AgentInputError(`No incident log at ${ctx.logPath}.`);
  const incident = ops.requireIncidentIn(index, typeof input.id === 'string' ? input.id : undefined, ctx.logPath);
  const hours = typeof input.hours === 'number' ? input.hours : 24;
  const window = changeWindow(incident, hours, new Date());
  if ('problem' in window) throw new ops.AgentInputError(window.problem);
  const repo = await gitRepo(dirname(ctx.logPath));
  const changes = await listChanges(repo, window.since, window.until, isRecordFile(repo.root, ctx.logPath, linkedFilePaths(ctx.logPath, index, repo.root)));
  return ops.recentChangesResult(incident, window, changes, repo.shallow);
}

function registerResources(server: McpServer, ctx: CliContext, readLogIndex: () => { text: string; index: LogIndex } | undefined, reviewPath: (i: Incident) => string, reviewText: (i: Incident) => string | undefined) {
  const logUri = 'incident-log://log';
  server.registerResource('incident-log', logUri, { title: 'The incident log', description: `${relative(ctx.cwd, ctx.logPath) || ctx.logPath}, as written`, mimeType: 'text/markdown' }, async () => {
    const read = readLogIndex();
    if (!read) throw new ops.AgentInputError(`No incident log at ${ctx.logPath}.`);
    return { contents: [{ uri: logUri, mimeType: 'text/markdown', text: read.text }] };
  });
  const incidentOf = (id: unknown) => {
    const read = readLogIndex();
    if (!read) throw new ops.AgentInputError(`No incident log at ${ctx.logPath}.`);
    const wanted = typeof id === 'string' ? decodeURIComponent(id) : '';
    if (wanted.length > 200) throw new ops.AgentInputError('No such incident.');
    return { read, incident: ops.requireIncidentIn(read.index, wanted, ctx.logPath) };
  };
  server.registerResource(
    'incident',
    new ResourceTemplate('incident://{id}', { list: async () => ({ resources: (readLogIndex()?.index.incidents ?? []).map((i) => ({ uri: `incident://${encodeURIComponent(i.id)}`, name: i.id, title: i.title, mimeType: 'text/markdown' })) }) }),
    { title: 'An incident', description: 'One incident’s section of the log, as written.', mimeType: 'text/markdown' },
    async (uri, { id }) => {
      const { read, incident } = incidentOf(id);
      const text = incident.source === 'section' ? read.text.slice(incident.start, incident.end) : read.text.slice(incident.start, incident.end) || `${incident.id}: ${incident.title}`;
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    },
  );
  server.registerResource(
    'review',
    new ResourceTemplate('incident-review://{id}', { list: async () => ({ resources: (readLogIndex()?.index.incidents ?? []).filter((i) => reviewText(i) !== undefined).map((i) => ({ uri: `incident-review://${encodeURIComponent(i.id)}`, name: `${i.id} review`, mimeType: 'text/markdown' })) }) }),
    { title: 'A post-incident review', description: 'An incident’s review file (pir/<id>.md), as written.', mimeType: 'text/markdown' },
    async (uri, { id }) => {
      const { incident } = incidentOf(id);
      const text = reviewText(incident);
      if (text === undefined) throw new ops.AgentInputError(`${incident.id} has no review yet (${relative(ctx.cwd, reviewPath(incident))}).`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    },
  );
}

function registerPrompts(server: McpServer, ctx: CliContext, reader: ops.AgentReader) {
  const id = z.string().min(1).max(200).describe('The incident id.');
  const incidentText = async (wanted: string) => (await ops.getIncident(reader, { id: wanted })).text;
  server.registerPrompt('catch_me_up', { title: 'Catch me up on an incident', description: 'A summary of where an incident stands, citing the timeline lines it uses.', argsSchema: { id } }, async ({ id: wanted }) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `Catch me up on ${wanted}: what happened, what was done, where it stands now, who holds which role, and what is still open. Cite the timeline lines you use as (line N). Use only the incident below.\n\n${await incidentText(wanted)}` } }],
  }));
  server.registerPrompt('draft_review', { title: 'Draft the post-incident review', description: 'A draft of the incident’s post-incident review from its log.', argsSchema: { id } }, async ({ id: wanted }) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `Draft the post-incident review of ${wanted}: summary, impact, timeline, root cause and contributing factors, what went well, what did not, and action items with owners. Keep it blameless. Mark anything the log does not say as "to confirm".\n\n${await incidentText(wanted)}` } }],
  }));
  server.registerPrompt('draft_next_update', { title: 'Draft the next status update', description: 'The next status update of an incident, from the composed draft and its timeline.', argsSchema: { id } }, async ({ id: wanted }) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `Improve this draft of the next status update of ${wanted}, keeping every fact and time as it is and adding nothing the incident does not say. Then record it with mark_update_sent once posted.\n\nDraft:\n${ops.draftStatusUpdate(reader, { id: wanted }).text}\n\n${await incidentText(wanted)}` } }],
  }));
  void ctx;
}

/** The structured results' shapes (their main keys; the tools may add detail). */
const loose = (shape: z.ZodRawShape) => z.object(shape).passthrough();
const OUTPUTS: Record<string, z.ZodTypeAny> = {
  list_incidents: loose({ total: z.number(), incidents: z.array(loose({ id: z.string(), title: z.string() })) }),
  get_incident: loose({ id: z.string(), title: z.string(), timeline: z.array(z.unknown()), checklist: z.unknown(), actionItems: z.array(z.unknown()) }),
  check_log: loose({ problems: z.number(), findings: z.array(z.unknown()) }),
  get_metrics: loose({ incidents: z.number(), drills: z.number() }),
  who_is_on_call: loose({ primary: z.string().nullable(), backup: z.string().nullable(), escalation: z.array(z.unknown()) }),
  recent_changes: loose({ id: z.string(), commits: z.array(z.unknown()) }),
  draft_status_update: loose({ id: z.string(), text: z.string() }),
  draft_executive_summary: loose({ id: z.string(), text: z.string() }),
  find_similar_incidents: loose({ incidents: z.array(z.unknown()) }),
  preview: loose({ preview_id: z.string(), summary: z.string(), file: z.string(), hunks: z.array(z.unknown()) }),
  apply: loose({ applied: z.boolean(), file: z.string() }),
  run: loose({ results: z.array(z.unknown()) }),
};

/** Serves until the client closes stdin. */
export async function serveMcp(ctx: CliContext, options: McpOptions): Promise<void> {
  const server = createMcpServer(ctx, options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((done) => {
    transport.onclose = () => done();
    process.stdin.once('end', () => done());
  });
  await server.connect(transport);
  await closed;
}
