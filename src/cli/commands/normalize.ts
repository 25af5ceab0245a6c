// `incident normalize ID`: the incident's timeline entries sorted by time (after a merge).
import type { TimelineOrder } from '../../core/git/timelineOrder';
import { type CliContext, defineCommand } from '../command';
import { note, shown } from '../output';

export default defineCommand({
  name: 'normalize',
  usage: 'normalize ID',
  summary: 'Sort the incident\'s timeline entries by time.',
  options: [],
  minArgs: 1,
  maxArgs: 1,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { args } = ctx;
  const { normalizeTimeline } = await import('../../core/git/timelineOrder');
  const { applySplices } = await import('../../core/log/writer');
  let result: TimelineOrder | undefined;
  const incident = await ctx.writeIncidentText(args[0], (text, index, incId) => {
    result = normalizeTimeline(index, incId);
    return applySplices(text, result.splices);
  });
  const r = result as TimelineOrder | undefined;
  if (!r || r.moved === 0) note(`The timeline of ${shown(incident.id)} is already in time order (${r?.entries ?? 0} entries).`);
  else note(`Sorted the timeline of ${shown(incident.id)} by time: ${r.moved} of ${r.entries} entries moved.`);
  return 0;
}
