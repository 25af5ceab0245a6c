// Checklist tasks (`- [x] Page the on-call`) and action items (list items or table rows, with
// an owner and a done state).
import type { ActionItem, ChecklistItem } from '../model';
import { splitTableRow, stripInline } from '../text';
import { type IndexContext, lineText } from './context';
import { LIST_ITEM, hasChar, indentWidth } from './lineScan';
import { tableAt } from './tables';
import { OWNER_HEADERS, extractOwner } from './timeline';

const TASK = /^\[([ xX])\]\s+(.*)$/;

/** The task list items in lines [from, to). */
export function readTasks(ctx: IndexContext, from: number, to: number, out: ChecklistItem[]): void {
  const { text, lines } = ctx;
  for (let li = from; li < to; li++) {
    if (lines.skip[li]) continue;
    if (!hasChar(text, 91 /* [ */, lines.starts[li], lines.ends[li])) continue;
    const m = LIST_ITEM.exec(lineText(ctx, li));
    if (!m) continue;
    const t = TASK.exec(m[4]);
    if (t) out.push({ done: t[1] !== ' ', text: stripInline(t[2]), line: li });
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
