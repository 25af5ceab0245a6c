// `incident resolve ID`: the status, the resolved time and a timeline entry.
import { type CliContext, defineCommand } from '../command';
import { AT, OWNER } from '../options';
import { note, shown } from '../output';

export default defineCommand({
  name: 'resolve',
  usage: 'resolve ID [--at ISO] [--owner NAME]',
  summary: 'Resolve an incident.',
  options: [AT, OWNER],
  minArgs: 1,
  maxArgs: 1,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { args, policy } = ctx;
  const { resolveIncident } = await import('../../core/log/writer');
  const { at, owner } = await ctx.actor();
  const incident = await ctx.writeIncident(args[0], (index, incId) => resolveIncident(index, incId, { at, owner }, policy));
  note(`Resolved ${shown(incident.id)}.`);
  return 0;
}
