// `incident metrics`: time to detect / acknowledge / mitigate / resolve, frequency and compliance
// figures over a period (computed and printed by metricsReport.ts, loaded when it runs).
import { type CliContext, defineCommand } from '../command';
import { JSON_OUTPUT, NOW, SEVERITY_FILTER } from '../options';

export default defineCommand({
  name: 'metrics',
  usage: 'metrics [--json] [--csv] [--since DATE] [--until DATE] [--severity S] [--now ISO]',
  summary: 'Time to detect / acknowledge / mitigate / resolve, frequency and compliance figures.',
  options: [
    JSON_OUTPUT,
    { name: 'csv', description: 'Print one CSV row per incident.' },
    { name: 'since', value: 'DATE', description: 'Incidents detected from this day (its midnight) or date-time on.' },
    { name: 'until', value: 'DATE', description: 'Incidents detected up to this day (included whole) or date-time.' },
    SEVERITY_FILTER,
    NOW,
  ],
  maxArgs: 0,
  manyLogs: true,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  return (await import('../metricsReport')).run(ctx);
}
