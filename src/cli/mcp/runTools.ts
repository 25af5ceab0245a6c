// The health checks as an agent runs them (`incident mcp --allow-run`): the playbook's commands,
// run in the folder holding `.incident/`, one after another, their output redacted of secrets
// before it leaves this process, and the timeline entries that log them (written only through a
// preview and apply_change).
import type { CliContext } from '../command';
import type { NewTimelineEntry } from '../../core/log/writer';
import type { AgentResult } from '../../core/agent/operations';
import { AgentInputError } from '../../core/agent/operations';

export async function runChecks(ctx: CliContext, names: string[]): Promise<{ answer: AgentResult; entries(owner: string | null): NewTimelineEntry[] }> {
  const { healthChecksOf, findHealthCheck, healthCheckEntry, healthSummaryEntry, outputExcerpt } = await import('../../core/health/healthChecks');
  const { runHealthCheck } = await import('../../core/health/healthRun');
  const { redactSecrets } = await import('../../core/health/redact');
  const all = healthChecksOf(ctx.policy);
  if (all.length === 0) throw new AgentInputError('The playbook declares no healthChecks (.incident/playbook.yml).');
  const unknown = names.filter((n) => !findHealthCheck(ctx.policy, n));
  if (unknown.length) throw new AgentInputError(`No health check ${unknown.map((n) => `"${n}"`).join(', ')} in the playbook (there are: ${all.map((c) => c.name).join(', ')}).`);
  const checks = names.length ? [...new Set(names.map((n) => findHealthCheck(ctx.policy, n)!))] : all;
  const root = ctx.checksRoot();
  const results: Array<Awaited<ReturnType<typeof runHealthCheck>> & { at: Date }> = [];
  for (const check of checks) results.push({ ...(await runHealthCheck(check, root, {})), at: new Date() });
  const rows = results.map((r) => ({ name: r.name, status: r.status, exitCode: r.exitCode ?? null, durationMs: r.durationMs, entry: healthCheckEntry(r), output: redactSecrets(outputExcerpt(r.output)) }));
  return {
    answer: { structured: { results: rows }, text: rows.map((r) => `${r.name}: ${r.status.toUpperCase()}${r.exitCode === null ? '' : ` (exit ${r.exitCode})`}${r.output ? `\n${r.output}` : ''}`).join('\n') },
    entries: (owner) => {
      const entries: NewTimelineEntry[] = results.map((r) => ({ at: r.at, text: healthCheckEntry(r), owner }));
      if (results.length > 1) entries.push({ at: results[results.length - 1].at, text: healthSummaryEntry(results), owner });
      return entries;
    },
  };
}
