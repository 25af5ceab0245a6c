// What the reader set aside while reading an incident, for the surfaces to show: the words after
// a status or severity (`Resolved (permanent fix applied)` → note `permanent fix applied`), the
// fact a status was read from when none is written (`TTR: 45 min`), and approximate times
// (`~08:15`). Read again from the incident's fields, so the index carries nothing extra.
import type { Field, Incident } from '../model';
import type { Policy } from '../playbook/policy';
import { withoutApproximation } from './fields';
import { isImpactKey, readSeverity } from '../playbook/severityWords';
import { isFilledValue, isPlaceholderValue, openFact, readStatus, resolutionFact } from '../playbook/statusWords';
import { stripInline } from './text';

export interface ReadingNotes {
  /** What followed the status words. */
  statusNote?: string;
  /** When no status is written: the field the resolved status was read from (`TTR: 45 min`). */
  statusFrom?: string;
  /** What followed the severity token (`Credentials Exposed`). */
  severityNote?: string;
  /** The detection or resolution time was written as approximate (`~08:15`). */
  detectedApproximate?: boolean;
  resolvedApproximate?: boolean;
  /** How the incident was found when a rule guessed (no id, date or fields said it is one). */
  readAs?: string;
  /** When no status is written: the words of the text the status was read from, and their line. */
  statusFromText?: string;
}

/** What a guessing rule noted (see IncidentReading), as the surfaces say it. */
function guessNotes(incident: Incident, notes: ReadingNotes): void {
  const reading = incident.reading;
  if (!reading) return;
  const under = reading.under ? ` under '${reading.under}'` : '';
  if (reading.shape === 'prose-section') notes.readAs = `an untitled section${under} telling one incident (no id, date or fields)`;
  else if (reading.shape === 'like-siblings') notes.readAs = `a section${under} labelling its lines as the incidents beside it do (no id, date or status of its own)`;
  else if (reading.shape === 'list-entry') notes.readAs = `an item of a list${under} telling one incident (no heading of its own)`;
  else if (reading.shape === 'problem-table') notes.readAs = `a row of a table of problems and their fixes${under} (no id or date)`;
  else if (reading.shape === 'bold-heading') notes.readAs = 'a paragraph opened by a bold line with an id or a date (no heading of its own)';
  else if (reading.shape === 'id-line') notes.readAs = "a paragraph opened by a line with an id like the headings' beside it (written without #)";
  else if (reading.shape === 'key-block') notes.readAs = 'a block of key lines opened by an id or a title (no heading of its own)';
  else if (reading.shape === 'occurrence-table') notes.readAs = reading.byPlaybook ? `a row of a table the playbook lists incidents in${under}` : `a row of a table of occurrences${under} (a date column and a column saying when it ended)`;
  if (reading.statusFrom && !notes.statusFrom && !notes.statusNote) notes.statusFrom = reading.statusFrom;
  if (reading.statusText) notes.statusFromText = `"${reading.statusText.words}" (line ${reading.statusText.line})`;
}

function firstOf(fields: readonly Field[], canonical: Field['canonical']): Field | undefined {
  return fields.find((f) => f.canonical === canonical && f.value.trim() !== '');
}

export function readingNotes(incident: Incident, policy: Policy): ReadingNotes {
  const notes: ReadingNotes = {};
  const fields = incident.fields;
  const status = fields.find((f) => f.canonical === 'status' && !isPlaceholderValue(f.value));
  if (status) {
    const note = readStatus(policy, status.value)?.note;
    if (note) notes.statusNote = note;
  } else if (incident.status) {
    const resolvedField = fields.find((f) => f.canonical === 'resolved' && isFilledValue(f.value));
    // The field the status was read from, in the order the reader looks (fields.ts statusOf).
    const fact = resolvedField ?? openFact(fields) ?? resolutionFact(fields);
    if (fact) notes.statusFrom = `${fact.key}: ${stripInline(fact.value)}`;
  }
  const severity = fields.find((f) => f.canonical === 'severity' && !isPlaceholderValue(f.value)) ?? fields.find((f) => !f.canonical && isImpactKey(f.key) && readSeverity(policy, f.value, true));
  if (severity) {
    const note = readSeverity(policy, severity.value, !severity.canonical)?.note;
    if (note) notes.severityNote = note;
  }
  const detected = firstOf(fields, 'detected');
  if (incident.detected && detected && withoutApproximation(stripInline(detected.value)).approximate) notes.detectedApproximate = true;
  const resolved = firstOf(fields, 'resolved');
  if (incident.resolved && resolved && withoutApproximation(stripInline(resolved.value)).approximate) notes.resolvedApproximate = true;
  guessNotes(incident, notes);
  return notes;
}

/** A time as shown, with `~` in front when it was written as approximate. */
export function approximately(text: string, approximate: boolean | undefined): string {
  return approximate ? `~${text}` : text;
}
