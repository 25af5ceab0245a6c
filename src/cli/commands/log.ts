// `incident log ID MESSAGE`: one timeline entry.
import { type CliContext, defineCommand } from '../command';
import { AT, OWNER } from '../options';
import { note, shown } from '../output';

export default defineCommand({
  name: 'log',
  usage: 'log ID MESSAGE [--at ISO] [--owner NAME]',
  summary: 'Append a timeline entry.',
  options: [AT, OWNER],
  minArgs: 2,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { args, policy } = ctx;
  const { appendTimelineEntry } = await import('../../core/log/writer');
  const [id, ...words] = args;
  const message = words.join(' ');
  const { at, owner } = await ctx.actor();
  const incident = await ctx.writeIncident(id, (index, incId) => appendTimelineEntry(index, incId, { at, text: message, owner }, policy));
  note(`Logged to ${shown(incident.id)}.`);
  return 0;
}
