// Fixes for what a union merge leaves behind: a field written twice (keep the line that is read,
// delete the others) and two incidents declared with the same id (renumber one, and carry the
// new id into its review file and into the links that point at its heading). Pure: splices for
// the log and the review file, and the review file's new name; the editor applies them as one edit.
import type { Field, Incident, LogIndex, Splice } from '../model';
import { headingSlug, reviewFileName } from '../review/review';
import { readReview } from '../review/reviewFile';
import { isPlaceholderValue } from '../playbook/statusWords';
import { lineEndAt, lineStartAt, stripInline } from '../reader/text';

/** The incident whose text holds `offset`. */
function incidentAt(index: LogIndex, offset: number): Incident | undefined {
  return index.incidents.find((i) => i.source === 'section' && offset >= i.start && offset < i.end);
}

/** Whether an ATX heading starts a line in [from, to): the end of a block of fields. */
function headingBetween(text: string, from: number, to: number): boolean {
  for (let nl = text.indexOf('\n', from); nl !== -1 && nl < to; nl = text.indexOf('\n', nl + 1)) {
    let k = nl + 1;
    while (k < nl + 4 && text[k] === ' ') k++;
    if (text[k] === '#') return true;
  }
  return false;
}

/** The whole line holding `offset`, its line break included (the one before it when it is the last line). */
function wholeLine(text: string, offset: number): Splice {
  const start = lineStartAt(text, offset);
  const end = lineEndAt(text, offset);
  const next = end < text.length ? end + (text[end] === '\r' ? 2 : 1) : end;
  if (next > end) return { start, end: next, text: '' };
  const before = start > 0 ? start - (start >= 2 && text[start - 2] === '\r' ? 2 : 1) : start;
  return { start: before, end, text: '' };
}

export interface DuplicateFieldFix {
  /** The line that stays: the one the reader shows. */
  kept: Field;
  /** The lines deleted. */
  dropped: Field[];
  splices: Splice[];
}

/**
 * Keeps the shown line of a field written twice and deletes the others, given any of the lines
 * (0-based). Undefined when that line is no duplicated field (the text changed since).
 */
export function keepShownField(index: LogIndex, line: number): DuplicateFieldFix | undefined {
  const { text } = index;
  const incident = incidentAt(index, lineOffset(text, line));
  if (!incident) return undefined;
  const own = (f: Field) => f.valueStart >= incident.bodyStart && f.valueStart < incident.end && !!f.canonical && !isPlaceholderValue(f.value);
  const at = incident.fields.find((f) => f.line === line && own(f));
  if (!at) return undefined;
  const key = stripInline(at.key).trim().toLowerCase();
  const same = incident.fields.filter((f) => own(f) && f.canonical === at.canonical && stripInline(f.key).trim().toLowerCase() === key);
  // Fields of the same block as `at`: no heading between them (the reader's rule, see duplicateFields.ts).
  const group = same.filter((f) => !headingBetween(text, Math.min(f.valueStart, at.valueStart), Math.max(f.valueStart, at.valueStart)));
  const lines = new Set(group.map((f) => f.line));
  if (lines.size < 2) return undefined;
  // The reader puts the shown one first among its kind.
  const kept = group[0];
  const dropped = group.filter((f) => f.line !== kept.line);
  const splices = [...new Set(dropped.map((f) => f.line))].map((l) => wholeLine(text, lineOffset(text, l))).sort((a, b) => a.start - b.start);
  return { kept, dropped, splices };
}

function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let k = 0; k < line; k++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return text.length;
    offset = nl + 1;
  }
  return offset;
}

/** An incident's heading text, as GitHub and VS Code's preview make its anchor from it. */
function headingText(index: LogIndex, incident: Incident): string {
  return index.text.slice(incident.start, lineEndAt(index.text, incident.start)).replace(/^ {0,3}#+[ \t]*/, '').trimEnd();
}

/** Offsets of `#anchor` used as a link target in `text`: `(#a)`, `(#a "title")`, `[x]: #a`; with `file`, `(../LOG.md#a)`. */
function anchorLinks(text: string, anchor: string, file?: string): number[] {
  const out: number[] = [];
  const needle = `#${anchor}`;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const after = text[at + needle.length];
    if (after !== undefined && after !== ')' && after !== ' ' && after !== '>' && after !== '\r' && after !== '\n') continue;
    const before = text[at - 1];
    const ok = file ? text.slice(Math.max(0, at - file.length), at) === file && '(/<'.includes(text[at - file.length - 1] ?? '') : before === '(' || before === '<' || (before === ' ' && text[at - 2] === ':');
    if (ok) out.push(at + 1);
  }
  return out;
}

/** The `[text]` just before `(` at `open`, when it is exactly `id`: its offset. */
function linkTextAt(text: string, open: number, id: string): number | undefined {
  if (text[open - 1] !== ']') return undefined;
  const start = open - 1 - id.length;
  return start > 0 && text[start - 1] === '[' && text.slice(start, open - 1) === id ? start : undefined;
}

/** Links to `#from` become links to `#to`; a link whose text is `oldId` says `newId`. */
function relink(text: string, from: string, to: string, oldId: string, newId: string, file?: string): Splice[] {
  const splices: Splice[] = [];
  for (const at of anchorLinks(text, from, file)) {
    splices.push({ start: at, end: at + from.length, text: to });
    let open = at - 1;
    while (open > 0 && open > at - 300 && text[open] !== '(' && text[open] !== '\n') open--;
    const t = text[open] === '(' ? linkTextAt(text, open, oldId) : undefined;
    if (t !== undefined) splices.push({ start: t, end: t + oldId.length, text: newId });
  }
  return splices;
}

export interface ReviewFileState {
  /** The review file's name in `pir/` beside the log (`INC-2026-1130-001.md`). */
  fileName: string;
  text: string;
  /** Whether a file already has the new id's name (then the file keeps its name). */
  newNameTaken: boolean;
}

export interface RenumberPlan {
  newId: string;
  /** The heading's id, and links in the log to the heading (and to the review file when it moves). */
  log: Splice[];
  /** The review file's edits and new name, when it belongs to this incident. */
  review?: { fileName: string; splices: Splice[]; renameTo?: string };
}

/**
 * Renumbers `incident` (one of two with the same id) to `newId`: its heading, the log's links to
 * its heading's anchor, and, when its review file (`pir/<id>.md`) is this incident's and not the
 * other's, that file's `incident:` front matter, heading and link back, and its name.
 */
export function renumberIncident(index: LogIndex, incident: Incident, newId: string, logFileName: string, review?: ReviewFileState): RenumberPlan {
  const { text } = index;
  const oldId = incident.id;
  const heading = headingText(index, incident);
  const at = text.indexOf(oldId, incident.start);
  const headingEnd = lineEndAt(text, incident.start);
  if (at === -1 || at >= headingEnd) return { newId, log: [] };
  const log: Splice[] = [{ start: at, end: at + oldId.length, text: newId }];
  const fromAnchor = headingSlug(heading);
  const toAnchor = headingSlug(heading.replace(oldId, newId));
  // Another heading with the same text has the same anchor: its links cannot be told apart.
  const twins = index.incidents.filter((i) => i !== incident && i.source === 'section' && i.id === oldId);
  const twinAnchors = twins.map((i) => headingSlug(headingText(index, i)));
  const uniqueAnchor = !twinAnchors.includes(fromAnchor) && fromAnchor !== toAnchor;
  if (uniqueAnchor) log.push(...relink(text, fromAnchor, toAnchor, oldId, newId).filter((s) => s.start >= headingEnd || s.end <= at));
  if (!review || !reviewIsOf(review.text, fromAnchor, twinAnchors, text, incident, twins, review.fileName, logFileName)) return { newId, log: sorted(log) };

  const r = review.text;
  const splices: Splice[] = [];
  const doc = readReview(r);
  const fm = doc.frontMatter?.lines.find((l) => l.key === 'incident');
  if (fm) {
    const k = r.indexOf(oldId, fm.valueStart);
    if (k !== -1 && k + oldId.length <= fm.valueEnd) splices.push({ start: k, end: k + oldId.length, text: newId });
  }
  const first = doc.sections[0];
  if (first) {
    const k = r.indexOf(oldId, first.headingStart);
    if (k !== -1 && k < first.bodyStart) splices.push({ start: k, end: k + oldId.length, text: newId });
  }
  if (uniqueAnchor) splices.push(...relink(r, fromAnchor, toAnchor, oldId, newId, logFileName).filter((s) => !splices.some((q) => q.start === s.start)));
  const newName = reviewFileName({ id: newId });
  const renameTo = newName !== review.fileName && !review.newNameTaken ? newName : undefined;
  if (renameTo) {
    // The incident's own links to its review file (its Review field) follow the file.
    for (let k = text.indexOf(`pir/${review.fileName}`, headingEnd); k !== -1 && k < incident.end; k = text.indexOf(`pir/${review.fileName}`, k + 1)) {
      log.push({ start: k + 4, end: k + 4 + review.fileName.length, text: renameTo });
    }
  }
  return { newId, log: sorted(log), review: { fileName: review.fileName, splices: sorted(splices), ...(renameTo ? { renameTo } : {}) } };
}

function sorted(splices: Splice[]): Splice[] {
  return splices.sort((a, b) => a.start - b.start);
}

/**
 * Whether the review file shared by two incidents' id is this one's: it links to this heading
 * (not the twin's), or only this incident's section links to the file. Undecided is not this one's:
 * a review is never taken from the incident it was written for.
 */
function reviewIsOf(review: string, anchor: string, twinAnchors: string[], log: string, incident: Incident, twins: Incident[], fileName: string, logFileName: string): boolean {
  const linksHere = anchorLinks(review, anchor, logFileName).length > 0;
  const linksTwin = twinAnchors.some((a) => a !== anchor && anchorLinks(review, a, logFileName).length > 0);
  if (linksHere !== linksTwin) return linksHere;
  const links = (i: Incident) => log.slice(i.start, i.end).includes(`pir/${fileName}`);
  const ours = links(incident);
  return ours && !twins.some(links);
}
