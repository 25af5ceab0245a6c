// `incident resolve ID`: the status, the resolved time and a timeline entry.
import type { CliContext, OptionSpec } from '../command';
import { expectArgs } from '../command';
import { note, shown } from '../output';

export const name = 'resolve';
export const usage = 'resolve ID [--at ISO] [--owner NAME]';
export const summary = 'Resolve an incident.';
export const options: OptionSpec[] = [
  { name: 'at', value: 'ISO', description: 'When it was resolved (default: now).' },
  { name: 'owner', value: 'NAME', description: 'Who resolved it (default: git’s user.name).' },
];

export async function run(ctx: CliContext): Promise<number> {
  const { args, values, policy } = ctx;
  expectArgs(ctx, 1, usage);
  const { resolveIncident } = await import('../../core/log/writer');
  const at = ctx.parseTime(values.at, '--at');
  const owner = values.owner ?? (await ctx.gitUser());
  const incident = await ctx.writeIncident(args[0], (index, incId) => resolveIncident(index, incId, { at, owner }, policy));
  note(`Resolved ${shown(incident.id)}.`);
  return 0;
}
