// The health checks as an agent runs them (`incident mcp --allow-run`): the playbook's commands,
// run in the folder holding `.incident/`, one after another, their output redacted of secrets
// before it leaves this process, and the timeline entries that log them (written only through a
// preview and apply_change).
import type { CliContext } from '../command';
import type { NewTimelineEntry } from '../../core/log/writer';
import type { AgentResult } from '../../core/agent/operations';
import { AgentInputError } from '../../core/agent/operations';

/** How much of a command's output (its last lines, redacted) an agent is given. */
const AGENT_EXCERPT_CHARS = 4000;

export async function runChecks(ctx: CliContext, names: string[]): Promise<{ answer: AgentResult; entries(owner: string | null): NewTimelineEntry[] }> {
  const { healthChecksOf, findHealthCheck, healthCheckEntry, healthSummaryEntry, outputExcerpt } = await import('../../core/health/healthChecks');
  const { runHealthCheck } = await import('../../core/health/healthRun');
  const all = healthChecksOf(ctx.policy);
  if (all.length === 0) throw new AgentInputError('The playbook declares no healthChecks (.incident/playbook.yml).');
  const unknown = names.filter((n) => !findHealthCheck(ctx.policy, n));
  if (unknown.length) throw new AgentInputError(`No health check ${unknown.map((n) => `"${n}"`).join(', ')} in the playbook (there are: ${all.map((c) => c.name).join(', ')}).`);
  const checks = names.length ? [...new Set(names.map((n) => findHealthCheck(ctx.policy, n)!))] : all;
  const root = ctx.checksRoot();
  const results: Array<Awaited<ReturnType<typeof runHealthCheck>> & { at: Date }> = [];
  for (const check of checks) results.push({ ...(await runHealthCheck(check, root, {})), at: new Date() });
  const rows = results.map((r) => ({ name: r.name, status: r.status, exitCode: r.exitCode ?? null, durationMs: r.durationMs, entry: healthCheckEntry(r), output: outputExcerpt(r.output, AGENT_EXCERPT_CHARS) }));
  return {
    answer: { structured: { results: rows }, text: rows.map((r) => `${r.name}: ${r.status.toUpperCase()}${r.exitCode === null ? '' : ` (exit ${r.exitCode})`}${r.output ? `\n${r.output}` : ''}`).join('\n') },
    entries: (owner) => {
      const entries: NewTimelineEntry[] = results.map((r) => ({ at: r.at, text: healthCheckEntry(r), owner }));
      if (results.length > 1) entries.push({ at: results[results.length - 1].at, text: healthSummaryEntry(results), owner });
      return entries;
    },
  };
}

/**
 * Step `n` of a runbook, as `incident runbook TYPE --run N` runs it: its parameters checked
 * against their patterns, and a dangerous step refused unless `confirmed` (the CLI's --yes).
 */
export async function runRunbookStep(ctx: CliContext, input: { runbook: string; step: number; params?: Record<string, string>; confirmDangerous?: boolean }): Promise<{ answer: AgentResult; entries(owner: string | null): NewTimelineEntry[] }> {
  const { runbooksOf, findRunbook, runbookParamEnv, healthCheckEntry, outputExcerpt } = await import('../../core/health/healthChecks');
  const { runCommand } = await import('../../core/health/healthRun');
  const { runbookStepName } = await import('../../core/response/runbookChecklist');
  const book = findRunbook(ctx.policy, input.runbook);
  if (!book) throw new AgentInputError(`No runbook "${input.runbook}" in the playbook (there are: ${runbooksOf(ctx.policy).map((b) => b.id).join(', ') || 'none'}).`);
  const n = input.step;
  if (!Number.isInteger(n) || n < 1 || n > book.steps.length) throw new AgentInputError(`step is a number from 1 to ${book.steps.length}.`);
  const step = book.steps[n - 1];
  if (!step.run) throw new AgentInputError(`Step ${n} (${step.title}) has no command to run: ${step.notes ?? ''}`);
  const params = runbookParamEnv(book, input.params ?? {}, step);
  if ('problems' in params) throw new AgentInputError(`Runbook ${book.id}: ${params.problems.join('; ')}.`);
  if (step.dangerous && input.confirmDangerous !== true) throw new AgentInputError(`Step ${n} (${step.title}) is dangerous. It runs: ${step.run.replace(/\s+/g, ' ')} — ask the user, and call again with confirm_dangerous: true only if they confirm.`);
  const at = new Date();
  const run = await runCommand({ command: step.run, cwd: ctx.checksRoot(), timeoutMs: 30 * 60_000, env: params.env });
  const entry = healthCheckEntry({ ...run, name: runbookStepName(book, n), kind: 'Runbook step' });
  const output = outputExcerpt(run.output, AGENT_EXCERPT_CHARS);
  return {
    answer: { structured: { results: [{ name: runbookStepName(book, n), status: run.status, exitCode: run.exitCode ?? null, durationMs: run.durationMs, entry, output }] }, text: `${entry}${output ? `\n${output}` : ''}` },
    entries: (owner) => [{ at, text: entry, owner }],
  };
}
