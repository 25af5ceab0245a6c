// "Incident: Open Runbook" and "Incident: Run Step": a playbook runbook opened on an incident
// becomes a `Runbook: <title>` phase of its checklist (one edit, never twice), and a checklist
// item with a runnable step (an opened runbook's step, or a playbook checklist item's `run:`)
// runs in the "Incident checks" terminal through the health checks' runner. Parameters are
// asked for, checked against their pattern and passed as environment variables, never put into
// the command; a dangerous step asks first in a modal naming the command; nothing runs in
// Restricted Mode. The result is one timeline entry, and the item is ticked when the step
// passes, in the same WorkspaceEdit.
import * as vscode from 'vscode';
import { type HealthCheck, type Runbook, type RunResult, healthCheckEntry, runbookParamEnv, runbooksOf, usesParam } from '../../core/health/healthChecks';
import { findIncident } from '../../core/indexer';
import { type Incident, type LogIndex, type Splice, hasSection } from '../../core/model';
import { type RunnableStep, addRunbookChecklist, checklistItemRunnable, isRunbookOpen, openedRunbooks, runbookStepName } from '../../core/response/runbookChecklist';
import { WriteRefused, setChecklistItem } from '../../core/log/writer';
import { Commands, type OpenRunbookArgs, type RunStepArgs, commandArgs, stringArg } from '../commandIds';
import { applyIncidentEdit } from '../logEdit';
import { chooseIncident } from '../incidentPicker';
import { guarded, report } from '../report';
import type { HealthChecks, RunContext } from './healthCheckCommands';
import { type TrustUi, confirmDangerous, requireTrust } from './safety';

/** A runbook step has no timeout of its own: a rollback may take a while, not forever (as the CLI). */
export const RUNBOOK_STEP_TIMEOUT_MS = 30 * 60_000;

/** What the runbook commands ask the user; replaceable so that tests can answer the modal and the input box. */
export interface RunbookUi extends TrustUi {
  confirmDangerous(title: string, command: string): Thenable<boolean>;
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
}

export const vscodeRunbookUi: RunbookUi = {
  isTrusted: () => vscode.workspace.isTrusted,
  warn: (message, ...items) => vscode.window.showWarningMessage(message, ...items),
  execute: (command) => vscode.commands.executeCommand(command),
  confirmDangerous: (title, command) => confirmDangerous(title, command),
  input: (options) => vscode.window.showInputBox(options),
};

export interface OpenRunbookOutcome {
  incidentId: string;
  runbook: string;
  /** False when the runbook was already open on the incident (nothing was written). */
  added: boolean;
}

export interface StepRunOutcome {
  incidentId: string;
  /** The timeline line's text as written (without time and owner). */
  entry: string;
  result: RunResult;
  /** The checklist item was ticked with the entry. */
  ticked: boolean;
}

/** The checklist item a run stands for: its position and text, checked again before it is ticked. */
interface ItemRef {
  index: number;
  text: string;
}

export class Runbooks {
  /** Replaced by tests (and only by them). */
  ui: RunbookUi = vscodeRunbookUi;

  constructor(
    private readonly checks: HealthChecks,
    private readonly output: vscode.OutputChannel,
  ) {}

  private get store() {
    return this.checks.store;
  }

  async openRunbook(args: Partial<OpenRunbookArgs> = {}): Promise<OpenRunbookOutcome | undefined> {
    const ctx = await this.checks.context(false);
    if (!ctx) return undefined;
    const books = runbooksOf(ctx.policy);
    if (books.length === 0) {
      // Not awaited: the command's caller must not wait on a notification nobody answers.
      void vscode.window.showInformationMessage(vscode.l10n.t('Incident Playbook: the playbook declares no runbooks (runbooks: in .incident/playbook.yml).'), vscode.l10n.t('Create Playbook')).then((c) => {
        if (c) void vscode.commands.executeCommand(Commands.createPlaybook);
      });
      return undefined;
    }
    const index = this.store.indexText(ctx.doc.uri, ctx.doc.getText(), ctx.policy);
    const incident = await chooseIncident(this.store, index, {
      given: stringArg(args.incident),
      title: vscode.l10n.t('Open Runbook'),
      candidates: (i) => hasSection(i),
      none: vscode.l10n.t('The log has no incident to open a runbook on. Declare one first.'),
    });
    if (!incident) return undefined;
    const book = await this.pickRunbook(ctx, incident, stringArg(args.runbook));
    if (!book) return undefined;
    if (isRunbookOpen(incident, ctx.policy, book)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} already has the runbook "{1}" in its checklist.', incident.id, book.title));
      return { incidentId: incident.id, runbook: book.id, added: false };
    }
    await applyIncidentEdit(this.store, ctx.doc, ctx.policy, incident, (i, id) => addRunbookChecklist(i, id, ctx.policy, book.id));
    this.store.invalidate(0);
    this.output.appendLine(`Opened runbook ${book.id} on ${incident.id} (${book.steps.length} steps)`);
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}: runbook "{1}" added to the checklist ({2} steps).', incident.id, book.title, book.steps.length), vscode.l10n.t('Open Checklist')).then((c) => {
      if (c) void vscode.commands.executeCommand(Commands.openChecklist, { incident: incident.id });
    });
    return { incidentId: incident.id, runbook: book.id, added: true };
  }

  private async pickRunbook(ctx: RunContext, incident: Incident, given: string | undefined): Promise<Runbook | undefined> {
    const books = runbooksOf(ctx.policy);
    if (given) {
      const found = books.find((b) => b.id === given) ?? books.find((b) => b.id.toLowerCase() === given.toLowerCase());
      if (!found) throw new WriteRefused(vscode.l10n.t('The playbook has no runbook "{0}" (there are: {1}).', given, books.map((b) => b.id).join(', ')));
      return found;
    }
    const picked = await vscode.window.showQuickPick(
      books.map((b) => ({
        book: b,
        label: b.title,
        description: [b.severity, b.steps.length === 1 ? vscode.l10n.t('1 step') : vscode.l10n.t('{0} steps', b.steps.length), isRunbookOpen(incident, ctx.policy, b) ? vscode.l10n.t('already open') : ''].filter(Boolean).join(' · '),
        detail: b.id,
      })),
      { title: vscode.l10n.t('Open Runbook on {0}', incident.id), placeHolder: vscode.l10n.t('Which runbook?'), matchOnDescription: true, matchOnDetail: true },
    );
    return picked?.book;
  }

  /**
   * Runs a step: the checklist item given (by position, from the panel; by line, from the
   * Incidents view), a runbook's step by number, or one picked from the incident's runnable items.
   */
  async runStep(args: Partial<RunStepArgs> = {}): Promise<StepRunOutcome | undefined> {
    if (!(await requireTrust(vscode.l10n.t('Run Step'), this.ui))) return undefined;
    const ctx = await this.checks.context(false);
    if (!ctx) return undefined;
    const index = this.store.indexText(ctx.doc.uri, ctx.doc.getText(), ctx.policy);
    const incident = await chooseIncident(this.store, index, { given: stringArg(args.incident), title: vscode.l10n.t('Run Step'), candidates: (i) => hasSection(i) });
    if (!incident) return undefined;
    const target = await this.target(ctx, incident, args);
    if (!target) return undefined;
    const { runnable, item } = target;
    let env: Record<string, string> | undefined;
    let check: HealthCheck;
    let name: string;
    if (runnable.kind === 'runbookStep') {
      const { runbook, step, number } = runnable;
      const values = await this.askParams(runbook, step.run as string, args.params);
      if (!values) return undefined;
      const params = runbookParamEnv(runbook, values, step);
      if ('problems' in params) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Incident Playbook: {0} was not run: {1}.', runbookStepName(runbook, number), params.problems.join('; ')));
        return undefined;
      }
      if (step.dangerous && !(await this.ui.confirmDangerous(step.title, step.run as string))) return undefined;
      env = params.env;
      name = runbookStepName(runbook, number);
      check = { name, run: step.run as string, cwd: '.', timeoutMs: RUNBOOK_STEP_TIMEOUT_MS, expect: 0, capture: false };
    } else {
      check = runnable.check;
      name = check.name;
    }
    const result = await this.checks.runOne(ctx, check, undefined, env);
    const run: RunResult = runnable.kind === 'runbookStep' ? { ...result, name, kind: 'Runbook step' } : result;
    const entry = healthCheckEntry(run);
    const tick = run.status === 'pass' && item ? tickIfSame(item) : undefined;
    let ticked = false;
    try {
      await this.checks.log(ctx, incident.id, entry, tick
          ? (i, id) => {
              const splices = tick(i, id);
              ticked = splices.length > 0;
              return splices;
            }
          : undefined);
    } catch (e) {
      report(this.output, vscode.l10n.t('Logging the step'), e);
      return undefined;
    }
    const message = vscode.l10n.t('{0}: {1}', incident.id, healthCheckEntry({ ...run, capture: false }));
    if (run.status === 'pass') void vscode.window.showInformationMessage(message);
    else void vscode.window.showWarningMessage(message, vscode.l10n.t('Show Output')).then((c) => c && this.checks.channel.show(true));
    return { incidentId: incident.id, entry, result: run, ticked };
  }

  /** What to run, and the checklist item it ticks (when it stands for one). */
  private async target(ctx: RunContext, incident: Incident, args: Partial<RunStepArgs>): Promise<{ runnable: RunnableStep; item?: ItemRef } | undefined> {
    const { policy } = ctx;
    const itemAt = (i: number): { runnable: RunnableStep; item: ItemRef } => {
      const item = incident.checklist[i];
      const runnable = item ? checklistItemRunnable(incident, policy, i) : undefined;
      if (!item || !runnable) throw new WriteRefused(vscode.l10n.t('That checklist item of {0} has no step to run (any more).', incident.id));
      return { runnable, item: { index: i, text: item.text } };
    };
    if (typeof args.item === 'number') {
      const item = incident.checklist[args.item];
      if (!item || (typeof args.text === 'string' && item.text !== args.text)) throw new WriteRefused(vscode.l10n.t('The checklist of {0} changed while it was shown; nothing was run. Try again.', incident.id));
      return itemAt(args.item);
    }
    if (typeof args.line === 'number') {
      const i = incident.checklist.findIndex((c) => c.line === args.line);
      if (i < 0) throw new WriteRefused(vscode.l10n.t('{0} has no checklist item on line {1}; nothing was run.', incident.id, args.line + 1));
      return itemAt(i);
    }
    const runbookId = stringArg(args.runbook);
    if (runbookId) {
      const opened = openedRunbooks(incident, policy).find((o) => o.runbook && o.runbook.id.toLowerCase() === runbookId.toLowerCase());
      const runbook = opened?.runbook ?? runbooksOf(policy).find((b) => b.id.toLowerCase() === runbookId.toLowerCase());
      if (!runbook) throw new WriteRefused(vscode.l10n.t('The playbook has no runbook "{0}".', runbookId));
      const number = Number(args.step);
      const step = runbook.steps[number - 1];
      if (!Number.isInteger(number) || !step) throw new WriteRefused(vscode.l10n.t('Runbook {0} has steps 1 to {1}.', runbook.id, runbook.steps.length));
      if (!step.run) throw new WriteRefused(vscode.l10n.t('Step {0} of {1} ({2}) has no command to run.', number, runbook.id, step.title));
      const mapped = opened?.items.find((i) => i.stepNumber === number);
      return { runnable: { kind: 'runbookStep', runbook, step, number }, item: mapped ? { index: mapped.index, text: mapped.item.text } : undefined };
    }
    const choices = incident.checklist.map((c, i) => ({ c, i, r: checklistItemRunnable(incident, policy, i) })).filter((x) => x.r);
    if (choices.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Incident Playbook: no checklist item of {0} has a step to run. Open a runbook on it first (Incident: Open Runbook).', incident.id));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      choices.map((x) => ({
        i: x.i,
        label: `${x.c.done ? '$(pass-filled) ' : ''}${x.c.text}`,
        description: [x.c.phase, x.r?.kind === 'runbookStep' && x.r.step.dangerous ? vscode.l10n.t('dangerous') : ''].filter(Boolean).join(' · '),
        detail: x.r?.kind === 'runbookStep' ? (x.r.step.run ?? '').split(/\r?\n/)[0] : x.r?.check.run.split(/\r?\n/)[0],
      })),
      { title: vscode.l10n.t('Run a step of {0}', incident.id), matchOnDescription: true },
    );
    return picked ? itemAt(picked.i) : undefined;
  }

  /** The values of the parameters the command reads: given, or asked for (checked as typed). Undefined when a question is dismissed. */
  private async askParams(runbook: Runbook, command: string, given: unknown): Promise<Record<string, string> | undefined> {
    const values: Record<string, string> = {};
    const preset = given && typeof given === 'object' ? (given as Record<string, unknown>) : {};
    for (const p of runbook.params) {
      if (!usesParam(command, p.name)) continue;
      const value = typeof preset[p.name] === 'string' ? (preset[p.name] as string) : await this.ui.input(paramInput(runbook, p.name, p.pattern));
      if (value === undefined) return undefined;
      values[p.name] = value;
    }
    return values;
  }
}

/** The input box of one parameter: the value must match the declared pattern before it is accepted. */
export function paramInput(runbook: Runbook, name: string, pattern: string): vscode.InputBoxOptions {
  const check = (value: string): string | undefined => {
    const r = runbookParamEnv({ ...runbook, params: runbook.params.filter((p) => p.name === name) }, { [name]: value });
    return 'problems' in r ? vscode.l10n.t('{0} must match {1}', name, pattern) : undefined;
  };
  return {
    title: vscode.l10n.t('{0}: {1}', runbook.title, name),
    prompt: vscode.l10n.t('Passed to the command as ${0} (an environment variable). Must match {1}.', name, pattern),
    ignoreFocusOut: true,
    validateInput: check,
  };
}

/** Ticks the item when the fresh index still shows it at its position with the same text; otherwise leaves it. */
function tickIfSame(ref: ItemRef): (index: LogIndex, id: string) => Splice[] {
  return (index, id) => {
    const item = findIncident(index, id)?.checklist[ref.index];
    if (!item || item.text !== ref.text) return [];
    return setChecklistItem(index, id, item.line, 'done');
  };
}

/** The Incidents view passes its row: a checklist item's row runs that item. */
function stepArgs(arg: unknown): Partial<RunStepArgs> {
  const row = arg as { kind?: unknown; id?: unknown; line?: unknown } | undefined;
  if (row && row.kind === 'detail' && typeof row.id === 'string' && typeof row.line === 'number') return { incident: row.id, line: row.line };
  return commandArgs<RunStepArgs>(arg);
}

export function registerRunbooks(checks: HealthChecks, output: vscode.OutputChannel): { runbooks: Runbooks; disposables: vscode.Disposable[] } {
  const runbooks = new Runbooks(checks, output);
  const guard = guarded(output);
  return {
    runbooks,
    disposables: [
      vscode.commands.registerCommand(Commands.openRunbook, guard(vscode.l10n.t('Opening the runbook'), (arg?: OpenRunbookArgs) => runbooks.openRunbook(commandArgs<OpenRunbookArgs>(arg)))),
      vscode.commands.registerCommand(Commands.runStep, guard(vscode.l10n.t('Running the step'), (arg?: unknown) => runbooks.runStep(stepArgs(arg)))),
    ],
  };
}
