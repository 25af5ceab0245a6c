// `incident commit ID`: commits exactly the incident's record (log, linked file, review);
// --push merges the remote's new commits first.
import { dirname } from 'node:path';
import { type CliContext, defineCommand } from '../command';
import { note, print, shown } from '../output';

export default defineCommand({
  name: 'commit',
  usage: 'commit ID [--push]',
  summary: 'Commit only the incident\'s record (log, linked file, review); --push merges the remote first.',
  options: [
    { name: 'push', description: 'Push the commit, merging the remote’s new commits first.' },
  ],
  minArgs: 1,
  maxArgs: 1,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { args, values } = ctx;
  const { gitRepo } = await import('../gitRecord');
  const { GitUnavailable } = await import('../../core/git/repo');
  const { WriteRefused } = await import('../../core/log/writer');
  const repo = await gitRepo(dirname(ctx.logPath));
  const { commitIncidentRecord } = await import('../../core/git/commitRecord');
  let outcome;
  try {
    outcome = await commitIncidentRecord({ repo, logPath: ctx.logPath, incidentId: args[0], policy: ctx.policy, push: values.push, onProgress: (step) => note(step), workspaceFolder: ctx.cwd });
  } catch (e) {
    throw e instanceof GitUnavailable ? new WriteRefused(e.message) : e;
  }
  if (outcome.committed) note(`Committed ${outcome.files.paths.join(', ')}: ${outcome.message}`);
  else note(`Nothing to commit: the record of ${shown(args[0])} (${outcome.files.paths.join(', ')}) is as last committed.`);
  if (outcome.pushed) note(`${outcome.pulled ? 'Merged the remote’s new commits and pushed' : 'Pushed'} to ${outcome.pushedTo}.`);
  if (outcome.hash) print(outcome.hash);
  return 0;
}
