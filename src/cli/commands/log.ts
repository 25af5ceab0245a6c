// `incident log ID MESSAGE`: one timeline entry.
import type { CliContext, OptionSpec } from '../command';
import { UsageError, note, shown } from '../output';

export const name = 'log';
export const usage = 'log ID MESSAGE [--at ISO] [--owner NAME]';
export const summary = 'Append a timeline entry.';
export const options: OptionSpec[] = [
  { name: 'at', value: 'ISO', description: 'When it happened (default: now).' },
  { name: 'owner', value: 'NAME', description: 'Who it is by (default: git’s user.name).' },
];

export async function run(ctx: CliContext): Promise<number> {
  const { args, values, policy } = ctx;
  if (args.length < 2) throw new UsageError(`Usage: incident ${usage}`);
  const { appendTimelineEntry } = await import('../../core/log/writer');
  const [id, ...words] = args;
  const message = words.join(' ');
  const at = ctx.parseTime(values.at, '--at');
  const owner = values.owner ?? (await ctx.gitUser());
  const incident = await ctx.writeIncident(id, (index, incId) => appendTimelineEntry(index, incId, { at, text: message, owner }, policy));
  note(`Logged to ${shown(incident.id)}.`);
  return 0;
}
