// `incident list`: the log's incidents, in log order, as a table or JSON. Given several logs
// (`--log` repeated or a glob), every log's incidents in turn, each log filtered with its own
// playbook, with a SERVICE column first (a `service` key in JSON); one log lists as it always has.
import type { Incident } from '../../core/model';
import type { Policy } from '../../core/playbook/policy';
import { type CliContext, type OptionValues, defineCommand } from '../command';
import { JSON_OUTPUT, SEVERITY_FILTER } from '../options';
import { UsageError, note, printJsonArray } from '../output';

export default defineCommand({
  name: 'list',
  usage: 'list [--json] [--status S] [--severity S]',
  summary: 'List incidents, newest first as written.',
  options: [
    JSON_OUTPUT,
    { name: 'status', value: 'S', description: 'Only incidents with status S; active (or open): all still worked; unknown: no status, nothing says resolved.' },
    SEVERITY_FILTER,
  ],
  maxArgs: 0,
  manyLogs: true,
  run,
});

/** The incidents `--status` and `--severity` keep under `policy`, or the usage error that refuses a word it does not know. */
async function filtered(all: Incident[], policy: Policy, values: OptionValues): Promise<Incident[] | UsageError> {
  const { matchSeverity, matchStatus, unknownSeverityMessage, unknownStatusMessage } = await import('../../core/playbook/policy');
  const { isActive, statusState } = await import('../../core/indexer');
  const { ACTIVE_WORDS, UNKNOWN_WORD } = await import('../incidentView');
  let incidents = all;
  if (values.status) {
    const wanted = values.status;
    const word = wanted.trim().toLowerCase();
    const exact = policy.statuses.find((s) => s.toLowerCase() === word);
    const activeWord = ACTIVE_WORDS.includes(word);
    const status = exact ?? (activeWord || word === UNKNOWN_WORD ? undefined : matchStatus(policy, wanted));
    // "active"/"open" mean every incident still worked, "unknown" every incident with no
    // status, unless the policy has a status of that name.
    if (status) incidents = incidents.filter((i) => (i.status ?? '').toLowerCase() === status.toLowerCase());
    else if (activeWord) incidents = incidents.filter((i) => isActive(i, policy));
    else if (word === UNKNOWN_WORD) incidents = incidents.filter((i) => statusState(i, policy) === 'unknown');
    else return new UsageError(unknownStatusMessage(policy, wanted, [...ACTIVE_WORDS, UNKNOWN_WORD]));
  }
  if (values.severity) {
    const level = matchSeverity(policy, values.severity);
    if (!level) return new UsageError(unknownSeverityMessage(policy, values.severity));
    incidents = incidents.filter((i) => i.severity === level.id);
  }
  return incidents;
}

async function run(ctx: CliContext): Promise<number> {
  if (ctx.logs) return runMany(ctx);
  const { values, policy, inferred } = ctx;
  const { index } = ctx.readLog();
  const { readOnce } = await import('../../core/indexer');
  const { printTable, toJson } = await import('../incidentView');
  const incidents = await filtered(index.incidents, policy, values);
  if (incidents instanceof UsageError) throw incidents;
  // Indented for a person at a terminal, compact for a program reading a pipe. Each incident's
  // body is read for its element and dropped once written: a big log's bodies are never all held.
  if (values.json) printJsonArray(incidents, (i) => toJson(readOnce(i), policy), process.stdout.isTTY ? 2 : undefined);
  else {
    printTable(incidents, policy);
    if (inferred) note(inferred.reason);
  }
  return 0;
}

/**
 * Several logs: each read and filtered with its own playbook. A status or severity one log's
 * playbook does not know keeps none of its incidents; one that no log knows is refused.
 */
async function runMany(ctx: CliContext): Promise<number> {
  const { values } = ctx;
  const { readOnce } = await import('../../core/indexer');
  const { toJson } = await import('../incidentView');
  const rows: { service: string; incident: Incident; policy: Policy }[] = [];
  let refused: UsageError | undefined;
  let known = false;
  for (const log of ctx.logs!) {
    const incidents = await filtered(log.readIndex().incidents, log.policy, values);
    if (incidents instanceof UsageError) {
      refused ??= incidents;
      continue;
    }
    known = true;
    for (const incident of incidents) rows.push({ service: log.service, incident, policy: log.policy });
  }
  if (!known && refused) throw refused;
  if (values.json) printJsonArray(rows, (r) => ({ service: r.service, ...toJson(readOnce(r.incident), r.policy) }), process.stdout.isTTY ? 2 : undefined);
  else (await import('../incidentView')).printRows(rows);
  for (const log of ctx.logs!) if (log.inferred) note(`${log.service}: ${log.inferred.reason}`);
  return 0;
}

