// "Incident: Run Health Check…" and "Incident: Run All Health Checks": the playbook's checks run
// in the "Incident checks" terminal (checkTerminal.ts), attached to an incident (the argument,
// the one under the cursor, the one selected in the Incidents view, the only active one, or a
// pick). A single check adds one timeline entry; Run All adds one summary entry. The full
// output of each check's last run, redacted, is kept in the "Incident Health Checks" channel;
// nothing unredacted is shown or written. Only in a trusted workspace.
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { type HealthCheck, type RunResult, findHealthCheck, healthCheckEntry, healthChecksOf, healthSummaryEntry } from '../../core/health/healthChecks';
import { checkFolder } from '../../core/health/healthRun';
import { findIncident, isActive } from '../../core/indexer';
import { findPlaybook } from '../../core/log/logFile';
import { type Incident, type LogIndex, type Splice, hasSection } from '../../core/model';
import { playbookRoot } from '../../core/log/paths';
import { type Policy, defaultPolicy } from '../../core/playbook/policy';
import { redactSecrets } from '../../core/health/redact';
import { WriteRefused, appendTimelineEntry, combineSplices } from '../../core/log/writer';
import { Commands, type RunAllHealthChecksArgs, type RunHealthCheckArgs, commandArgs, stringArg } from '../commandIds';
import { gitUser } from '../gitUser';
import { applyIncidentEdit, inSyncWithDisk } from '../logEdit';
import type { LogStore } from '../logStore';
import { guarded, report } from '../report';
import { type TreeNode, incidentIdFrom } from '../tree';
import { type CheckResult, CheckTerminal } from './checkTerminal';
import { requireTrust } from './safety';

export interface HealthCheckDeps {
  store: LogStore;
  output: vscode.OutputChannel;
  view?: vscode.TreeView<TreeNode>;
}

export interface HealthRunOutcome {
  incidentId: string;
  /** The timeline line's text as written (without time and owner). */
  entry: string;
  /** Each check's result; `output` is redacted. */
  results: Array<RunResult & Pick<CheckResult, 'via' | 'cancelled'>>;
}

/** The log and playbook a run works with (see HealthChecks.context). */
export interface RunContext {
  doc: vscode.TextDocument;
  policy: Policy;
  folder: vscode.WorkspaceFolder | undefined;
  checks: HealthCheck[];
}

export class HealthChecks implements vscode.Disposable {
  readonly terminal = new CheckTerminal();
  readonly channel = vscode.window.createOutputChannel('Incident Health Checks');
  /** The redacted output of each check's last run, by name, shown together in the channel. */
  private readonly lastOutput = new Map<string, string>();

  constructor(private readonly deps: HealthCheckDeps) {}

  get store(): LogStore {
    return this.deps.store;
  }

  dispose(): void {
    this.terminal.dispose();
    this.channel.dispose();
  }

  /** The log's document and its playbook; undefined (the user told why) when there is none, or, with `needChecks`, no check. */
  async context(needChecks = true): Promise<RunContext | undefined> {
    const uri = this.deps.store.logUri();
    if (!uri) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Incident Playbook: open a folder first; the incident log and its playbook live in your repository.'));
      return undefined;
    }
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
    } catch {
      void vscode.window.showErrorMessage(vscode.l10n.t("Incident Playbook: no incident log at {0}; health checks are logged on an incident's timeline.", vscode.workspace.asRelativePath(uri)));
      return undefined;
    }
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri) ?? vscode.workspace.workspaceFolders?.[0];
    const policy = folder ? await this.deps.store.policy(folder) : defaultPolicy();
    const checks = healthChecksOf(policy);
    if (checks.length === 0 && needChecks) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Incident Playbook: the playbook (.incident/playbook.yml) declares no healthChecks.'));
      return undefined;
    }
    return { doc, policy, folder, checks };
  }

  /** The incident a run is attached to: the argument, the cursor's, the view's selection, the only active one, or a pick. */
  private async chooseIncident(ctx: RunContext, given: string | undefined): Promise<string | undefined> {
    const index = this.deps.store.indexText(ctx.doc.uri, ctx.doc.getText(), ctx.policy);
    if (given) {
      if (findIncident(index, given)) return given;
      void vscode.window.showErrorMessage(vscode.l10n.t('Incident Playbook: no incident "{0}" in the log.', given));
      return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.uri.toString() === ctx.doc.uri.toString()) {
      const offset = ctx.doc.offsetAt(editor.selection.active);
      const under = index.incidents.find((i) => i.source === 'section' && offset >= i.start && offset < i.end);
      if (under) return under.id;
    }
    const selected = incidentIdFrom(this.deps.view?.selection[0]);
    if (selected && findIncident(index, selected)) return selected;
    const active = index.incidents.filter((i) => hasSection(i) && isActive(i, ctx.policy));
    if (active.length === 1) return active[0].id;
    const candidates = active.length ? active : index.incidents.filter((i) => hasSection(i));
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Incident Playbook: the log has no incident to attach the health check to. Declare one first.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      candidates.map((i: Incident) => ({ id: i.id, label: i.id, description: i.title, detail: [i.severity, i.status].filter(Boolean).join(' · ') || undefined })),
      { title: vscode.l10n.t('Log the health check on which incident?'), matchOnDescription: true, placeHolder: vscode.l10n.t('Type an ID or part of the title'), ignoreFocusOut: true },
    );
    return picked?.id;
  }

  /** The folder a check runs in: its `cwd` inside the repository (never outside it, links included), or why not. */
  private cwdOf(ctx: RunContext, check: HealthCheck): { path: string } | { reason: string } {
    if (!ctx.folder) return { reason: 'no folder is open' };
    // Relative to the folder holding `.incident/` (as the CLI runs them), found as the store finds the playbook.
    const repo = ctx.doc.uri.scheme === 'file' ? this.deps.store.repositoryRoot(ctx.doc.uri, ctx.folder) : ctx.folder.uri.fsPath;
    const playbook = ctx.doc.uri.scheme === 'file' ? findPlaybook(dirname(ctx.doc.uri.fsPath), repo) : undefined;
    return checkFolder(playbook ? playbookRoot(playbook) : repo, check.cwd || '.');
  }

  /**
   * Runs a check (or a runbook step shaped as one: its command, in the repository, with `env`)
   * in the terminal; the result's output is redacted and kept in the channel.
   */
  async runOne(ctx: RunContext, check: HealthCheck, token?: vscode.CancellationToken, env?: Record<string, string>): Promise<RunResult & Pick<CheckResult, 'via' | 'cancelled'>> {
    const cwd = this.cwdOf(ctx, check);
    const r: CheckResult =
      'reason' in cwd
        ? { status: 'unknown', exitCode: undefined, durationMs: 0, output: `not run: ${cwd.reason}`, via: 'pseudoterminal' }
        : await this.terminal.run({ run: check.run, cwd: cwd.path, timeoutMs: check.timeoutMs, expect: check.expect, env }, token);
    // Redacted once, here: the channel, the entry's excerpt and whoever ran the command see only this.
    const output = redactSecrets(r.output);
    this.keepOutput(check.name, r, output);
    return { name: check.name, status: r.status, exitCode: r.exitCode, durationMs: r.durationMs, output, capture: check.capture, via: r.via, cancelled: r.cancelled };
  }

  /** The channel shows the last run of each check, redacted. */
  private keepOutput(name: string, r: CheckResult, redacted: string): void {
    const head = `── ${name}: ${r.status.toUpperCase()}${r.exitCode !== undefined ? ` (exit ${r.exitCode})` : ' (no exit code)'}, ${(r.durationMs / 1000).toFixed(1)} s, ${new Date().toISOString()} ──`;
    this.lastOutput.delete(name);
    this.lastOutput.set(name, `${head}\n${redacted.trimEnd()}\n`);
    this.channel.clear();
    for (const block of this.lastOutput.values()) this.channel.appendLine(block);
  }

  /**
   * Adds the entry to the incident's timeline, with `also`'s splices (computed from the same
   * fresh index) in the same WorkspaceEdit: one Undo reverts both.
   */
  async log(ctx: RunContext, incidentId: string, text: string, also?: (index: LogIndex, id: string) => Splice[]): Promise<string | undefined> {
    // By whoever ran it, as every other entry is (and as `incident health` logs it).
    const owner = await gitUser((ctx.folder ?? vscode.workspace.getWorkspaceFolder(ctx.doc.uri))?.uri.fsPath, ctx.policy);
    if (!(await inSyncWithDisk(ctx.doc))) throw new WriteRefused(vscode.l10n.t('The log changed on disk and VS Code has not reloaded it yet; the result was not written. Run the check again.'));
    const incident = findIncident(this.deps.store.indexText(ctx.doc.uri, ctx.doc.getText(), ctx.policy), incidentId);
    if (!incident) throw new WriteRefused(vscode.l10n.t('No incident "{0}" in the log; the result was not written.', incidentId));
    await applyIncidentEdit(this.deps.store, ctx.doc, ctx.policy, incident, (index: LogIndex, inner: string) =>
      combineSplices(appendTimelineEntry(index, inner, { at: new Date(), text, owner }, ctx.policy), also ? also(index, inner) : []),
    );
    this.deps.store.invalidate(0);
    return text;
  }

  async runHealthCheck(args: Partial<RunHealthCheckArgs> = {}): Promise<HealthRunOutcome | undefined> {
    if (!(await requireTrust(vscode.l10n.t('Run Health Check')))) return undefined;
    const ctx = await this.context();
    if (!ctx) return undefined;
    const name = stringArg(args.check);
    let check: HealthCheck | undefined;
    if (name) {
      check = findHealthCheck(ctx.policy, name);
      if (!check) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Incident Playbook: the playbook has no health check "{0}".', name));
        return undefined;
      }
    } else {
      const picked = await vscode.window.showQuickPick(
        ctx.checks.map((c) => ({ check: c, label: c.name, description: c.run.split(/\r?\n/)[0], detail: c.cwd && c.cwd !== '.' ? vscode.l10n.t('in {0}', c.cwd) : undefined })),
        { title: vscode.l10n.t('Run which health check?'), matchOnDescription: true, ignoreFocusOut: true },
      );
      check = picked?.check;
    }
    if (!check) return undefined;
    const incidentId = await this.chooseIncident(ctx, stringArg(args.incident));
    if (!incidentId) return undefined;
    const result = await this.runOne(ctx, check);
    const entry = healthCheckEntry(result);
    try {
      await this.log(ctx, incidentId, entry);
    } catch (e) {
      report(this.deps.output, vscode.l10n.t('Logging the health check'), e);
      return undefined;
    }
    const message = vscode.l10n.t('{0}: {1}', incidentId, healthCheckEntry({ ...result, capture: false }));
    if (result.status === 'pass') void vscode.window.showInformationMessage(message);
    else void vscode.window.showWarningMessage(message, vscode.l10n.t('Show Output')).then((c) => c && this.channel.show(true));
    return { incidentId, entry, results: [result] };
  }

  async runAllHealthChecks(args: Partial<RunAllHealthChecksArgs> = {}): Promise<HealthRunOutcome | undefined> {
    if (!(await requireTrust(vscode.l10n.t('Run All Health Checks')))) return undefined;
    const ctx = await this.context();
    if (!ctx) return undefined;
    const incidentId = await this.chooseIncident(ctx, stringArg(args.incident));
    if (!incidentId) return undefined;
    const results = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Health checks for {0}', incidentId), cancellable: true },
      async (progress, token) => {
        const done: Array<RunResult & Pick<CheckResult, 'via' | 'cancelled'>> = [];
        const step = 100 / ctx.checks.length;
        for (const check of ctx.checks) {
          if (token.isCancellationRequested) break;
          progress.report({ message: vscode.l10n.t('{0}running {1}…', summaryText(done), check.name) });
          done.push(await this.runOne(ctx, check, token));
          progress.report({ increment: step, message: summaryText(done) });
        }
        return done;
      },
    );
    if (results.length === 0) return undefined;
    const cancelled = results.length < ctx.checks.length || results.some((r) => r.cancelled);
    const entry = `${healthSummaryEntry(results)}${cancelled ? ` — stopped after ${results.length} of ${ctx.checks.length}` : ''}`;
    try {
      await this.log(ctx, incidentId, entry);
    } catch (e) {
      report(this.deps.output, vscode.l10n.t('Logging the health checks'), e);
      return undefined;
    }
    const bad = results.some((r) => r.status !== 'pass');
    const message = vscode.l10n.t('{0}: {1}', incidentId, entry);
    if (bad) void vscode.window.showWarningMessage(message, vscode.l10n.t('Show Output')).then((c) => c && this.channel.show(true));
    else void vscode.window.showInformationMessage(message);
    return { incidentId, entry, results };
  }
}

function summaryText(done: readonly RunResult[]): string {
  return done.map((r) => `${r.name} ${r.status.toUpperCase()}`).join(', ') + (done.length ? '; ' : '');
}

export function registerHealthChecks(deps: HealthCheckDeps): { checks: HealthChecks; disposables: vscode.Disposable[] } {
  const checks = new HealthChecks(deps);
  const guard = guarded(deps.output);
  const disposables = [
    checks,
    vscode.commands.registerCommand(Commands.runHealthCheck, guard(vscode.l10n.t('Running the health check'), (arg?: RunHealthCheckArgs) => checks.runHealthCheck(commandArgs<RunHealthCheckArgs>(arg)))),
    vscode.commands.registerCommand(Commands.runAllHealthChecks, guard(vscode.l10n.t('Running the health checks'), (arg?: RunAllHealthChecksArgs) => checks.runAllHealthChecks(commandArgs<RunAllHealthChecksArgs>(arg)))),
  ];
  return { checks, disposables };
}
