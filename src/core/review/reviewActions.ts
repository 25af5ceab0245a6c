// The review's action items: the `Action | Owner | Due date | Status` table of its "Action
// items" section (task-list items there are read too). Adding, editing and closing an item are
// splices of one row or one cell; overdue items are problems for `incident check` and the editor.
import { dayInZone, isValidZone, startOfDay } from '../format/zone';
import type { Problem, Splice } from '../model';
import { REVIEW_SECTIONS, findReviewSection, readReview, spliceSection } from './reviewFile';
import { foldCellText, isTableDelimiterRow, looksLikeTableRow, splitTableRow, stripInline } from '../reader/text';
import { WriteRefused } from '../log/writer';

export type ActionColumn = 'action' | 'owner' | 'due' | 'status';

export interface ReviewActionItem {
  /** 0-based line in the review file. */
  line: number;
  /** A table row, or a `- [ ]` task item (no due date; done is its box). */
  kind: 'row' | 'task';
  action: string;
  owner: string;
  /** As written; `dueDate` is it read as YYYY-MM-DD. */
  due: string;
  dueDate: string | null;
  status: string;
  done: boolean;
}

export interface ActionTable {
  /** 0-based lines of the header and of the last row (the delimiter row when there is none). */
  headerLine: number;
  lastLine: number;
  /** Each column's role, in order; null for a column the tool does not know. */
  columns: Array<ActionColumn | null>;
}

const DONE = /^(?:done|closed|complete|completed|resolved|fixed|✅|x)$/i;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TASK = /^\s{0,3}[-*+]\s{1,4}\[([ xX])\]\s+(.*)$/;
const ACTION_SECTION = REVIEW_SECTIONS.find((s) => s.key === 'actionItems')!.heading;

function columnRole(header: string, taken: Set<ActionColumn>): ActionColumn | null {
  const h = stripInline(header).toLowerCase();
  const order: Array<[ActionColumn, RegExp]> = [
    ['status', /status|state|done/],
    ['due', /due|deadline|by when|target|date/],
    ['owner', /owner|who|assignee|responsible/],
    ['action', /action|item|task|what|description|title/],
  ];
  for (const [role, re] of order) if (!taken.has(role) && re.test(h)) return role;
  return null;
}

function dueDateOf(text: string): string | null {
  const m = PLAIN_DATE.exec(text.trim());
  if (!m) return null;
  return Number.isNaN(startOfDay(text.trim(), 'UTC')) ? null : text.trim();
}

interface Line {
  start: number;
  end: number;
  text: string;
}

/** The lines of [from, to) with their offsets (content without the line break). */
function linesIn(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  for (let i = from; i < to; ) {
    const nl = text.indexOf('\n', i);
    const next = nl === -1 || nl >= to ? to : nl + 1;
    const end = nl === -1 || nl >= to ? to : nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    out.push({ start: i, end, text: text.slice(i, end) });
    i = next;
  }
  return out;
}

interface Read {
  items: ReviewActionItem[];
  table: ActionTable | null;
  /** Offsets of each item's line, by line number. */
  spans: Map<number, Line>;
  sectionFound: boolean;
}

function read(text: string): Read {
  const doc = readReview(text);
  const section = findReviewSection(doc, 'actionItems');
  const items: ReviewActionItem[] = [];
  const spans = new Map<number, Line>();
  if (!section) return { items, table: null, spans, sectionFound: false };
  const lines = linesIn(text, section.bodyStart, section.bodyEnd);
  const base = section.line + 1;
  let table: ActionTable | null = null;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (!table && k + 1 < lines.length && looksLikeTableRow(line.text) && isTableDelimiterRow(lines[k + 1].text)) {
      const taken = new Set<ActionColumn>();
      const columns = splitTableRow(line.text).cells.map((h) => {
        const role = columnRole(h, taken);
        if (role) taken.add(role);
        return role;
      });
      table = { headerLine: base + k, lastLine: base + k + 1, columns };
      let r = k + 2;
      for (; r < lines.length && lines[r].text.trim() !== '' && looksLikeTableRow(lines[r].text); r++) {
        const cells = splitTableRow(lines[r].text).cells.map((c) => stripInline(c));
        const cell = (role: ActionColumn) => {
          const i = columns.indexOf(role);
          return i >= 0 ? (cells[i] ?? '') : '';
        };
        const status = cell('status');
        items.push({ line: base + r, kind: 'row', action: cell('action') || (columns.includes('action') ? '' : (cells[0] ?? '')), owner: cell('owner').replace(/^@/, ''), due: cell('due'), dueDate: dueDateOf(cell('due')), status, done: DONE.test(status.trim()) });
        spans.set(base + r, lines[r]);
        table.lastLine = base + r;
      }
      k = r - 1;
      continue;
    }
    const t = TASK.exec(line.text.length > 10_000 ? '' : line.text);
    if (t) {
      const body = t[2];
      const owner = /\(@([^()]{1,100})\)\s*$/.exec(body.slice(-110));
      items.push({
        line: base + k,
        kind: 'task',
        action: stripInline(owner ? body.slice(0, body.length - owner[0].length) : body),
        owner: owner ? owner[1].trim() : '',
        due: '',
        dueDate: null,
        status: t[1] === ' ' ? 'Open' : 'Done',
        done: t[1] !== ' ',
      });
      spans.set(base + k, line);
    }
  }
  return { items, table, spans, sectionFound: true };
}

/** The action items of a review: table rows and task items of its "Action items" section. */
export function readReviewActionItems(text: string): { items: ReviewActionItem[]; table: ActionTable | null } {
  const { items, table } = read(text);
  return { items, table };
}

export interface NewActionItem {
  action: string;
  /** Who owns it; the caller passes the git user when the form leaves it empty. */
  owner?: string | null;
  /** YYYY-MM-DD, or empty. */
  due?: string | null;
  status?: string;
}

function checkedDue(due: string | null | undefined): string {
  const d = (due ?? '').trim();
  if (d && !dueDateOf(d)) throw new WriteRefused(`"${d}" is not a due date: use YYYY-MM-DD.`);
  return d;
}

function eolOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Adds an action item as one table row after the table's last row; a section without a table
 * gets one after its text, and a review without the section gets the section. Cells are folded
 * to one line with `|` escaped.
 */
export function addReviewActionItem(text: string, item: NewActionItem): Splice[] {
  const action = foldCellText(item.action ?? '');
  if (!action) throw new WriteRefused('An action item needs some text.');
  const values: Record<ActionColumn, string> = {
    action,
    owner: foldCellText(item.owner ?? ''),
    due: checkedDue(item.due),
    status: foldCellText(item.status ?? 'Open') || 'Open',
  };
  const eol = eolOf(text);
  const r = read(text);
  if (r.table) {
    const row = `| ${r.table.columns.map((c) => (c ? values[c] : '')).join(' | ')} |`;
    const last = r.spans.get(r.table.lastLine) ?? linesIn(text, 0, text.length)[r.table.lastLine];
    const after = last.end < text.length ? text.indexOf('\n', last.end) + 1 : text.length;
    const lead = after === text.length && !text.endsWith('\n') ? eol : '';
    return [{ start: after, end: after, text: `${lead}${row}${eol}` }];
  }
  const table = ['| Action | Owner | Due date | Status |', '| --- | --- | --- | --- |', `| ${values.action} | ${values.owner} | ${values.due} | ${values.status} |`].join(eol);
  const doc = readReview(text);
  const section = findReviewSection(doc, 'actionItems');
  return spliceSection(text, section ? section.heading : ACTION_SECTION, section?.text ? `${section.text}\n\n${table}` : table);
}

function rowAt(text: string, line: number): { r: Read; span: Line; item: ReviewActionItem } {
  const r = read(text);
  const item = r.items.find((i) => i.line === line);
  const span = r.spans.get(line);
  if (!item || !span) throw new WriteRefused(`Line ${line + 1} of the review is not an action item any more; nothing was written.`);
  return { r, span, item };
}

/** Sets one cell of an action item's row: a splice of that cell only. */
export function editReviewActionItem(text: string, line: number, column: ActionColumn, value: string): Splice[] {
  const { r, span, item } = rowAt(text, line);
  if (item.kind !== 'row' || !r.table) throw new WriteRefused('This action item is a list item, not a table row: edit it in the file.');
  const col = r.table.columns.indexOf(column);
  if (col < 0) throw new WriteRefused(`The action items table has no ${column === 'due' ? 'due date' : column} column; add one to set it.`);
  const folded = column === 'due' ? checkedDue(value) : foldCellText(value);
  const split = splitTableRow(span.text);
  if (col >= split.cells.length) {
    // A short row: the missing cells are added up to this one.
    const missing = col - split.cells.length + 1;
    const at = span.text.trimEnd().endsWith('|') ? span.start + span.text.trimEnd().length : span.end;
    const cells = Array.from({ length: missing }, (_, i) => (i === missing - 1 ? folded : ''));
    return [{ start: at, end: at, text: `${span.text.trimEnd().endsWith('|') ? '' : ' |'} ${cells.join(' | ')} |` }];
  }
  const current = split.cells[col];
  if (current === folded) return [];
  const padded = current !== '' ? folded : ` ${folded} `;
  return [{ start: span.start + split.starts[col], end: span.start + split.ends[col], text: padded }];
}

/** Marks an action item done (`Done` in its Status cell, or its box ticked) or open again. */
export function setReviewActionItemDone(text: string, line: number, done: boolean): Splice[] {
  const { r, span, item } = rowAt(text, line);
  if (item.kind === 'task') {
    if (item.done === done) return [];
    const box = span.text.indexOf('[');
    return [{ start: span.start + box + 1, end: span.start + box + 2, text: done ? 'x' : ' ' }];
  }
  if (!r.table?.columns.includes('status')) throw new WriteRefused('The action items table has no Status column; add one to mark items done.');
  if (item.done === done) return [];
  return editReviewActionItem(text, line, 'status', done ? 'Done' : 'Open');
}

/** Open action items (not done), for the tree under the incident. */
export function openReviewActionItems(text: string): ReviewActionItem[] {
  return read(text).items.filter((i) => !i.done);
}

/** The day `now` is in `zone`, YYYY-MM-DD. */
function today(now: Date, zone: string): string {
  return dayInZone(now.getTime(), isValidZone(zone) ? zone : 'UTC');
}

export interface OverdueOptions {
  /** The team's zone: an item is overdue once its due day has ended there. */
  zone?: string;
  incidentId?: string;
  /** The review file, relative to the log, for the problem's `file`. */
  file?: string;
}

/** `overdue-action-item` problems: open items whose due date has passed. Lines are 1-based in the review file. */
export function overdueActionItems(text: string, now: Date, options: OverdueOptions = {}): Problem[] {
  const day = today(now, options.zone ?? 'UTC');
  return read(text)
    .items.filter((i) => !i.done && i.dueDate !== null && i.dueDate < day)
    .map((i) => ({
      code: 'overdue-action-item' as const,
      message: `Action item "${i.action || '(no text)'}"${i.owner ? ` (${i.owner})` : ''} was due ${i.dueDate} and is not done.`,
      line: i.line + 1,
      severity: 'warning' as const,
      ...(options.incidentId ? { incidentId: options.incidentId } : {}),
      ...(options.file ? { file: options.file } : {}),
    }));
}
