// `incident summary ID [--format markdown|slack|text]`: the executive summary and the final
// update, from the incident and its review (pir/<id>.md beside the log).
import { defineCommand } from '../command';
import { NOW, formatOption } from '../options';
import type { CommandContext } from './shared';

export default defineCommand({
  name: 'summary',
  usage: 'summary ID [--format markdown|slack|text] [--now ISO]',
  summary: 'Print the executive summary and final update.',
  options: [formatOption('text'), NOW],
  minArgs: 1,
  maxArgs: 1,
  run,
});

async function run(ctx: CommandContext): Promise<number> {
  const { composeExecutiveSummary, renderExecutiveSummary } = await import('../../core/comms/execSummary');
  const { FORMATS, choice, guarded, nowOf, print, readIndex, requireIncident, reviewTextOf } = await import('./shared');
  return guarded(() => {
    const format = choice('format', ctx.values.format, FORMATS, 'text');
    const now = nowOf(ctx);
    const incident = requireIncident(readIndex(ctx), ctx.args[0], ctx);
    print(renderExecutiveSummary(composeExecutiveSummary(incident, ctx.policy, reviewTextOf(ctx, incident), now), format));
    return 0;
  });
}
