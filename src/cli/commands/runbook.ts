// `incident runbook [TYPE]`: the playbook's runbooks, one's steps, or step N run as a child
// process (shown live and redacted), its result logged on the incident's timeline.
import { type CliContext, defineCommand } from '../command';
import { INCIDENT, NO_LOG, OWNER } from '../options';
import { sanitizeForDisplay } from '../../core/format/displayText';
import { UsageError, note, pad, print, shown, withInterrupt } from '../output';

export default defineCommand({
  name: 'runbook',
  usage: 'runbook [TYPE] [--run N] [--yes] [--param NAME=VALUE] [--incident ID] [--no-log] [--owner NAME]',
  summary: 'List runbooks, print one\'s steps, or run step N (a dangerous step needs --yes).',
  options: [
    { name: 'run', value: 'N', description: 'Run step N.' },
    { name: 'yes', description: 'Confirm a dangerous step.' },
    { name: 'param', value: 'NAME=VALUE', multiple: true, description: 'A parameter of the runbook, passed as an environment variable (once per parameter).' },
    INCIDENT,
    NO_LOG,
    OWNER,
  ],
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { policy, args, values } = ctx;
  const { runbooksOf, findRunbook, runbookParamEnv, healthCheckEntry } = await import('../../core/health/healthChecks');
  const books = runbooksOf(policy);
  if (args.length === 0) {
    if (values.run !== undefined) throw new UsageError('Usage: incident runbook TYPE --run N');
    if (books.length === 0) print('The playbook declares no runbooks (incident init writes some).');
    for (const b of books) print(`${pad(shown(b.id), 22)}  ${shown(b.title)}${b.severity ? ` (${shown(b.severity)})` : ''}, ${b.steps.length} steps`);
    return 0;
  }
  if (args.length !== 1) throw new UsageError('Usage: incident runbook TYPE [--run N] [--yes] [--param NAME=VALUE] [--incident ID]');
  const book = findRunbook(policy, args[0]);
  if (!book) throw new UsageError(`No runbook "${shown(args[0])}" in the playbook (there are: ${books.map((b) => b.id).join(', ') || 'none'}).`);
  if (values.run === undefined) {
    if (values.incident) ctx.requireIncident(ctx.readLog().index, values.incident);
    const out = [`${shown(book.title)} (${shown(book.id)})${book.severity ? ` — severity ${shown(book.severity)}` : ''}`];
    if (book.params.length) out.push(`Parameters (--param NAME=VALUE, passed as environment variables): ${book.params.map((p) => `${p.name} (${shown(p.pattern)})`).join(', ')}`);
    book.steps.forEach((step, i) => {
      out.push('', `${i + 1}. ${shown(step.title)}${step.dangerous ? '  [dangerous: needs --yes]' : ''}`);
      if (step.run) for (const line of step.run.split('\n')) out.push(`     $ ${shown(line)}`);
      if (step.notes) out.push(`     ${shown(step.notes)}`);
    });
    print(out.join('\n'));
    return 0;
  }
  const n = Number(values.run);
  if (!Number.isInteger(n) || n < 1 || n > book.steps.length) throw new UsageError(`--run takes a step number from 1 to ${book.steps.length}.`);
  const step = book.steps[n - 1];
  if (!step.run) throw new UsageError(`Step ${n} (${shown(step.title)}) has no command to run: ${shown(step.notes ?? '')}`);
  const given: Record<string, string> = {};
  for (const p of values.param ?? []) {
    const eq = p.indexOf('=');
    if (eq < 1) throw new UsageError(`--param "${shown(p)}" is not NAME=VALUE.`);
    given[p.slice(0, eq)] = p.slice(eq + 1);
  }
  const params = runbookParamEnv(book, given, step);
  if ('problems' in params) throw new UsageError(`Runbook ${book.id}: ${params.problems.map((x) => shown(x)).join('; ')}.`);
  if (step.dangerous && !values.yes) throw new UsageError(`Step ${n} (${shown(step.title)}) is dangerous. It runs:\n\n  ${shown(step.run)}\n\nRun it again with --yes to confirm.`);
  const incidentId = ctx.incidentToLog(values.incident, values['no-log']);
  const { runCommand } = await import('../../core/health/healthRun');
  const { createRedactingStream } = await import('../../core/health/redact');
  const root = ctx.checksRoot();
  note(`Running step ${n} of ${shown(book.id)}: ${shown(step.title)}`);
  // Shown live, a line at a time (a key block once it has ended), redacted and made safe for
  // the terminal. Redacting each chunk alone would show a secret cut across two chunks.
  const redacting = createRedactingStream();
  const show = (text: string) => {
    if (text) process.stdout.write(sanitizeForDisplay(text, { multiline: true }));
  };
  const run = await withInterrupt((signal) =>
    runCommand({
      command: step.run as string,
      cwd: root,
      timeoutMs: 30 * 60_000,
      env: params.env,
      signal,
      onOutput: (chunk) => show(redacting.push(chunk)),
    }),
  );
  const rest = redacting.end();
  show(rest && !/[\n\r]$/.test(rest) ? rest + '\n' : rest);
  const { runbookStepName } = await import('../../core/response/runbookChecklist');
  const entry = healthCheckEntry({ ...run, name: runbookStepName(book, n), kind: 'Runbook step' });
  note(entry);
  if (incidentId) {
    const owner = await ctx.owner();
    const incident = await ctx.logEntries(incidentId, [{ at: new Date(), text: entry, owner }]);
    note(`Logged to ${shown(incident.id)}.`);
  }
  return run.status === 'pass' ? 0 : 1;
}
