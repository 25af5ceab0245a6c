// `incident health` and `incident runbook`: the playbook's checks and runbook steps run as child
// processes (the same runner, timeout, capture and redaction as the editor's terminal), with
// each result logged on the incident's timeline.
import type { Incident } from '../core/model';
import type { Policy } from '../core/playbook/policy';
import { sanitizeForDisplay } from '../core/format/displayText';
import { gitAuthor } from '../core/response/gitUser';
import type { NewTimelineEntry } from '../core/log/writer';
import { UsageError, lastLine, note, pad, print, printJson, shown, withInterrupt } from './output';

export interface TerminalCommandHost {
  policy: Policy;
  args: string[];
  values: {
    json?: boolean;
    incident?: string;
    'no-log'?: boolean;
    owner?: string;
    run?: string;
    yes?: boolean;
    param?: string[];
  };
  cwd: string;
  /** The folder commands run in: the one holding `.incident/` (normally the repository root). */
  checksRoot(): string;
  incidentToLog(wanted: string | undefined, off: boolean | undefined): string | undefined;
  logEntries(id: string, entries: NewTimelineEntry[]): Promise<Incident>;
  requireIncident(id: string): Incident;
}

export async function healthCommand(h: TerminalCommandHost): Promise<number> {
  const { policy, args, values, cwd } = h;
    const { healthChecksOf, findHealthCheck, healthCheckEntry, healthSummaryEntry, formatRunDuration, outputExcerpt } = await import('../core/health/healthChecks');
    const { runHealthCheck } = await import('../core/health/healthRun');
    const { redactSecrets } = await import('../core/health/redact');
    const all = healthChecksOf(policy);
    if (all.length === 0) throw new UsageError('The playbook declares no healthChecks (add them to .incident/playbook.yml; incident init writes an example).');
    const unknown = args.filter((n) => !findHealthCheck(policy, n));
    if (unknown.length) throw new UsageError(`No health check ${unknown.map((n) => `"${shown(n)}"`).join(', ')} in the playbook (there are: ${all.map((c) => c.name).join(', ')}).`);
    const checks = args.length ? [...new Set(args.map((n) => findHealthCheck(policy, n)!))] : all;
    const incidentId = h.incidentToLog(values.incident, values['no-log']);
    const root = h.checksRoot();
    const results = await withInterrupt(async (signal) => {
      const out: Array<Awaited<ReturnType<typeof runHealthCheck>> & { at: Date }> = [];
      for (const check of checks) {
        if (signal.aborted) break;
        const r = await runHealthCheck(check, root, { signal });
        out.push({ ...r, at: new Date() });
      }
      return out;
    });
    if (values.json) {
      printJson(
        {
          results: results.map((r) => ({ name: r.name, status: r.status, exitCode: r.exitCode ?? null, durationMs: r.durationMs, entry: healthCheckEntry(r), output: outputExcerpt(r.output) })),
          loggedTo: incidentId ?? null,
        },
        2,
      );
    } else {
      const rows = [['CHECK', 'RESULT', 'EXIT', 'TIME', 'OUTPUT'], ...results.map((r) => [shown(r.name), r.status.toUpperCase(), r.exitCode === undefined ? '-' : String(r.exitCode), formatRunDuration(r.durationMs), lastLine(r.output, redactSecrets)])];
      const widths = [0, 1, 2, 3].map((c) => Math.min(32, Math.max(...rows.map((row) => row[c].length))));
      for (const row of rows) print(row.map((cell, c) => (c < 4 ? pad(cell, widths[c]) : cell)).join('  ').trimEnd());
    }
    if (incidentId && results.length) {
      const owner = values.owner ?? (await gitAuthor(cwd, policy));
      const entries: NewTimelineEntry[] = results.map((r) => ({ at: r.at, text: healthCheckEntry(r), owner }));
      if (results.length > 1) entries.push({ at: results[results.length - 1].at, text: healthSummaryEntry(results), owner });
      const incident = await h.logEntries(incidentId, entries);
      note(`Logged ${results.length === 1 ? 'the result' : `${results.length} results`} to ${shown(incident.id)}.`);
    }
    if (results.length < checks.length) {
      note('Interrupted.');
      return 1;
    }
    return results.every((r) => r.status === 'pass') ? 0 : 1;
}

export async function runbookCommand(h: TerminalCommandHost): Promise<number> {
  const { policy, args, values, cwd } = h;
    const { runbooksOf, findRunbook, runbookParamEnv, healthCheckEntry } = await import('../core/health/healthChecks');
    const books = runbooksOf(policy);
    if (args.length === 0) {
      if (values.run !== undefined) throw new UsageError('Usage: incident runbook TYPE --run N');
      if (books.length === 0) print('The playbook declares no runbooks (incident init writes some).');
      for (const b of books) print(`${pad(shown(b.id), 22)}  ${shown(b.title)}${b.severity ? ` (${shown(b.severity)})` : ''}, ${b.steps.length} steps`);
      return 0;
    }
    if (args.length !== 1) throw new UsageError('Usage: incident runbook TYPE [--run N] [--yes] [--param NAME=VALUE] [--incident ID]');
    const book = findRunbook(policy, args[0]);
    if (!book) throw new UsageError(`No runbook "${shown(args[0])}" in the playbook (there are: ${books.map((b) => b.id).join(', ') || 'none'}).`);
    if (values.run === undefined) {
      if (values.incident) h.requireIncident(values.incident);
      const out = [`${shown(book.title)} (${shown(book.id)})${book.severity ? ` — severity ${shown(book.severity)}` : ''}`];
      if (book.params.length) out.push(`Parameters (--param NAME=VALUE, passed as environment variables): ${book.params.map((p) => `${p.name} (${shown(p.pattern)})`).join(', ')}`);
      book.steps.forEach((step, i) => {
        out.push('', `${i + 1}. ${shown(step.title)}${step.dangerous ? '  [dangerous: needs --yes]' : ''}`);
        if (step.run) for (const line of step.run.split('\n')) out.push(`     $ ${shown(line)}`);
        if (step.notes) out.push(`     ${shown(step.notes)}`);
      });
      print(out.join('\n'));
      return 0;
    }
    const n = Number(values.run);
    if (!Number.isInteger(n) || n < 1 || n > book.steps.length) throw new UsageError(`--run takes a step number from 1 to ${book.steps.length}.`);
    const step = book.steps[n - 1];
    if (!step.run) throw new UsageError(`Step ${n} (${shown(step.title)}) has no command to run: ${shown(step.notes ?? '')}`);
    const given: Record<string, string> = {};
    for (const p of values.param ?? []) {
      const eq = p.indexOf('=');
      if (eq < 1) throw new UsageError(`--param "${shown(p)}" is not NAME=VALUE.`);
      given[p.slice(0, eq)] = p.slice(eq + 1);
    }
    const params = runbookParamEnv(book, given, step);
    if ('problems' in params) throw new UsageError(`Runbook ${book.id}: ${params.problems.map((x) => shown(x)).join('; ')}.`);
    if (step.dangerous && !values.yes) throw new UsageError(`Step ${n} (${shown(step.title)}) is dangerous. It runs:\n\n  ${shown(step.run)}\n\nRun it again with --yes to confirm.`);
    const incidentId = h.incidentToLog(values.incident, values['no-log']);
    const { runCommand } = await import('../core/health/healthRun');
    const { createRedactingStream } = await import('../core/health/redact');
    const root = h.checksRoot();
    note(`Running step ${n} of ${shown(book.id)}: ${shown(step.title)}`);
    // Shown live, a line at a time (a key block once it has ended), redacted and made safe for
    // the terminal. Redacting each chunk alone would show a secret cut across two chunks.
    const redacting = createRedactingStream();
    const show = (text: string) => {
      if (text) process.stdout.write(sanitizeForDisplay(text, { multiline: true }));
    };
    const run = await withInterrupt((signal) =>
      runCommand({
        command: step.run as string,
        cwd: root,
        timeoutMs: 30 * 60_000,
        env: params.env,
        signal,
        onOutput: (chunk) => show(redacting.push(chunk)),
      }),
    );
    const rest = redacting.end();
    show(rest && !/[\n\r]$/.test(rest) ? rest + '\n' : rest);
    const { runbookStepName } = await import('../core/response/runbookChecklist');
    const entry = healthCheckEntry({ ...run, name: runbookStepName(book, n), kind: 'Runbook step' });
    note(entry);
    if (incidentId) {
      const owner = values.owner ?? (await gitAuthor(cwd, policy));
      const incident = await h.logEntries(incidentId, [{ at: new Date(), text: entry, owner }]);
      note(`Logged to ${shown(incident.id)}.`);
    }
    return run.status === 'pass' ? 0 : 1;
}
