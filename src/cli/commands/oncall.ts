// `incident oncall`: who is on call, until when, who is next, and the escalation contacts
// (computed by core/oncall/oncallReport.ts, loaded when it runs).
import { type CliContext, defineCommand } from '../command';
import { JSON_OUTPUT } from '../options';
import { UsageError, print, printJson } from '../output';

export default defineCommand({
  name: 'oncall',
  usage: 'oncall [--at ISO] [--json]',
  summary: 'Who is on call, until when; escalation contacts.',
  options: [
    { name: 'at', value: 'ISO', description: 'Who is on call at this time (default: now; without an offset, in the rotation’s zone).' },
    JSON_OUTPUT,
  ],
  maxArgs: 0,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { values, policy } = ctx;
  const r = (await import('../../core/oncall/oncallReport')).oncallCommand(policy, values.at);
  if ('problem' in r) throw new UsageError(r.problem);
  if (values.json) printJson(r.report, 2);
  else print(r.text);
  return 0;
}
