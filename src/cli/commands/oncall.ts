// `incident oncall`: who is on call, until when, who is next, and the escalation contacts
// (computed by oncallReport.ts, loaded when it runs).
import type { CliContext, OptionSpec } from '../command';
import { expectArgs } from '../command';
import { UsageError, print, printJson } from '../output';

export const name = 'oncall';
export const usage = 'oncall [--at ISO] [--json]';
export const summary = 'Who is on call, until when; escalation contacts.';
export const options: OptionSpec[] = [
  { name: 'at', value: 'ISO', description: 'Who is on call at this time (default: now; without an offset, in the rotation’s zone).' },
  { name: 'json', description: 'Print it as JSON.' },
];

export async function run(ctx: CliContext): Promise<number> {
  const { values, policy } = ctx;
  expectArgs(ctx, 0, usage);
  const r = (await import('../oncallReport')).oncallCommand(policy, values.at);
  if ('problem' in r) throw new UsageError(r.problem);
  if (values.json) printJson(r.report, 2);
  else print(r.text);
  return 0;
}
