// `incident init`: a commented .incident/playbook.yml with runbooks; beside a log the team
// already keeps, one that lists what the log writes, for the team to map (never overwrites).
import { join, relative } from 'node:path';
import { type CliContext, defineCommand } from '../command';
import { note, print } from '../output';

export default defineCommand({
  name: 'init',
  usage: 'init [--merge]',
  summary: 'Write a commented .incident/playbook.yml with runbooks; for an existing log, it lists the severities, statuses and field keys the log writes, unknown ones marked (never overwrites).',
  options: [
    { name: 'merge', description: 'Also set up union merging for the record (as setup-merge does).' },
  ],
  maxArgs: 0,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { values, policy, cwd, files, logPath } = ctx;
  await (await import('../gitRecord')).initMerge(logPath, policy, values.merge, cwd);
  const { PLAYBOOK_TEMPLATE } = await import('../../core/playbook/playbookTemplate');
  const { findGitRoot } = await import('../../core/log/paths');
  const { RepositoryFiles } = await import('../../core/log/repositoryFiles');
  const root = findGitRoot(cwd) ?? cwd;
  const rootFiles = new RepositoryFiles(root);
  const path = join(root, '.incident', 'playbook.yml');
  const where = relative(cwd, path) || path;
  const exists = () => {
    note(`${where} already exists; it was left as it is.`);
    return 0;
  };
  // A log the team already keeps: the playbook lists what it writes, for the team to map.
  const logText = files.read(logPath);
  if (logText !== undefined) {
    const { proposePlaybook } = await import('../../core/playbook/playbookProposal');
    const { indexFile } = await import('../../core/log/logFile');
    const index = indexFile(logPath, logText, policy, { root: files.root });
    if (!(await rootFiles.create(path, proposePlaybook(index, policy, relative(root, logPath) || logPath)))) return exists();
    note(`Wrote ${where}: it lists the severities, statuses and field keys ${relative(cwd, logPath) || logPath} writes; map the ones marked UNKNOWN, then edit the health checks and runbooks.`);
    print(where);
    return 0;
  }
  if (!(await rootFiles.create(path, PLAYBOOK_TEMPLATE))) return exists();
  note(`Wrote ${where}: edit the health checks and runbooks to fit your services.`);
  print(where);
  return 0;
}
