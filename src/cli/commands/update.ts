// `incident update ID [--format markdown|slack|text] [--audience internal|statuspage] [--sent]`:
// prints the status update prefilled from the log; `--sent` logs it as sent, which restarts
// that audience's update countdown.
import type { Audience } from '../../core/comms/statusUpdate';
import { defineCommand } from '../command';
import { AT, NOW, OWNER, formatOption } from '../options';
import type { CommandContext } from './shared';

export default defineCommand({
  name: 'update',
  usage: 'update ID [--format markdown|slack|text] [--audience internal|statuspage] [--sent] [--at ISO] [--now ISO] [--owner NAME]',
  summary: 'Print the status update prefilled from the log; --sent logs it as sent (restarts the countdown).',
  options: [
    formatOption('markdown'),
    { name: 'audience', value: 'internal|statuspage', description: 'Who it is for (default: internal).' },
    { name: 'sent', description: 'Log it as sent on the incident’s timeline.' },
    AT,
    NOW,
    OWNER,
  ],
  minArgs: 1,
  maxArgs: 1,
  run,
});

const AUDIENCES: Record<string, Audience> = { internal: 'internal', team: 'internal', statuspage: 'statuspage', public: 'statuspage', status: 'statuspage' };

async function run(ctx: CommandContext): Promise<number> {
  const { composeStatusUpdate, renderStatusUpdate, statusUpdateEntryText } = await import('../../core/comms/statusUpdate');
  const { CommandError, FORMATS, choice, guarded, note, nowOf, print, readIndex, requireIncident } = await import('./shared');
  const { hasSection, writtenAs } = await import('../../core/model');
  return guarded(async () => {
    const format = choice('format', ctx.values.format, FORMATS, 'markdown');
    const audience = choice('audience', ctx.values.audience, AUDIENCES, 'internal');
    const now = nowOf(ctx, ctx.values.at !== undefined ? 'at' : 'now');
    const incident = requireIncident(readIndex(ctx), ctx.args[0], ctx);
    const text = renderStatusUpdate(composeStatusUpdate(incident, ctx.policy, now, audience), format, ctx.policy.timeZone);
    print(text);
    if (ctx.values.sent) {
      if (!hasSection(incident)) throw new CommandError(`${incident.id} is ${writtenAs(incident)}: it has no timeline to log the update in.`);
      const owner = await ctx.owner();
      await ctx.logEntries(incident.id, [{ at: now, text: statusUpdateEntryText(audience, text), owner }]);
      note(`Logged the ${audience === 'internal' ? 'internal' : 'status page'} update as sent on ${incident.id}.`);
    }
    return 0;
  });
}
