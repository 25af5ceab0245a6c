// The incident tools of VS Code's chat (Copilot's agent mode, or any chat participant that uses
// tools): the core's agent tools (src/core/agent) registered as language model tools, named and
// described by the manifest (scripts/lm-tools.ts writes it from the catalogue). A thin adapter:
// every tool is the core's operation over the log as VS Code has it, unsaved edits included.
// Read tools run without asking. A write tool is planned against the log when VS Code prepares
// the call, and VS Code asks before running it, showing the exact lines it adds or replaces;
// running it writes exactly those lines through the log's editor (logEdit.ts: one WorkspaceEdit,
// one Undo), or nothing if the log changed meanwhile. Entries are by the git user, "via Copilot".
// The catalogue and the operations load on the first call, not at activation.
import * as vscode from 'vscode';
import { findIncident } from '../../core/indexer';
import type { Incident, Splice } from '../../core/model';
import { WriteRefused, declareIncident } from '../../core/log/writer';
import { reviewFileName } from '../../core/review/review';
import { defaultPolicy } from '../../core/playbook/policy';
import { changeWindow, parseHours } from '../../core/git/changeWindow';
import type { Change } from '../../core/git/repo';
import type { AgentTool } from '../../core/agent/catalog';
import type { AgentReader, AgentResult } from '../../core/agent/operations';
import { applyIncidentEdit, applyLogEdit } from '../logEdit';
import { writerOf } from '../logContext';
import { gitUser } from '../gitUser';
import { type LogStore, readText } from '../logStore';
import { Settings, readSetting } from '../settings';
import { showRecentChanges } from '../git/recentChanges';
import { LM_CLIENT, LM_TOOL_PREFIX } from './toolNames';

type Input = Record<string, unknown>;

interface Agent {
  z: typeof import('zod')['z'];
  catalog: typeof import('../../core/agent/catalog');
  ops: typeof import('../../core/agent/operations');
  preview: typeof import('../../core/agent/preview');
}

let loading: Promise<Agent> | undefined;
function agent(): Promise<Agent> {
  loading ??= Promise.all([import('zod'), import('../../core/agent/catalog'), import('../../core/agent/operations'), import('../../core/agent/preview')]).then(([{ z }, catalog, ops, preview]) => ({ z, catalog, ops, preview }));
  return loading;
}

/** The manifest's part that names the tools (`contributes.languageModelTools`). */
export interface ToolManifest {
  contributes?: { languageModelTools?: Array<{ name: string }> };
}

/** Registers every `incident_…` tool of the manifest. */
export function registerLanguageModelTools(store: LogStore, output: vscode.OutputChannel, manifest: ToolManifest): vscode.Disposable[] {
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  const tools = new IncidentTools(store, output);
  return (manifest.contributes?.languageModelTools ?? []).filter((t) => t.name.startsWith(LM_TOOL_PREFIX)).map((t) => vscode.lm.registerTool<Input>(t.name, tools.tool(t.name.slice(LM_TOOL_PREFIX.length))));
}

/** A write as planned (and then made): what it does, where, and its lines as a diff's body. */
export interface Write {
  summary: string;
  file: vscode.Uri;
  diff: string;
  /** Written, but left unsaved (the document had unsaved edits of the user's). */
  unsaved?: boolean;
}

/** The plan of a write, computed by the path that writes it and stopped before the edit. */
class Planned extends Error {
  constructor(readonly diff: string) {
    super('planned');
  }
}

/** A previewed write, kept until the call runs: the time its lines carry, and the lines. */
interface Preview {
  at: Date;
  diff: string;
}

/** Previews kept at once (a prepared call is not always run). */
const MAX_PREVIEWS = 20;

/** Read tools whose text is a summary of a larger result: the JSON follows as a second part. */
const WITH_JSON = new Set(['get_metrics', 'recent_changes']);

const str = (input: Input, key: string): string | undefined => (typeof input[key] === 'string' ? (input[key] as string) : undefined);

class IncidentTools {
  private readonly previews = new Map<string, Preview>();

  constructor(
    private readonly store: LogStore,
    private readonly output: vscode.OutputChannel,
  ) {}

  tool(name: string): vscode.LanguageModelTool<Input> {
    return {
      prepareInvocation: (options) => this.prepare(name, inputOf(options.input)),
      invoke: (options) => this.invoke(name, inputOf(options.input)),
    };
  }

  /**
   * The tool and its input as the catalogue's schema reads it (as the MCP server's SDK checks it):
   * a bad input is said in one line, unknown properties are left out.
   */
  private async checked(name: string, raw: Input): Promise<{ tool: AgentTool; input: Input }> {
    const { z, catalog, ops } = await agent();
    const tool = catalog.agentTool(name);
    if (!tool) throw new WriteRefused(vscode.l10n.t('Unknown tool "{0}".', name));
    if (JSON.stringify(raw).length > catalog.MAX_ARGUMENTS) throw new WriteRefused(vscode.l10n.t('The arguments of {0} are over {1} characters; refused.', name, catalog.MAX_ARGUMENTS));
    const parsed = z.object(tool.input).safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ops.AgentInputError(`${name}: ${issue.path.join('.') || 'input'}: ${issue.message}`);
    }
    return { tool, input: parsed.data };
  }

  private async prepare(name: string, raw: Input): Promise<vscode.PreparedToolInvocation> {
    const { catalog } = await agent();
    const title = catalog.agentTool(name)?.title ?? name;
    const id = str(raw, 'id');
    const invocationMessage = id ? vscode.l10n.t('{0}: {1}', title, id) : title;
    try {
      const { tool, input } = await this.checked(name, raw);
      if (tool.kind !== 'write') return { invocationMessage };
      const at = new Date();
      const planned = await this.write(name, input, at);
      this.remember(keyOf(name, input), { at, diff: planned.diff });
      return { invocationMessage: planned.summary, confirmationMessages: { title: planned.summary, message: confirmation(planned) } };
    } catch (e) {
      // Nothing would be written: no question; the call then says why.
      if ((await oneLine(e)) !== undefined) return { invocationMessage };
      throw e;
    }
  }

  private async invoke(name: string, raw: Input): Promise<vscode.LanguageModelToolResult> {
    try {
      const { tool, input } = await this.checked(name, raw);
      if (tool.kind === 'write') return await this.invokeWrite(name, input);
      const result = await this.read(name, input);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(result.text), ...(WITH_JSON.has(name) ? [new vscode.LanguageModelTextPart(JSON.stringify(result.structured))] : [])]);
    } catch (e) {
      const message = await oneLine(e);
      if (message !== undefined) return textResult(message);
      // Not an answer for the model: the details go to the output channel, one line to the chat.
      this.output.appendLine(`${name} failed: ${e instanceof Error && e.stack ? e.stack : String(e)}`);
      return textResult(vscode.l10n.t('{0} failed: {1}', name, e instanceof Error ? e.message : String(e)));
    }
  }

  private async invokeWrite(name: string, input: Input): Promise<vscode.LanguageModelToolResult> {
    const key = keyOf(name, input);
    const previewed = this.previews.get(key);
    if (!previewed) {
      // Never shown for confirmation (its preview failed, or was forgotten): say why, or ask for the call again.
      await this.write(name, input, new Date());
      return textResult(vscode.l10n.t('The change was not shown for confirmation, so nothing was written. Call the tool again.'));
    }
    this.previews.delete(key);
    const written = await this.write(name, input, previewed.at, previewed.diff);
    const where = vscode.workspace.asRelativePath(written.file);
    const said = written.unsaved ? vscode.l10n.t('{0}. Written to {1} (left unsaved: it had unsaved edits):', written.summary, where) : vscode.l10n.t('{0}. Written to {1}:', written.summary, where);
    return textResult(`${said}\n${fenced(written.diff)}`);
  }

  private remember(key: string, preview: Preview): void {
    this.previews.delete(key);
    this.previews.set(key, preview);
    while (this.previews.size > MAX_PREVIEWS) this.previews.delete(this.previews.keys().next().value as string);
  }

  /** A read tool's answer over the log as the store has it now. */
  private async read(name: string, input: Input): Promise<AgentResult> {
    const { ops } = await agent();
    const reader = await this.reader(name, input);
    switch (name) {
      case 'list_incidents':
        return ops.listIncidents(reader, input);
      case 'get_incident':
        return ops.getIncident(reader, input);
      case 'check_log':
        return ops.checkLogFindings(reader);
      case 'get_metrics':
        return ops.metricsOf(reader, input);
      case 'who_is_on_call':
        return ops.whoIsOnCall(reader, input);
      case 'draft_status_update':
        return ops.draftStatusUpdate(reader, input);
      case 'draft_executive_summary':
        return ops.draftExecutiveSummary(reader, input);
      case 'find_similar_incidents':
        return ops.findSimilar(reader, input);
      case 'recent_changes':
        return this.recentChanges(reader, input);
      default:
        throw new WriteRefused(vscode.l10n.t('Unknown tool "{0}".', name));
    }
  }

  /**
   * The log as the store reads it, for the core's read operations. The reviews beside the log
   * (pir/<id>.md, an open editor's text first) are read beforehand for the tools that use them:
   * the one incident's, or every incident's for the check and the metrics.
   */
  private async reader(name: string, input: Input): Promise<AgentReader> {
    const state = await this.store.read();
    if (state.kind === 'no-folder') throw new WriteRefused(vscode.l10n.t('Open a folder first: the incident log lives in your repository.'));
    if (state.kind === 'unreadable') throw new WriteRefused(state.message);
    const folder = vscode.workspace.getWorkspaceFolder(state.uri) ?? this.store.logFolder();
    const policy = state.kind === 'ok' ? state.policy : folder ? await this.store.policy(folder) : defaultPolicy();
    const index = state.kind === 'ok' ? state.index : undefined;
    const id = str(input, 'id');
    const one = id && index ? findIncident(index, id) : undefined;
    const needed = !index ? [] : name === 'check_log' || name === 'get_metrics' ? index.incidents : (name === 'get_incident' || name === 'draft_executive_summary') && one ? [one] : [];
    const reviews = new Map<string, string>();
    await Promise.all(
      needed.map(async (incident) => {
        const read = await readText(vscode.Uri.joinPath(state.uri, '..', 'pir', reviewFileName(incident)));
        if (read.kind === 'ok') reviews.set(reviewFileName(incident), read.text);
      }),
    );
    return { policy, logPath: state.uri.fsPath, index: () => index, reviewText: (incident) => reviews.get(reviewFileName(incident)), now: () => new Date() };
  }

  /** The commits before and during an incident, as Show Recent Changes lists them. */
  private async recentChanges(reader: AgentReader, input: Input): Promise<AgentResult> {
    const { ops } = await agent();
    const index = reader.index();
    if (!index) throw new ops.AgentInputError(`No incident log at ${reader.logPath} (declare an incident to create it).`);
    const incident = ops.requireIncidentIn(index, str(input, 'id'), reader.logPath);
    const hours = parseHours(typeof input.hours === 'number' ? input.hours : readSetting('recentChangesHours', this.store.logFolder()?.uri));
    if (typeof hours !== 'number') throw new ops.AgentInputError(hours.problem.replace('--hours', typeof input.hours === 'number' ? 'hours' : Settings.recentChangesHours.id));
    const window = changeWindow(incident, hours, reader.now());
    if ('problem' in window) throw new ops.AgentInputError(window.problem);
    const changes = (await showRecentChanges(this.store, { incident: incident.id, hours, action: 'list' })) as Change[];
    return ops.recentChangesResult(incident, window, changes);
  }

  /**
   * A write tool's change, planned by the core against the log as it is now, with entries by the
   * git user via Copilot at `at`. Without `expect` it is the preview: computed through the very
   * path that writes it, stopped before the edit. With `expect` (the preview's lines) it is
   * written if its lines are still exactly those, else refused.
   */
  private async write(name: string, input: Input, at: Date, expect?: string): Promise<Write> {
    const { ops, preview } = await agent();
    const check = (summary: () => string, text: string, splices: Splice[]): Splice[] => {
      if (splices.length === 0) throw new ops.AgentInputError(`${summary()}: nothing would change.`);
      const diff = preview.renderHunks(preview.hunksOf(text, splices));
      if (expect === undefined) throw new Planned(diff);
      if (diff !== expect) throw new WriteRefused(vscode.l10n.t('The log changed since the change was shown; nothing was written. Call the tool again to see it as it would be now.'));
      return splices;
    };
    if (name === 'declare_incident') return this.declare(input, at, check, expect);
    const ctx = await writerOf(this.store);
    const plan = ops.planWrite(name, input, ctx.index, ctx.policy, { at, owner: ops.agentOwner(ctx.owner, LM_CLIENT) }, ctx.doc.uri.fsPath);
    const incident = ops.requireIncidentIn(ctx.index, plan.incidentId, ctx.doc.uri.fsPath);
    try {
      const written = await applyIncidentEdit(this.store, ctx.doc, ctx.policy, incident, (index, id) => check(() => plan.summary, index.text, plan.make!(index, id)));
      this.store.invalidate(0);
      return { summary: plan.summary, file: written.doc.uri, diff: expect ?? '', unsaved: !written.saved };
    } catch (e) {
      if (e instanceof Planned) return { summary: plan.summary, file: this.fileOf(ctx.doc.uri, incident), diff: e.diff };
      throw e;
    }
  }

  /** Declare Incident's writer: into the log's document, or a new log created with the incident. */
  private async declare(input: Input, at: Date, check: (summary: () => string, text: string, splices: Splice[]) => Splice[], expect: string | undefined): Promise<Write> {
    const { ops } = await agent();
    const uri = this.store.logUri();
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    if (!uri || !folder) throw new WriteRefused(vscode.l10n.t('Open a folder first: the incident log lives in your repository.'));
    const policy = await this.store.policy(folder);
    const plan = ops.planWrite('declare_incident', input, undefined, policy, { at, owner: ops.agentOwner(await gitUser(folder.uri.fsPath, policy), LM_CLIENT) }, uri.fsPath);
    const options = plan.declare!;
    let doc: vscode.TextDocument | undefined;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
    } catch {
      doc = undefined;
    }
    if (!doc) {
      // No log yet: it is created with its title and the incident, as Declare Incident creates it.
      const declared = declareIncident(null, options, policy);
      const text = declared.newText ?? '';
      const summary = `${plan.summary}: ${declared.id}`;
      try {
        check(() => summary, '', [{ start: 0, end: 0, text }]);
      } catch (e) {
        if (e instanceof Planned) return { summary, file: uri, diff: e.diff };
        throw e;
      }
      if (!(await this.store.filesFor(uri).create(uri.fsPath, text))) throw new WriteRefused(vscode.l10n.t('{0} was created meanwhile; declare the incident again.', vscode.workspace.asRelativePath(uri)));
      this.store.invalidate(0);
      return { summary, file: uri, diff: expect ?? '' };
    }
    let id = '';
    const summary = () => `${plan.summary}: ${id}`;
    try {
      const written = await applyLogEdit(doc, policy, (index) => {
        const declared = declareIncident(index, options, policy);
        id = declared.id;
        return check(summary, index.text, declared.splices);
      });
      this.store.invalidate(0);
      return { summary: summary(), file: doc.uri, diff: expect ?? '', unsaved: !written.saved };
    } catch (e) {
      if (e instanceof Planned) return { summary: summary(), file: doc.uri, diff: e.diff };
      throw e;
    }
  }

  /** The file a change to `incident` goes to: the log, or the file an index table links it to. */
  private fileOf(logUri: vscode.Uri, incident: Incident): vscode.Uri {
    const link = this.store.linkedFile(logUri, incident);
    return link ? vscode.Uri.file(link.realPath) : logUri;
  }
}

function inputOf(input: unknown): Input {
  return input && typeof input === 'object' && !Array.isArray(input) ? (input as Input) : {};
}

/** One call, whatever order its arguments come in. */
function keyOf(name: string, input: Input): string {
  return `${name}\n${JSON.stringify(input, Object.keys(input).sort())}`;
}

const textResult = (text: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);

/** The errors a tool answers with their one line: bad input, no log, a refused write. */
async function oneLine(e: unknown): Promise<string | undefined> {
  const { ops } = await agent();
  return e instanceof ops.AgentInputError || e instanceof WriteRefused ? e.message : undefined;
}

/** A diff in a fence longer than any run of backticks in it (a log line may hold a fence of its own). */
function fenced(diff: string): string {
  const longest = Math.max(0, ...(diff.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}diff\n${diff}\n${fence}`;
}

/** What VS Code shows before a write runs: where, and the exact lines removed and added. */
export function confirmation(write: Write): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendText(vscode.l10n.t('In {0}:', vscode.workspace.asRelativePath(write.file)));
  md.appendMarkdown(`\n\n${fenced(write.diff)}\n`);
  return md;
}
