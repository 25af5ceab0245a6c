// `incident health [NAME...]`: the playbook's health checks run as child processes (the same
// runner, timeout, capture and redaction as the editor's terminal), each result logged on the
// incident's timeline.
import { type CliContext, defineCommand } from '../command';
import { INCIDENT, JSON_OUTPUT, NO_LOG, OWNER } from '../options';
import type { NewTimelineEntry } from '../../core/log/writer';
import { UsageError, lastLine, note, pad, print, printJson, shown, withInterrupt } from '../output';

export default defineCommand({
  name: 'health',
  usage: 'health [NAME...] [--incident ID] [--no-log] [--json] [--owner NAME]',
  summary: 'Run the playbook\'s health checks (all, or those named); log each result on the incident (the only active one when --incident is not given); exit 1 when any fails, times out or has no exit code.',
  options: [
    INCIDENT,
    NO_LOG,
    JSON_OUTPUT,
    OWNER,
  ],
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { policy, args, values } = ctx;
  const { healthChecksOf, findHealthCheck, healthCheckEntry, healthSummaryEntry, formatRunDuration, outputExcerpt } = await import('../../core/health/healthChecks');
  const { runHealthCheck } = await import('../../core/health/healthRun');
  const { redactSecrets } = await import('../../core/health/redact');
  const all = healthChecksOf(policy);
  if (all.length === 0) throw new UsageError('The playbook declares no healthChecks (add them to .incident/playbook.yml; incident init writes an example).');
  const unknown = args.filter((n) => !findHealthCheck(policy, n));
  if (unknown.length) throw new UsageError(`No health check ${unknown.map((n) => `"${shown(n)}"`).join(', ')} in the playbook (there are: ${all.map((c) => c.name).join(', ')}).`);
  const checks = args.length ? [...new Set(args.map((n) => findHealthCheck(policy, n)!))] : all;
  const incidentId = ctx.incidentToLog(values.incident, values['no-log']);
  const root = ctx.checksRoot();
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
    const owner = await ctx.owner();
    const entries: NewTimelineEntry[] = results.map((r) => ({ at: r.at, text: healthCheckEntry(r), owner }));
    if (results.length > 1) entries.push({ at: results[results.length - 1].at, text: healthSummaryEntry(results), owner });
    const incident = await ctx.logEntries(incidentId, entries);
    note(`Logged ${results.length === 1 ? 'the result' : `${results.length} results`} to ${shown(incident.id)}.`);
  }
  if (results.length < checks.length) {
    note('Interrupted.');
    return 1;
  }
  return results.every((r) => r.status === 'pass') ? 0 : 1;
}
