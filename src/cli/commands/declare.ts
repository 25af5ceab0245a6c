// `incident declare TITLE --severity S`: a new incident in the canonical format; prints its id last.
import { relative } from 'node:path';
import { type CliContext, defineCommand } from '../command';
import { AT, OWNER } from '../options';
import { UsageError, note, print } from '../output';

export default defineCommand({
  name: 'declare',
  usage: 'declare TITLE --severity S [--commander NAME] [--at ISO] [--drill] [--owner NAME] [--title TITLE]',
  summary: 'Declare an incident (the commander is logged); prints its ID last.',
  options: [
    { name: 'severity', value: 'S', description: 'Its severity (required): one of the policy’s.' },
    { name: 'commander', value: 'NAME', description: 'The incident commander, logged on the timeline.' },
    AT,
    { name: 'drill', description: 'Mark it as an exercise.' },
    OWNER,
    { name: 'title', value: 'TITLE', description: 'The title, instead of the words after declare.' },
  ],
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { args, values, policy, cwd, files, logPath } = ctx;
  const { matchSeverity, unknownSeverityMessage } = await import('../../core/playbook/policy');
  const { applySplices, declareIncident } = await import('../../core/log/writer');
  const { indexFile } = await import('../../core/log/logFile');
  // The title is the positional words (`declare "Checkout down" --severity SEV-1`) or --title.
  if (args.length && values.title !== undefined) throw new UsageError('Give the title once: as words after declare, or as --title, not both.');
  const title = values.title ?? args.join(' ');
  if (!title.trim()) throw new UsageError('declare needs a title: incident declare "What is broken" --severity S.');
  if (!values.severity) throw new UsageError(`declare needs --severity (one of ${policy.severities.map((s) => s.id).join(', ')}).`);
  if (!matchSeverity(policy, values.severity)) throw new UsageError(unknownSeverityMessage(policy, values.severity));
  // The declaration is by whoever runs it (as every other entry is), as the extension writes it.
  const { at, owner } = await ctx.actor();
  const severity = values.severity;
  // The next id is taken under the lock, so two declarations at once get two ids.
  let id = '';
  const { before } = await files.update(logPath, (text) => {
    const index = text === undefined ? null : indexFile(logPath, text, policy, { root: files.root });
    const declared = declareIncident(index, { title, severity, commander: values.commander ?? null, at, owner, drill: values.drill }, policy);
    id = declared.id;
    return declared.newText ?? applySplices(text as string, declared.splices);
  });
  if (before === undefined) note(`Created ${relative(cwd, logPath) || logPath}`);
  print(id);
  return 0;
}
