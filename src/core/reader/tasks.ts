// Checklist tasks (`- [x] Page the on-call`) and action items (list items or table rows, with
// an owner and a done state).
import type { ActionItem, ChecklistItem } from '../model';
import { isLetterOrDigitCode, splitTableRow, stripInline } from './text';
import { type IndexContext, lineText } from './context';
import { LIST_ITEM, hasChar, indentWidth } from './lineScan';
import { tableAt } from './tables';
import { OWNER_HEADERS, extractOwner } from './timeline';

const TASK = /^\[([ xX])\]\s+(.*)$/;

const DASHES = new Set(['-', '\u2013', '\u2014']);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * Where a task's skip note starts, and its reason: `Item — skipped: reason` (the written form;
 * `-` and `–` work too, the reason is optional) or `Item (skipped: reason)` at the end. The
 * first note wins, so a reason may itself say "skipped". A scan, linear in the text.
 */
export function splitSkipNote(raw: string): { cut: number; reason: string } | null {
  const lower = raw.toLowerCase();
  for (let i = lower.indexOf('skipped'); i !== -1; i = lower.indexOf('skipped', i + 1)) {
    let after = i + 7;
    if (after < raw.length && isLetterOrDigitCode(raw.charCodeAt(after))) continue;
    if (raw[i - 1] === '(') {
      // `(skipped: reason)` closing the line.
      let end = raw.length;
      while (end > after && isSpace(raw[end - 1])) end--;
      if (raw[end - 1] !== ')') continue;
      let cut = i - 1;
      while (cut > 0 && isSpace(raw[cut - 1])) cut--;
      if (cut === 0) continue;
      let r = after;
      if (raw[r] === ':') r++;
      else if (r !== end - 1) continue;
      return { cut, reason: raw.slice(r, end - 1).trim() };
    }
    let b = i;
    while (b > 0 && isSpace(raw[b - 1])) b--;
    if (b === i || !DASHES.has(raw[b - 1]) || !isSpace(raw[b - 2])) continue;
    let cut = b - 1;
    while (cut > 0 && isSpace(raw[cut - 1])) cut--;
    if (cut === 0) continue;
    while (isSpace(raw[after])) after++;
    if (after < raw.length && raw[after] !== ':') continue;
    return { cut, reason: raw.slice(after + 1).trim() };
  }
  return null;
}

/** The task list items in lines [from, to), under the checklist phase `phase` when there is one. */
export function readTasks(ctx: IndexContext, from: number, to: number, out: ChecklistItem[], phase?: string): void {
  const { text, lines } = ctx;
  for (let li = from; li < to; li++) {
    if (lines.skip[li]) continue;
    if (!hasChar(text, 91 /* [ */, lines.starts[li], lines.ends[li])) continue;
    const m = LIST_ITEM.exec(lineText(ctx, li));
    if (!m) continue;
    const t = TASK.exec(m[4]);
    if (!t) continue;
    const skip = splitSkipNote(t[2]);
    const item: ChecklistItem = { done: t[1] !== ' ', text: stripInline(skip ? t[2].slice(0, skip.cut) : t[2]), line: li };
    if (phase !== undefined) item.phase = phase;
    if (skip) item.skipped = { reason: stripInline(skip.reason) };
    out.push(item);
  }
}

/** Every top-level list item and table row in lines [from, to) is an action item. */
export function readActionItems(ctx: IndexContext, from: number, to: number, out: ActionItem[]): void {
  for (let li = from; li < to; li++) {
    if (ctx.lines.skip[li]) continue;
    const line = lineText(ctx, li);
    const m = LIST_ITEM.exec(line);
    if (m && indentWidth(m[1]) <= 3) {
      const t = TASK.exec(m[4]);
      const body = t ? t[2] : m[4];
      const { text, owner } = extractOwner(body);
      const inlineOwner = owner ?? /(?:^|\s)@([\p{L}\p{N}._-]+)/u.exec(body)?.[1] ?? null;
      out.push({ done: t ? t[1] !== ' ' : false, text: stripInline(text), owner: inlineOwner, line: li });
      continue;
    }
    const table = tableAt(ctx.text, ctx.lines, li, to);
    if (table) {
      const textCol = table.headers.findIndex((h) => /action|item|task|what|description|title/i.test(h));
      const ownerCol = table.headers.findIndex((h) => OWNER_HEADERS.test(h));
      const statusCol = table.headers.findIndex((h) => /status|state|done/i.test(h));
      for (let r = table.firstRow; r <= table.lastRow; r++) {
        const cells = splitTableRow(lineText(ctx, r)).cells.map(stripInline);
        const status = statusCol >= 0 ? (cells[statusCol] ?? '') : '';
        out.push({
          done: /^(done|closed|complete|completed|resolved|✅|x)$/i.test(status),
          text: cells[textCol >= 0 ? textCol : 0] ?? '',
          owner: ownerCol >= 0 ? (cells[ownerCol] ?? '').replace(/^@/, '') || null : null,
          line: r,
        });
      }
      li = table.lastRow;
    }
  }
}
