// `incident review ID`: drafts the post-incident review in pir/ID.md beside the log (never over
// one that exists) and links it from the incident; prints its path.
import { dirname, join, relative, resolve } from 'node:path';
import { type CliContext, defineCommand } from '../command';
import { note, print, shown } from '../output';

export default defineCommand({
  name: 'review',
  usage: 'review ID',
  summary: 'Draft the post-incident review in pir/ID.md beside the log (never overwrites); prints its path.',
  options: [],
  minArgs: 1,
  maxArgs: 1,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { args, policy, cwd, files, logPath } = ctx;
  const { index } = ctx.readLog();
  const incident = ctx.requireIncident(index, args[0]);
  const { planReview } = await import('../../core/review/review');
  const { findTeamFile } = await import('../../core/log/logFile');
  const { setField } = await import('../../core/log/writer');
  // The team's template, in the log's folder or one above it up to the repository root.
  const templatePath = findTeamFile(dirname(logPath), join('.incident', 'templates', 'pir.md'), files.root);
  // Read through the repository: a template linked to a file outside it is refused, never copied in.
  const template = templatePath ? files.read(templatePath) : undefined;
  const plan = planReview(index, incident, policy, logPath.split(/[\\/]/).pop() ?? 'INCIDENT_LOG.md', template);
  const path = resolve(dirname(logPath), 'pir', plan.fileName);
  const where = relative(cwd, path) || path;
  // The link goes in first: a log that cannot be written (conflict markers) gets no orphan
  // draft, and a draft whose link was lost gets it back.
  if (plan.writeField) await ctx.writeIncident(incident.id, (i, incId) => setField(i, incId, 'Review', plan.fieldValue, policy));
  if (!(await files.create(path, plan.draft(new Date())))) {
    note(`${where} already exists; it was left as it is.`);
    print(where);
    return 0;
  }
  note(`Drafted the post-incident review of ${shown(incident.id)}.`);
  print(where);
  return 0;
}
