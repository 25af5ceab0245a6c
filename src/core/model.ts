// The data model every surface shares: what the index finds in a log, and what a write is.
// Offsets are UTF-16 code-unit indexes into the exact text that was indexed (BOM included),
// so a splice computed from an index applies to that same string without any translation.

/** One text replacement: `text[start, end)` becomes `text`. Splices of one edit never overlap. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Canonical names of the fields the tool understands; anything else keeps its written key. */
export type CanonicalField =
  | 'severity'
  | 'status'
  | 'detected'
  | 'resolved'
  | 'commander'
  | 'techLead'
  | 'commsLead'
  | 'title'
  | 'id'
  | 'summary';

export type FieldStyle =
  /** `- **Key:** value` */
  | 'list-bold'
  /** `**Key:** value` (two trailing spaces or not) */
  | 'bold'
  /** `**Key**: value` */
  | 'bold-outside'
  /** `Key: value` */
  | 'plain'
  /** `| Key | Value |` in a two-column table */
  | 'table';

export interface Field {
  /** The key as written (inline markup removed). */
  key: string;
  /** The canonical name when the key is a known field or alias. */
  canonical?: CanonicalField;
  /** The value as written, trimmed, trailing hard-break spaces removed. */
  value: string;
  style: FieldStyle;
  /** 0-based line of the field. */
  line: number;
  /** Offsets of the value text on that line (what `set` replaces). */
  valueStart: number;
  valueEnd: number;
}

export interface TimelineEntry {
  /** ISO 8601 UTC (`2026-11-20T14:30:00Z`), or null when the time could not be read. */
  at: string | null;
  text: string;
  owner: string | null;
  /** 0-based line. */
  line: number;
}

export interface ChecklistItem {
  /** The box is ticked (`[x]`); a skipped item is written ticked too, see `skipped`. */
  done: boolean;
  /** Plain text, the skip note (`— skipped: reason`) removed. */
  text: string;
  line: number;
  /** The `#### Phase` sub-heading of the checklist the item is under; absent for a flat list. */
  phase?: string;
  /** Set when the item ends with `— skipped: reason` (or `(skipped: reason)`). */
  skipped?: { reason: string };
}

export interface ActionItem {
  done: boolean;
  text: string;
  owner: string | null;
  line: number;
}

/** Where new timeline entries go and how they must look to match what is already there. */
export interface TimelineSlot {
  style: 'list' | 'table';
  /** Offset at which a new entry line is inserted (the start of a line). */
  insertAt: number;
  /** For list style: the bullet marker used (`-`, `*`, `+`) and the indent before it. */
  bullet?: string;
  indent?: string;
  /** For list style: whether existing entries bold their time (`- **14:30** text`). */
  boldTime?: boolean;
  /** For list style: whether existing entries carry only a time (`14:30`) rather than a date-time. */
  timeOnly?: boolean;
  /** For table style: the column roles in order. */
  columns?: Array<'time' | 'date' | 'text' | 'owner' | 'other'>;
}

/**
 * Where an incident is written: its own `section`; a `table-row`; an `entry` with no heading (a
 * list item, a block of key lines); a `linked-file` an index row points to.
 */
export type IncidentSource = 'section' | 'table-row' | 'entry' | 'linked-file';

/** How an incident with no section of its own is written, for messages: `a row of a table`, `an item of a list`, `a block of key lines`. */
export function writtenAs(incident: Pick<Incident, 'source' | 'reading'>): string {
  if (incident.source === 'table-row') return 'a row of a table';
  if (incident.source === 'linked-file') return 'an incident file';
  if (incident.source === 'entry') return incident.reading?.shape === 'key-block' ? 'a block of key lines' : 'an item of a list';
  return 'a section';
}

/** Whether an incident has a section (its own, or its linked file's) to hold a timeline, checklist and fields written to it. */
export function hasSection(incident: Pick<Incident, 'source'>): boolean {
  return incident.source === 'section' || incident.source === 'linked-file';
}

/**
 * What a reading rule guessed about an incident (see readingNotes): how it was found when no id,
 * date or field said it is one, and a status read from its words.
 */
export interface IncidentReading {
  /**
   * `prose-section`: a section telling one incident in prose under a log's title;
   * `occurrence-table`: a row of a table of occurrences; `list-entry`: an item of a list under
   * such a title (`problem → fix`, a date first); `key-block`: a block of key lines opened by an
   * id; `problem-table`: a row of a table of problems and their fixes; `like-siblings`: a section
   * labelling its lines as the incident beside it does (see siblingSections.ts); `bold-heading`: a
   * paragraph opened by a bold line with an id or a date; `id-line`: a paragraph opened by a line
   * written as the incidents' headings beside it are, with no `#` (see idLines.ts).
   */
  shape?: 'prose-section' | 'occurrence-table' | 'list-entry' | 'key-block' | 'problem-table' | 'like-siblings' | 'bold-heading' | 'id-line';
  /** Found because the playbook says where incidents are (`reading:`), not by a guess. */
  byPlaybook?: boolean;
  /** The heading it was read under (`Incidents`), when there is one. */
  under?: string;
  /** A status read from a cell: the column and its value (`Recovered: 04:45`). */
  statusFrom?: string;
  /** A status read from the text: the words that said it and their 1-based line; `open` when they say it is not over. */
  statusText?: { words: string; line: number; open: boolean };
}

export interface Incident {
  id: string;
  /** True when the id was written in the log; false when derived (date + slug of the title). */
  idWritten: boolean;
  /** Plain text, inline markdown removed. */
  title: string;
  /**
   * The policy's label when the value's leading token is a severity or alias (`SEV-1 (Critical
   * - …)` → SEV-1), else the token or text as written.
   */
  severity: string | null;
  /**
   * The policy's status when the value's leading words name one in any built-in language
   * (`Resolvido (workaround)` → Resolved), else the text as written. Without a status field, the
   * resolved status when the incident carries a resolution fact (a Resolution field, a filled
   * TTR, a resolved time); null otherwise: the status is unknown (see statusState).
   */
  status: string | null;
  /**
   * ISO 8601 UTC, a plain `YYYY-MM-DD` when only the day is known, `YYYY-MM` or `YYYY` when only
   * a month or a year is written, or null.
   */
  detected: string | null;
  resolved: string | null;
  roles: { commander: string | null; techLead: string | null; commsLead: string | null };
  fields: Field[];
  timeline: TimelineEntry[];
  checklist: ChecklistItem[];
  actionItems: ActionItem[];
  /** 1-based line of the heading (or table row). */
  line: number;
  source: IncidentSource;
  /** For a linked file: its path as written in the index table (relative to the log). */
  file?: string;
  /**
   * Section offsets: heading start to the start of the next heading of the same or higher level.
   * For a table row (and a linked file), the row's line.
   */
  start: number;
  end: number;
  /**
   * Heading level: 2–4 for a section of a log, 1–4 for the incident of a per-incident file (1
   * when the file has no heading), 0 for table rows and linked files.
   */
  level: number;
  /** Offset of the end of the heading line (after its line break), where fields start; `end` for a table row. */
  bodyStart: number;
  timelineSlot?: TimelineSlot;
  /** Offset where a new field line is inserted and the style it uses. */
  fieldSlot?: { insertAt: number; style: FieldStyle; indent: string };
  /** Set only when a reading rule guessed (see IncidentReading). */
  reading?: IncidentReading;
}

export type ProblemCode =
  | 'conflict-markers'
  | 'duplicate-id'
  /** The same field written twice in one block of an incident (a union merge kept both lines). */
  | 'duplicate-field'
  | 'missing-severity'
  | 'missing-commander'
  | 'response-time-breach'
  | 'update-overdue'
  | 'unterminated-fence'
  | 'bad-front-matter'
  | 'bad-date'
  /** A recorded moment more than a day after now (`Resolved: 9999-12-31`). */
  | 'date-future'
  /** An acknowledgement, mitigation or resolution before the detection. */
  | 'date-order'
  /** A date before 1970. */
  | 'date-too-early'
  | 'unreadable-link'
  | 'refused-link'
  | 'swallowed-heading'
  /** A code fence never closed hides headings that read like incidents: its line and how many. */
  | 'fence-hides-incidents'
  /** A line shaped like a row of the incident table above it, cut off from it by a blank line. */
  | 'table-row-cut-off'
  /** A heading of a new incident behind a pasted line number (`51: ### INC-006: …`): text to Markdown. */
  | 'heading-after-line-number'
  /** A table row whose id cell names a range of ids (`B01~B07`): read as one incident. */
  | 'row-holds-id-range'
  /** A section pasted twice word for word: read once, the copy named. */
  | 'repeated-section'
  /** A line that looks like a heading but is not one to Markdown (`##1 Title`: no space after the hashes). */
  | 'not-a-heading'
  | 'overdue-action-item'
  | 'no-union-merge'
  | 'unknown-status'
  /** An active incident's status that no status word matches: counted active, as written. */
  | 'unknown-status-word'
  | 'severity-preset'
  /** An `Affected:` name that is not a component of the playbook's `components:` list. */
  | 'unknown-component'
  /** How the log was read (the shapes its incidents were found in), when a reading rule guessed. */
  | 'reading-summary';

export interface Problem {
  code: ProblemCode;
  message: string;
  /** 1-based line. */
  line: number;
  incidentId?: string;
  /** `info`: worth knowing, nothing to fix (the preset a log was read with). */
  severity: 'error' | 'warning' | 'info';
  /** The file the line is in when it is not the log, relative to the log (`pir/INC-….md`). */
  file?: string;
}

export interface LogIndex {
  text: string;
  eol: '\n' | '\r\n';
  bom: boolean;
  /** Offset just after the front matter block (0 when there is none). */
  bodyStart: number;
  incidents: Incident[];
  /** Problems found while reading (conflict markers, bad dates, ...); policy checks live in check.ts. */
  problems: Problem[];
  /**
   * The part of `problems` found by the scan alone, without reading an incident body: conflict
   * markers, unterminated fences, front matter, unreadable links. The rest are each incident's
   * reading problems (see readingProblems in the reader); an editor re-checking after a
   * keystroke so needs only the bodies that changed.
   */
  scanProblems: Problem[];
  /** True when the text holds git conflict markers: such a log is never written. */
  hasConflicts: boolean;
  /**
   * Offset where a newly declared incident goes (above the first section, after the last one when
   * the log runs oldest first, at the end when there is none), and the heading level to use.
   */
  declareSlot: { insertAt: number; level: number };
  lineCount: number;
  /**
   * Set when the log was read with another policy than the one given: without a playbook, a
   * log written in P-levels is read with the P1..P4 preset. Everything about this index's
   * severities (checks, groups, clocks) must use this policy; see policyOf.
   */
  inferredPolicy?: { policy: import('./playbook/policy').Policy; reason: string };
  /**
   * Set when a section stands under a heading that says a status (`## Resolved`): its status may
   * come from that heading, so it is not read from its own text alone; an editor reads such a
   * log whole after an edit (see statusGroups.ts in the reader).
   */
  groupedByStatus?: true;
  /**
   * Set when a section beside the incidents was weighed by the labels it shares with them (see
   * siblingSections.ts in the reader): an edit inside one incident may make another section one,
   * so an editor reads such a log whole after an edit.
   */
  readsBeside?: true;
  /** Set when a section pasted twice word for word was read once: an edit of either copy makes two. */
  repeatsSection?: true;
  /** Set when a date of the log did not say its day and month order and the log's dates were asked (see logSlashOrder). */
  slashOrderLooked?: true;
}
