// Re-indexing after an edit: when the edit stays inside one incident's body, only that section
// is read again and the incidents after it are reused, shifted.
import type { LogIndex } from '../model';
import { type Policy, defaultPolicy } from '../playbook/policy';
import { presetForLog, severityTokenCounts } from '../playbook/severityPreset';
import { lineStartAt, nextLineStart } from './text';
import type { IndexOptions } from './context';
import { indexLog, optionsOf, rememberOptions, runIndex } from './indexLog';
import { ShiftedIncident } from './lazy';
import { headingTitle, readHeading } from './headings';
import { hadMerges } from './merge';
import { isPlaceholderSection } from './placeholders';
import { idFamilyPrefix } from './idLines';

/** Whether a heading after the section's first line names an id (see headingIds.ts). */
function hasIdSubheading(sectionText: string, options: IndexOptions): boolean {
  const policy = options.policy ?? defaultPolicy();
  for (let i = sectionText.indexOf('\n#'); i !== -1; i = sectionText.indexOf('\n#', i + 2)) {
    const end = sectionText.indexOf('\n', i + 1);
    const line = sectionText.slice(i + 1, end === -1 ? sectionText.length : end);
    if (readHeading(headingTitle(line.replace(/\r$/, '')), policy).id) return true;
  }
  return false;
}

/** Whether one of `lines` holds, in its first 80 characters, the prefix of `id` (`IR-` of `IR-2026-02-22`). */
function namesIdOfFamily(lines: string, id: string): boolean {
  const prefix = idFamilyPrefix(id);
  if (!prefix) return false;
  for (let start = 0; start < lines.length; ) {
    const nl = lines.indexOf('\n', start);
    const end = nl === -1 ? lines.length : nl;
    if (lines.slice(start, Math.min(end, start + 80)).includes(prefix)) return true;
    start = end + 1;
  }
  return false;
}

/** A date with slashes and a four-digit year (`4/13/2022`, `13/04/2022`). */
const SLASHED_DATE = /\d\/\d{1,2}\/\d{4}/;

/** Whether the heading line at `start` holds a slashed date whose numbers do not say which is the day. */
function headingNeedsOrder(text: string, start: number, policy: Policy): boolean {
  const nl = text.indexOf('\n', start);
  const line = text.slice(start, nl === -1 ? text.length : nl).replace(/\r$/, '');
  return SLASHED_DATE.test(line) && readHeading(headingTitle(line), policy).ambiguousDate === true;
}

/** Characters whose appearance or removal can change how lines around them are classified. */
const STRUCTURAL = /[`~#<>|\r]|^(?: {4}|\t)|^(?:---|\.\.\.)\s*$/m;

const CHUNK = 4096;

/**
 * Length of the common prefix. Compares 4 KB slices (a memory compare each, and it flattens the
 * concatenated strings an edit produces) before looking at single characters.
 */
function commonPrefix(x: string, y: string): number {
  const max = Math.min(x.length, y.length);
  let i = 0;
  while (i + CHUNK <= max && x.slice(i, i + CHUNK) === y.slice(i, i + CHUNK)) i += CHUNK;
  const xs = x.slice(i, Math.min(max, i + CHUNK));
  const ys = y.slice(i, Math.min(max, i + CHUNK));
  let k = 0;
  while (k < xs.length && xs.charCodeAt(k) === ys.charCodeAt(k)) k++;
  return i + k;
}

/** Length of the common suffix, at most `limit` characters. */
function commonSuffix(x: string, y: string, limit: number): number {
  let n = 0;
  while (n + CHUNK <= limit && x.slice(x.length - n - CHUNK, x.length - n) === y.slice(y.length - n - CHUNK, y.length - n)) n += CHUNK;
  const span = Math.min(CHUNK, limit - n);
  const xs = x.slice(x.length - n - span, x.length - n);
  const ys = y.slice(y.length - n - span, y.length - n);
  let k = 0;
  while (k < span && xs.charCodeAt(span - 1 - k) === ys.charCodeAt(span - 1 - k)) k++;
  return n + k;
}

/** Whether either text holds a severity token (`P1`, `SEV-2`) as the log's preset counts them. */
function touchesSeverityTokens(before: string, after: string): boolean {
  const a = severityTokenCounts(before);
  const b = severityTokenCounts(after);
  return a.p + a.sev + b.p + b.sev > 0;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Re-indexes `text`, an edit of `prev.text`. When the edit stays inside one incident's body and
 * touches nothing structural (headings, fences, comments, tables, indented code), only that
 * section is read again and every other incident is reused, shifted; otherwise it is a full
 * index. The result is always what `indexLog(text)` would give.
 */
export function reindexLog(prev: LogIndex, text: string, options: IndexOptions = {}): LogIndex {
  const prevOptions = optionsOf(prev);
  if (!prevOptions || prevOptions.policy !== options.policy || prevOptions.readFile !== options.readFile || prevOptions.singleIncident || options.singleIncident) {
    return indexLog(text, options);
  }
  const old = prev.text;
  if (old === text) return prev;
  // The changed region: old [a, oldEnd) became new [a, newEnd).
  const a = commonPrefix(old, text);
  const tail = commonSuffix(old, text, Math.min(old.length, text.length) - a);
  const oldEnd = old.length - tail;
  const newEnd = text.length - tail;
  const from = lineStartAt(old, a);
  const oldTo = nextLineStart(old, oldEnd);
  const newTo = nextLineStart(text, newEnd);
  const delta = text.length - old.length;
  // The preset a log without a playbook is read with depends on the severity tokens of the whole
  // text. A token never spans lines, so an edit whose lines hold none, before or after, leaves
  // them as they were; only an edit of such a line has the whole text counted again.
  if (touchesSeverityTokens(old.slice(from, oldTo), text.slice(from, newTo)) && presetForLog(text, options.policy ?? defaultPolicy())?.policy !== prev.inferredPolicy?.policy) return indexLog(text, options);
  if (STRUCTURAL.test(old.slice(from, oldTo)) || STRUCTURAL.test(text.slice(from, newTo)) || from < prev.bodyStart) return indexLog(text, options);
  // The line after the edit: an indented one could change between list text and code.
  const after = text.charCodeAt(newTo);
  if (after === 32 || after === 9) return indexLog(text, options);
  const k = prev.incidents.findIndex((i) => i.start < from && oldTo <= i.end);
  const target = k === -1 ? undefined : prev.incidents[k];
  if (!target || target.source !== 'section' || !target.idWritten || oldTo > target.end || from < target.bodyStart) return indexLog(text, options);
  if (prev.incidents.some((i) => i.source !== 'section') || hadMerges(prev.incidents)) return indexLog(text, options);
  // Taken once, as a value: a getter that read `prev` would keep every earlier index (and its
  // text) alive through the next, and walk them all on each read, keystroke after keystroke.
  const prevScan = prev.scanProblems;
  // Lines hidden by an unclosed fence are counted by what they hold (see hiddenIncidents.ts): an
  // edit among them may change the count.
  if (prevScan.some((p) => p.code === 'fence-hides-incidents' || p.code === 'unterminated-fence')) return indexLog(text, options);

  // An edited line that names an id of the target's family may open an incident written without
  // `#` (see idLines.ts): the log is read whole.
  if (namesIdOfFamily(text.slice(from, newTo), target.id)) return indexLog(text, options);
  // A slashed date whose numbers say the order (`4/13/2022`) is how the log's dates written
  // `4/12/2022` are read (see logSlashOrder): in a log that asked, an edited line holding a
  // slashed date, or a section whose own heading's date needs the order, has the log read whole.
  if (prev.slashOrderLooked && (SLASHED_DATE.test(old.slice(from, oldTo)) || SLASHED_DATE.test(text.slice(from, newTo)) || headingNeedsOrder(text, target.start, prev.inferredPolicy?.policy ?? options.policy ?? defaultPolicy()))) return indexLog(text, options);
  const sectionText = text.slice(target.start, target.end + delta);
  const sectionIndex = runIndex(sectionText, { ...options, policy: prev.inferredPolicy?.policy ?? options.policy, singleIncident: true });
  const fresh = sectionIndex.incidents[0];
  // A section that now asks the order of its dates asks the whole log's (see logSlashOrder).
  if (!fresh || fresh.id !== target.id || fresh.level !== target.level || sectionIndex.slashOrderLooked) return indexLog(text, options);
  // What the section alone cannot tell: a sub-heading with an id may now be a sibling incident
  // (its fields changed), a section of placeholders only is no incident at all, and in a log
  // grouped by status (`## Resolved` over sections) a section's status may come from outside it;
  // a section beside the incidents may become one by the labels an edit gives them.
  // A section pasted twice and read once becomes two incidents once either copy is edited.
  if (hasIdSubheading(sectionText, options) || isPlaceholderSection(fresh.title, null, null, fresh.fields) || prev.groupedByStatus || prev.readsBeside || prev.repeatsSection) return indexLog(text, options);
  const headingLine = target.line - 1;
  const targetStart = target.start;
  const lineDelta = countLines(text, from, newTo) - countLines(old, from, oldTo);
  // The edit touches nothing structural, so the scan finds the same problems. When lines were
  // added or removed before one of them, its line (and the message naming it) moved: those few
  // logs (an unterminated fence, conflict markers after the edit) get the full scan's list.
  const editLine = headingLine + 1 + countLines(old, target.start, from);
  const scanMoved = lineDelta !== 0 && prevScan.some((p) => p.line > editLine);
  const incidents = prev.incidents.map((inc, i) => {
    if (i < k) return inc;
    if (i === k) return new ShiftedIncident(fresh, targetStart, headingLine);
    // Shifts compose, so a long editing session never builds chains of wrappers.
    if (inc instanceof ShiftedIncident) return new ShiftedIncident(inc.base, inc.delta + delta, inc.lineDelta + lineDelta);
    return new ShiftedIncident(inc, delta, lineDelta);
  });
  let full: LogIndex | undefined;
  const complete = () => (full ??= indexLog(text, options));
  const index: LogIndex = {
    text,
    eol: prev.eol,
    bom: prev.bom,
    bodyStart: prev.bodyStart,
    incidents,
    // Problems and the declare slot depend on the whole log: computed in full when asked.
    get problems() {
      return complete().problems;
    },
    get scanProblems() {
      return scanMoved ? complete().scanProblems : prevScan;
    },
    hasConflicts: prev.hasConflicts,
    get declareSlot() {
      return complete().declareSlot;
    },
    // A final line break ends the last line rather than starting one, as in scanLines.
    lineCount: prev.lineCount + lineDelta + (old.endsWith('\n') ? 1 : 0) - (text.endsWith('\n') ? 1 : 0),
    ...(prev.inferredPolicy ? { inferredPolicy: prev.inferredPolicy } : {}),
    ...(prev.slashOrderLooked ? { slashOrderLooked: true as const } : {}),
  };
  rememberOptions(index, options);
  return index;
}
