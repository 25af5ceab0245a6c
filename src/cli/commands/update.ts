// `incident update ID [--format markdown|slack|text] [--audience internal|statuspage] [--sent]`:
// prints the status update prefilled from the log; `--sent` logs it as sent, which restarts
// that audience's update countdown.
import type { Audience } from '../../core/comms/statusUpdate';
import type { OptionSpec } from '../command';
import type { CommandContext } from './shared';

export const name = 'update';
export const usage = 'update ID [--format markdown|slack|text] [--audience internal|statuspage] [--sent] [--at ISO] [--now ISO] [--owner NAME]';
export const summary = 'Print the status update prefilled from the log; --sent logs it as sent (restarts the countdown).';
export const options: OptionSpec[] = [
  { name: 'format', value: 'markdown|slack|text', description: 'How to write it (default: markdown).' },
  { name: 'audience', value: 'internal|statuspage', description: 'Who it is for (default: internal).' },
  { name: 'sent', description: 'Log it as sent on the incident’s timeline.' },
  { name: 'at', value: 'ISO', description: 'When it is sent (default: now).' },
  { name: 'now', value: 'ISO', description: 'The same as --at.' },
  { name: 'owner', value: 'NAME', description: 'Who sent it (default: git’s user.name).' },
];

const AUDIENCES: Record<string, Audience> = { internal: 'internal', team: 'internal', statuspage: 'statuspage', public: 'statuspage', status: 'statuspage' };

export async function run(ctx: CommandContext): Promise<number> {
  const { composeStatusUpdate, renderStatusUpdate, statusUpdateEntryText } = await import('../../core/comms/statusUpdate');
  const { CommandError, FORMATS, choice, guarded, note, nowOf, print, readIndex, requireIncident } = await import('./shared');
  return guarded(async () => {
    if (ctx.args.length !== 1) throw new CommandError(`Usage: incident ${usage}`);
    const format = choice('format', ctx.values.format, FORMATS, 'markdown');
    const audience = choice('audience', ctx.values.audience, AUDIENCES, 'internal');
    const now = nowOf(ctx, ctx.values.at !== undefined ? 'at' : 'now');
    const incident = requireIncident(readIndex(ctx), ctx.args[0], ctx);
    const text = renderStatusUpdate(composeStatusUpdate(incident, ctx.policy, now, audience), format, ctx.policy.timeZone);
    print(text);
    if (ctx.values.sent) {
      if (incident.source === 'table-row') throw new CommandError(`${incident.id} is a table row: it has no timeline to log the update in.`);
      const owner = ctx.values.owner ?? (await ctx.gitUser());
      await ctx.logEntries(incident.id, [{ at: now, text: statusUpdateEntryText(audience, text), owner }]);
      note(`Logged the ${audience === 'internal' ? 'internal' : 'status page'} update as sent on ${incident.id}.`);
    }
    return 0;
  });
}
