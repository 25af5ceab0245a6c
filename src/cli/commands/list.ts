// `incident list`: the log's incidents, in log order, as a table or JSON.
import { type CliContext, defineCommand } from '../command';
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
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { values, policy, inferred } = ctx;
  const { index } = ctx.readLog();
  const { matchSeverity, matchStatus, unknownSeverityMessage, unknownStatusMessage } = await import('../../core/playbook/policy');
  const { isActive, readOnce, statusState } = await import('../../core/indexer');
  const { ACTIVE_WORDS, UNKNOWN_WORD, printTable, toJson } = await import('../incidentView');
  let incidents = index.incidents;
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
    else throw new UsageError(unknownStatusMessage(policy, wanted, [...ACTIVE_WORDS, UNKNOWN_WORD]));
  }
  if (values.severity) {
    const level = matchSeverity(policy, values.severity);
    if (!level) throw new UsageError(unknownSeverityMessage(policy, values.severity));
    incidents = incidents.filter((i) => i.severity === level.id);
  }
  // Indented for a person at a terminal, compact for a program reading a pipe. Each incident's
  // body is read for its element and dropped once written: a big log's bodies are never all held.
  if (values.json) printJsonArray(incidents, (i) => toJson(readOnce(i), policy), process.stdout.isTTY ? 2 : undefined);
  else {
    printTable(incidents, policy);
    if (inferred) note(inferred.reason);
  }
  return 0;
}
