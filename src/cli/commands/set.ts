// `incident set ID FIELD VALUE`: status, severity and roles are changed (and logged) as the
// extension changes them; any other field is set as it is.
import { type CliContext, defineCommand } from '../command';
import { AT, OWNER } from '../options';
import { UsageError, note, shown } from '../output';

export default defineCommand({
  name: 'set',
  usage: 'set ID FIELD VALUE [--at ISO] [--owner NAME]',
  summary: 'Set status, severity, commander, tech-lead, comms-lead (logged in the timeline, as the extension does), or any other field.',
  options: [AT, OWNER],
  minArgs: 3,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { args, policy } = ctx;
  const { fieldFromName, matchSeverity, matchStatus, unknownSeverityMessage, unknownStatusMessage } = await import('../../core/playbook/policy');
  const { setField } = await import('../../core/log/writer');
  const { assignRole, changeSeverity, changeStatus } = await import('../../core/response/operations');
  const [id, fieldName, ...rest] = args;
  let value = rest.join(' ');
  const canonical = fieldFromName(policy, fieldName);
  if (canonical === 'severity') {
    const level = matchSeverity(policy, value);
    if (!level) throw new UsageError(unknownSeverityMessage(policy, value));
    value = level.id;
  } else if (canonical === 'status') {
    const status = matchStatus(policy, value);
    if (!status) throw new UsageError(unknownStatusMessage(policy, value));
    value = status;
  }
  // Status, severity and roles go through the same operations as the extension's commands,
  // so the change is logged in the timeline (`Status: A → B`, `Escalated: …`, a handoff).
  const actor = await ctx.actor();
  const incident = await ctx.writeIncident(id, (index, incId) => {
    if (canonical === 'status') return changeStatus(index, incId, value, actor, policy);
    if (canonical === 'severity') return changeSeverity(index, incId, value, actor, policy);
    if (canonical === 'commander' || canonical === 'techLead' || canonical === 'commsLead') return assignRole(index, incId, canonical, value, actor, policy);
    return setField(index, incId, fieldName, value, policy);
  });
  note(`Set ${fieldName} of ${shown(incident.id)} to ${value}.`);
  return 0;
}
