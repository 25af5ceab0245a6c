// `incident changes ID`: the commits from N hours before detection until resolution (or now).
import { dirname } from 'node:path';
import { type CliContext, defineCommand } from '../command';
import { JSON_OUTPUT } from '../options';
import { UsageError, note, print, printJson, shown } from '../output';

export default defineCommand({
  name: 'changes',
  usage: 'changes ID [--hours N] [--json]',
  summary: 'Commits from N h (24) before detection until resolution or now, newest first.',
  options: [
    { name: 'hours', value: 'N', description: 'Start N hours before detection (default: 24).' },
    JSON_OUTPUT,
  ],
  minArgs: 1,
  maxArgs: 1,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { args, values } = ctx;
  const { changeWindow, parseHours } = await import('../../core/git/changeWindow');
  const { findIncident } = await import('../../core/indexer');
  const { WriteRefused } = await import('../../core/log/writer');
  const { listChanges } = await import('../../core/git/repo');
  const { isRecordFile } = await import('../../core/git/record');
  const { formatLogTime } = await import('../../core/format/time');
  const { gitRepo, linkedFilePaths } = await import('../gitRecord');
  const hours = parseHours(values.hours);
  if (typeof hours !== 'number') throw new UsageError(hours.problem);
  const { index } = ctx.readLog();
  const incident = findIncident(index, args[0]);
  if (!incident) throw new UsageError(`No incident "${args[0]}" in ${ctx.logPath}.`);
  const window = changeWindow(incident, hours, new Date());
  if ('problem' in window) throw new WriteRefused(window.problem);
  const repo = await gitRepo(dirname(ctx.logPath));
  const changes = await listChanges(repo, window.since, window.until, isRecordFile(repo.root, ctx.logPath, linkedFilePaths(ctx.logPath, index, repo.root)));
  if (repo.shallow) note('This is a shallow clone: commits older than its depth are not here (git fetch --unshallow to get them).');
  if (values.json) {
    printJson(changes.map((c) => ({ hash: c.hash, author: c.author, date: c.date, subject: c.subject, files: c.files })), process.stdout.isTTY ? 2 : undefined);
    return 0;
  }
  const zone = ctx.policy.timeZone;
  note(`Commits from ${formatLogTime(window.since, zone)} (${hours} h before ${window.from === 'detection' ? 'detection' : 'the first entry'}) to ${window.untilNow ? 'now' : `resolution, ${formatLogTime(window.until, zone)}`}:`);
  if (changes.length === 0) print('No commits in the window.');
  for (const c of changes) {
    print(`${shown(c.short)}  ${formatLogTime(new Date(c.date), zone)}  ${shown(c.author)}  ${shown(c.subject)}`);
    if (c.files.length) print(`${' '.repeat(c.short.length + 2)}${c.files.slice(0, 8).map((f) => shown(f)).join(', ')}${c.files.length > 8 ? `, and ${c.files.length - 8} more` : ''}`);
  }
  return 0;
}
