// `incident metrics`: time to detect / acknowledge / mitigate / resolve, frequency and compliance
// figures over a period (computed and printed by metricsReport.ts, loaded when it runs).
import type { CliContext, OptionSpec } from '../command';

export const name = 'metrics';
export const usage = 'metrics [--json] [--csv] [--since DATE] [--until DATE] [--severity S] [--now ISO]';
export const summary = 'Time to detect / acknowledge / mitigate / resolve, frequency and compliance figures.';
export const options: OptionSpec[] = [
  { name: 'json', description: 'Print the figures as JSON.' },
  { name: 'csv', description: 'Print one CSV row per incident.' },
  { name: 'since', value: 'DATE', description: 'Incidents detected from this day (its midnight) or date-time on.' },
  { name: 'until', value: 'DATE', description: 'Incidents detected up to this day (included whole) or date-time.' },
  { name: 'severity', value: 'S', description: 'Only incidents of severity S.' },
  { name: 'now', value: 'ISO', description: 'Measure as of this time (default: now).' },
];

export async function run(ctx: CliContext): Promise<number> {
  return (await import('../metricsReport')).run(ctx);
}
