// `incident summary ID [--format markdown|slack|text]`: the executive summary and the final
// update, from the incident and its review (pir/<id>.md beside the log).
import { composeExecutiveSummary, renderExecutiveSummary } from '../../core/comms/execSummary';
import { type CommandContext, CommandError, FORMATS, choice, guarded, nowOf, print, readIndex, requireIncident, reviewTextOf } from './shared';

export function run(ctx: CommandContext): Promise<number> {
  return guarded(() => {
    if (ctx.args.length !== 1) throw new CommandError('Usage: incident summary ID [--format markdown|slack|text]');
    const format = choice('format', ctx.values.format, FORMATS, 'text');
    const now = nowOf(ctx);
    const incident = requireIncident(readIndex(ctx), ctx.args[0], ctx);
    print(renderExecutiveSummary(composeExecutiveSummary(incident, ctx.policy, reviewTextOf(ctx, incident), now), format));
    return 0;
  });
}
