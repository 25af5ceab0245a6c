// `incident summary ID [--format markdown|slack|text]`: the executive summary and the final
// update, from the incident and its review (pir/<id>.md beside the log).
import type { OptionSpec } from '../command';
import type { CommandContext } from './shared';

export const name = 'summary';
export const usage = 'summary ID [--format markdown|slack|text] [--now ISO]';
export const summary = 'Print the executive summary and final update.';
export const options: OptionSpec[] = [
  { name: 'format', value: 'markdown|slack|text', description: 'How to write it (default: text).' },
  { name: 'now', value: 'ISO', description: 'Write it as of this time (default: now).' },
];

export async function run(ctx: CommandContext): Promise<number> {
  const { composeExecutiveSummary, renderExecutiveSummary } = await import('../../core/comms/execSummary');
  const { CommandError, FORMATS, choice, guarded, nowOf, print, readIndex, requireIncident, reviewTextOf } = await import('./shared');
  return guarded(() => {
    if (ctx.args.length !== 1) throw new CommandError(`Usage: incident ${usage}`);
    const format = choice('format', ctx.values.format, FORMATS, 'text');
    const now = nowOf(ctx);
    const incident = requireIncident(readIndex(ctx), ctx.args[0], ctx);
    print(renderExecutiveSummary(composeExecutiveSummary(incident, ctx.policy, reviewTextOf(ctx, incident), now), format));
    return 0;
  });
}
