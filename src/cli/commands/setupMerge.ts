// `incident setup-merge`: merge=union for the record (the log and the files it links) in the root
// .gitattributes, so that appends from several clones merge without conflict.
import { type CliContext, defineCommand } from '../command';
import { note } from '../output';

export default defineCommand({
  name: 'setup-merge',
  usage: 'setup-merge',
  summary: 'Add merge=union for the record to .gitattributes.',
  options: [],
  maxArgs: 0,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { readTextFile } = await import('../../core/log/logFile');
  const { setupMerge } = await import('../gitRecord');
  const index = readTextFile(ctx.logPath) === undefined ? undefined : ctx.readLog().index;
  const { added, where } = await setupMerge(ctx.logPath, index, ctx.cwd);
  if (added.length === 0) note(`${where} already merges the incident record by union; nothing to do.`);
  else note(`Added to ${where}:\n${added.map((l) => `  ${l}`).join('\n')}\nCommit it so that every clone merges the record by union.`);
  return 0;
}
