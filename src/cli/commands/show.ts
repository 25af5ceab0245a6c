// `incident show ID`: one incident, with its timeline, checklist and action items.
import { dirname, relative, resolve } from 'node:path';
import { type CliContext, defineCommand } from '../command';
import { JSON_OUTPUT } from '../options';
import { sanitizeForDisplay } from '../../core/format/displayText';
import { print, printJson, shown } from '../output';

export default defineCommand({
  name: 'show',
  usage: 'show ID [--json]',
  summary: 'Show one incident.',
  options: [JSON_OUTPUT],
  minArgs: 1,
  maxArgs: 1,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { args, values, policy, cwd, logPath } = ctx;
  const { index } = ctx.readLog();
  const incident = ctx.requireIncident(index, args[0]);
  const { incidentDetail } = await import('../../core/reader/detail');
  const { toJson } = await import('../incidentView');
  const { statusState } = await import('../../core/indexer');
  const { approximately, readingNotes } = await import('../../core/reader/readingNotes');
  const { ownerLabel } = await import('../../core/response/author');
  const detail = incident.source === 'section' ? await incidentDetail(index, incident) : undefined;
  if (values.json) {
    printJson({ ...toJson(incident, policy), ...(detail ? { description: detail.description, links: detail.links } : {}) }, 2);
    return 0;
  }
  const notes = readingNotes(incident, policy);
  const withNote = (value: string | null, note: string | undefined) => (value && note ? `${value} (${note})` : value);
  const statusLine =
    statusState(incident, policy) === 'unknown'
      ? 'unknown (no status written, nothing says it ended)'
      : withNote(incident.status, notes.statusNote ?? (notes.statusFrom ? `from ${notes.statusFrom}` : notes.statusFromText ? `read from the words ${notes.statusFromText}` : undefined));
  const out = [
    `${shown(incident.id)}: ${shown(incident.title)}`,
    `  Severity:  ${shown(withNote(incident.severity, notes.severityNote))}`,
    `  Status:    ${shown(statusLine)}`,
    `  Detected:  ${shown(incident.detected && approximately(incident.detected, notes.detectedApproximate))}`,
    `  Resolved:  ${shown(incident.resolved && approximately(incident.resolved, notes.resolvedApproximate))}`,
    `  Commander: ${shown(incident.roles.commander)}`,
    `  Tech lead: ${shown(incident.roles.techLead)}`,
    `  Comms:     ${shown(incident.roles.commsLead)}`,
    `  Where:     ${shown(relative(cwd, incident.file ? resolve(dirname(logPath), incident.file) : logPath))}:${incident.line}`,
  ];
  // A rule guessed that this is an incident: say how it was read.
  if (notes.readAs) out.push(`  Read as:   ${shown(notes.readAs)}`);
  if (detail?.description) out.push('', sanitizeForDisplay(detail.description, { multiline: true }));
  if (incident.timeline.length) {
    out.push('', 'Timeline:');
    for (const e of incident.timeline) out.push(`  ${shown(e.at, '?')}  ${shown(e.text)}${shown(ownerLabel(e.owner))}`);
  }
  if (incident.checklist.length) {
    out.push('', `Checklist: ${incident.checklist.filter((c) => c.done).length}/${incident.checklist.length}`);
    for (const c of incident.checklist) out.push(`  [${c.done ? 'x' : ' '}] ${shown(c.text)}`);
  }
  if (incident.actionItems.length) {
    out.push('', 'Action items:');
    for (const a of incident.actionItems) out.push(`  [${a.done ? 'x' : ' '}] ${shown(a.text)}${shown(ownerLabel(a.owner))}`);
  }
  print(out.join('\n'));
  return 0;
}
