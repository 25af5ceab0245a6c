// `incident check`: the log's problems, each with its file and line; exit 1 when any asks for a fix.
import { dirname, relative, resolve } from 'node:path';
import { type CliContext, defineCommand } from '../command';
import { JSON_OUTPUT, NOW } from '../options';
import { print, printJson, shown } from '../output';

export default defineCommand({
  name: 'check',
  usage: 'check [--json] [--now ISO]',
  summary: 'Report problems (exit 1 when there are any).',
  options: [JSON_OUTPUT, NOW],
  maxArgs: 0,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { values, policy, cwd, files, logPath, inferred } = ctx;
  const now = ctx.parseTime(values.now, '--now');
  const { index } = ctx.readLog();
  const { checkLog } = await import('../../core/response/check');
  const problems = checkLog(index, policy, now);
  // The log was read with the preset chosen above (the index was given it): say so, as the index would.
  if (inferred && !index.inferredPolicy) problems.unshift({ code: 'severity-preset', message: inferred.reason, line: 1, severity: 'info' });
  // Each incident's review beside the log (pir/<id>.md): its open action items past due.
  const { reviewFileName } = await import('../../core/review/review');
  const { overdueActionItems } = await import('../../core/review/reviewActions');
  for (const incident of index.incidents) {
    const file = `pir/${reviewFileName(incident)}`;
    let review: string | undefined;
    try {
      review = files.read(resolve(dirname(logPath), file));
    } catch {
      continue; // unreadable (binary, too big): not this check's business
    }
    if (review !== undefined) problems.push(...overdueActionItems(review, now, { zone: policy.timeZone, incidentId: incident.id, file }));
  }
  problems.push(...(await import('../../core/git/attributes')).unionMergeProblems(logPath));
  // How the log was read, once, when a reading rule guessed (prose sections, a table of
  // occurrences, statuses from words) or the log was read in several parts (a summary table and
  // sections): the judgement calls a person may read otherwise.
  const summary = (await import('../../core/reader/readingSummary')).readingSummary(index);
  if (summary.worthSaying) problems.push({ code: 'reading-summary', message: summary.text, line: 1, severity: 'info' });
  // Info findings (the preset a log was read with) are printed but ask for no fix.
  const toFix = problems.filter((p) => p.severity !== 'info').length;
  if (values.json) printJson(problems, 2);
  else {
    for (const p of problems) print(`${relative(cwd, p.file ? resolve(dirname(logPath), p.file) : logPath) || logPath}:${p.line}: ${p.severity}: ${shown(p.message)} [${p.code}]`);
    if (toFix === 0) print('No problems.');
  }
  return toFix ? 1 : 0;
}
