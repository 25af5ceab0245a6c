// A field written twice in one block of an incident: two `Status` lines after a union merge,
// where each responder changed the line and git kept both. The later-written value is the one
// read: the one the timeline's latest change of that field names (`Status: Identified →
// Mitigating`), else the last line. The reader puts that field first among the incident's fields,
// so what is shown and what a write changes are the same line.
import type { CanonicalField, Field, Problem, TimelineEntry } from '../model';
import { FIELD_LABELS, type Policy } from '../playbook/policy';
import { readSeverity } from '../playbook/severityWords';
import { isPlaceholderValue, readStatus } from '../playbook/statusWords';
import { stripInline } from './text';

/** Kinds whose changes the timeline records (see operations.ts): their evidence decides. */
const LOGGED: ReadonlySet<CanonicalField> = new Set(['status', 'severity', 'commander', 'techLead', 'commsLead']);

/** How a timeline entry names a change of each logged kind, besides the field's own key. */
const CHANGE_WORDS: Partial<Record<CanonicalField, string[]>> = {
  severity: ['severity changed', 'severity set', 'escalated', 'de-escalated', 'downgraded'],
};

export function isLoggedKind(kind: CanonicalField | undefined): boolean {
  return !!kind && LOGGED.has(kind);
}

/**
 * The fields written more than once in one block (a run of lines between headings): same key,
 * each with a value, on different lines; each group in line order. Keys are compared as written,
 * so `Started` and `Detected` (both a detection time) are two facts, not a duplicate.
 */
export function duplicateFieldGroups(blocks: ReadonlyArray<readonly Field[]>): Field[][] {
  const groups: Field[][] = [];
  for (const block of blocks) {
    if (block.length < 2 || !hasRepeatedKind(block)) continue;
    const byKey = new Map<string, Field[]>();
    for (const f of block) {
      if (!f.canonical || isPlaceholderValue(f.value)) continue;
      const key = `${f.canonical}\u0000${stripInline(f.key).trim().toLowerCase()}`;
      const list = byKey.get(key);
      if (!list) byKey.set(key, [f]);
      else if (!list.some((g) => g.line === f.line)) list.push(f);
    }
    for (const list of byKey.values()) if (list.length > 1) groups.push(list.sort((a, b) => a.line - b.line));
  }
  return groups;
}

/** Whether two fields of the block are of one kind: only then can a key be written twice. */
function hasRepeatedKind(block: readonly Field[]): boolean {
  for (let i = 1; i < block.length; i++) {
    const kind = block[i].canonical;
    if (!kind) continue;
    for (let j = 0; j < i; j++) if (block[j].canonical === kind) return true;
  }
  return false;
}

/** A value compared as the reader reads it: the status or severity it names, else its words. */
function comparable(policy: Policy, kind: CanonicalField, raw: string): string {
  if (kind === 'status') {
    const read = readStatus(policy, raw);
    if (read) return read.status.toLowerCase();
  } else if (kind === 'severity') {
    const read = readSeverity(policy, raw);
    if (read) return read.severity.toLowerCase();
  }
  return stripInline(raw).trim().replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The value a timeline entry sets the field to: `Status: A → B` and `Escalated: SEV-3 → SEV-2`
 * (after the last arrow), `Status set to B`, `Incident Commander handed over from A to B`,
 * `Incident Commander: B`. Undefined when the entry is about something else.
 */
export function loggedValue(text: string, labels: readonly string[]): string | undefined {
  const t = text.trim();
  const lower = t.slice(0, 80).toLowerCase();
  const label = labels.find((l) => lower.startsWith(l));
  if (label === undefined) return undefined;
  const rest = t.slice(label.length);
  const head = rest.slice(0, 16).toLowerCase();
  if (!(rest.startsWith(':') || rest.startsWith(' →') || head.startsWith(' set to ') || head.startsWith(' changed') || head.startsWith(' to ') || head.startsWith(' handed over'))) return undefined;
  for (const arrow of ['→', '->']) {
    const at = rest.lastIndexOf(arrow);
    if (at !== -1) return rest.slice(at + arrow.length).trim() || undefined;
  }
  const to = rest.toLowerCase().lastIndexOf(' to ');
  if (to !== -1) return rest.slice(to + 4).trim() || undefined;
  return rest.startsWith(':') ? rest.slice(1).trim() || undefined : undefined;
}

export interface DuplicateChoice {
  group: Field[];
  /** The field whose value is read. */
  shown: Field;
  /** True when a timeline entry named the shown value; false when it is the last line. */
  byTimeline: boolean;
}

/** The later-written field of a group: by the timeline's latest change that names one of them, else the last line. */
export function laterWritten(group: Field[], timeline: readonly TimelineEntry[] | null, policy: Policy): DuplicateChoice {
  const last = group[group.length - 1];
  const kind = last.canonical;
  if (!timeline || !kind || !LOGGED.has(kind)) return { group, shown: last, byTimeline: false };
  const labels = [...new Set([FIELD_LABELS[kind].toLowerCase(), stripInline(last.key).trim().toLowerCase(), ...(CHANGE_WORDS[kind] ?? [])])];
  // Newest first: by time, then (entries of the same minute, or without a time) by line.
  const entries = timeline.slice().sort((a, b) => (a.at ?? '') < (b.at ?? '') ? 1 : (a.at ?? '') > (b.at ?? '') ? -1 : b.line - a.line);
  const values = group.map((f) => comparable(policy, kind, f.value));
  for (const e of entries) {
    const named = loggedValue(e.text, labels);
    if (named === undefined) continue;
    const want = comparable(policy, kind, named);
    const at = values.lastIndexOf(want);
    if (at !== -1) return { group, shown: group[at], byTimeline: true };
  }
  return { group, shown: last, byTimeline: false };
}

/**
 * Makes `shown` the first of its group in `fields` (where the group's first field was), so the
 * reader's "first field of its kind" and the writer's target are that line. True when it moved.
 */
export function putFirst(fields: Field[], choice: DuplicateChoice): boolean {
  const firstAt = fields.indexOf(choice.group[0]);
  const shownAt = fields.indexOf(choice.shown);
  if (firstAt === -1 || shownAt === -1 || shownAt <= firstAt) return false;
  fields.splice(shownAt, 1);
  fields.splice(firstAt, 0, choice.shown);
  return true;
}

const COUNT_WORDS = ['', 'once', 'twice', 'three times', 'four times'];

/**
 * A line named from the finding's own line: "this line", "the next line", "3 lines above".
 * Relative, so that the message stays true when an edit above moves the incident (a re-index
 * shifts a finding's line, not its words).
 */
function lineFrom(line: number, from: number): string {
  const d = line - from;
  if (d === 0) return 'this line';
  if (d === 1) return 'the next line';
  if (d === -1) return 'the line above';
  return d > 0 ? `${d} lines below` : `${-d} lines above`;
}

function listOf(words: string[]): string {
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The `duplicate-field` finding of a group: on the first line not shown, naming every line. */
export function duplicateFieldProblem(choice: DuplicateChoice): Problem {
  const { group, shown } = choice;
  const hidden = group.find((f) => f !== shown) as Field;
  const key = stripInline(shown.key).trim();
  const times = COUNT_WORDS[group.length] ?? `${group.length} times`;
  const why = choice.byTimeline ? `the timeline's latest ${key.toLowerCase()} change names it` : 'it is the last one';
  return {
    code: 'duplicate-field',
    message: `${key} is written ${times} (${listOf(group.map((f) => lineFrom(f.line, hidden.line)))}): "${stripInline(shown.value).trim()}" on ${lineFrom(shown.line, hidden.line)} is shown, as ${why}. Keep one line.`,
    line: hidden.line + 1,
    severity: 'warning',
  };
}
