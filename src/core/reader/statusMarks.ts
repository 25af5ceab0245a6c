// Status marks a log explains in a legend (`Legend: ✅ resolved · 🟡 monitoring · 🔴 ongoing`),
// and the mark opening an entry's line. A coloured circle means what the log says it means (in
// another log `🔴` is a severity), so a mark is read as a status only through a legend. Scans
// over code points: no pattern runs on the user's text.
import { type StatusReading, readStatus } from '../playbook/statusWords';
import { type IndexContext, lineText } from './context';
import { stripInline } from './text';

/** What a legend says a mark means: the status its words read as, and the words. */
export interface MarkMeaning {
  status: string;
  meaning: NonNullable<StatusReading['meaning']>;
  words: string;
}

/** Whether a code point is a pictograph or symbol a log uses as a mark (✅ ✔ ⚠ 🔴 🟡 🟢 ⏳ …). */
export function isMarkCode(c: number): boolean {
  return (c >= 0x2600 && c <= 0x27bf) || (c >= 0x2b00 && c <= 0x2bff) || (c >= 0x1f300 && c <= 0x1faff) || c === 0x2713 || c === 0x2714 || c === 0x2705;
}

/** The mark at `i` of `text` (a code point, and a variation selector after it), or the empty string. */
function markAt(text: string, i: number): string {
  const c = text.codePointAt(i) ?? 0;
  if (!isMarkCode(c)) return '';
  let end = i + (c > 0xffff ? 2 : 1);
  if (text.charCodeAt(end) === 0xfe0f || text.charCodeAt(end) === 0xfe0e) end++;
  return text.slice(i, end);
}

/** A mark without its variation selector: `✔️` and `✔` are one mark. */
const bareMark = (mark: string) => (mark.endsWith('\ufe0f') || mark.endsWith('\ufe0e') ? mark.slice(0, -1) : mark);

/** Characters that separate a legend's pairs (`✅ resolved · 🟡 monitoring | 🔴 ongoing`). */
const PAIR_SEPARATORS = new Set(['·', '|', ',', ';', '•', '/', '、', '，']);
/** Characters between a mark and its words (`✅ = resolved`, `🔴: ongoing`). */
const MARK_JOINERS = new Set([' ', '\t', '=', ':', '：', '-', '–', '—', '→']);

/**
 * The pairs of a legend line: each mark followed by words that read as a status. Two pairs or more
 * make a legend; fewer, none (a line that merely starts with a mark).
 */
function legendPairs(ctx: IndexContext, line: string): Map<string, MarkMeaning> | undefined {
  const pairs = new Map<string, MarkMeaning>();
  const text = stripInline(line.length > 400 ? line.slice(0, 400) : line);
  let i = 0;
  while (i < text.length) {
    const mark = markAt(text, i);
    if (!mark) {
      i++;
      continue;
    }
    let j = i + mark.length;
    while (j < text.length && MARK_JOINERS.has(text[j])) j++;
    const from = j;
    while (j < text.length && !PAIR_SEPARATORS.has(text[j]) && !markAt(text, j)) j++;
    const words = text.slice(from, j).trim();
    const read = words && words.length <= 60 ? readStatus(ctx.policy, words) : undefined;
    if (read?.meaning && !pairs.has(bareMark(mark))) pairs.set(bareMark(mark), { status: read.status, meaning: read.meaning, words });
    i = j > i ? j : i + 1;
  }
  return pairs.size >= 2 ? pairs : undefined;
}

/** The marks a log's legend explains, from its first legend line in [from, to); empty when it has none. */
export function statusLegend(ctx: IndexContext, from: number, to: number): Map<string, MarkMeaning> {
  for (let li = from; li < to; li++) {
    if (ctx.lines.skip[li]) continue;
    const line = lineText(ctx, li);
    // Two marks at least: a quick count before the pairs are read.
    let marks = 0;
    for (let i = 0; i < line.length && i < 400 && marks < 2; i++) if (isMarkCode(line.codePointAt(i) ?? 0)) marks++;
    if (marks < 2) continue;
    const pairs = legendPairs(ctx, line);
    if (pairs) return pairs;
  }
  return new Map();
}

/** The mark opening `line` (after spaces) and the text after it and its spaces, or undefined. */
export function leadingMark(line: string): { mark: string; rest: string } | undefined {
  let i = 0;
  while (line[i] === ' ') i++;
  const mark = markAt(line, i);
  if (!mark) return undefined;
  let j = i + mark.length;
  if (line[j] !== ' ' && line[j] !== '*' && line[j] !== '_') return undefined;
  while (line[j] === ' ') j++;
  return { mark: bareMark(mark), rest: line.slice(j) };
}
