// GFM tables as the other readers meet them: where one starts and ends, and a cell read as a
// field (two-column field tables, table-row incidents).
import type { Field } from '../model';
import { canonicalField } from '../playbook/policy';
import { isTableDelimiterRow, looksLikeTableRow, splitTableRow, stripInline } from './text';
import { type IndexContext, lineText } from './context';
import { type Lines, hasChar } from './lineScan';

export interface TableInfo {
  headerLine: number;
  firstRow: number;
  lastRow: number;
  headers: string[];
}

/** A GFM table starting at `li` (header row + delimiter row), or undefined. */
export function tableAt(text: string, lines: Lines, li: number, endLine: number): TableInfo | undefined {
  if (li + 1 >= endLine) return undefined;
  // Cheap tests first: the header holds a `|`, and the delimiter row starts with `|`, `-` or `:`.
  if (!hasChar(text, 124, lines.starts[li], lines.ends[li])) return undefined;
  let k = lines.starts[li + 1];
  while (text.charCodeAt(k) === 32) k++;
  const c = text.charCodeAt(k);
  if (c !== 124 && c !== 45 && c !== 58) return undefined;
  const header = text.slice(lines.starts[li], lines.ends[li]);
  if (!looksLikeTableRow(header)) return undefined;
  const delim = text.slice(lines.starts[li + 1], lines.ends[li + 1]);
  if (!isTableDelimiterRow(delim)) return undefined;
  const headers = splitTableRow(header).cells.map((h) => stripInline(h));
  let last = li + 1;
  for (let r = li + 2; r < endLine; r++) {
    if (lines.skip[r] || lines.level[r]) break;
    const row = text.slice(lines.starts[r], lines.ends[r]);
    if (row.trim() === '' || !looksLikeTableRow(row)) break;
    last = r;
  }
  return { headerLine: li, firstRow: li + 2, lastRow: last, headers };
}

/** Row `li`'s cell `valueCol` as a field keyed by cell `keyCol` (or by `keyOverride`). */
export function tableField(ctx: IndexContext, li: number, keyCol: number, valueCol: number, keyOverride?: string, split?: ReturnType<typeof splitTableRow>): Field | undefined {
  // A caller reading every cell of a row passes it split once: splitting per cell is quadratic in a row of many cells.
  const row = split ?? splitTableRow(lineText(ctx, li));
  if (row.cells.length <= Math.max(keyCol, valueCol)) return undefined;
  const key = keyOverride ?? stripInline(row.cells[keyCol]);
  if (!key) return undefined;
  const base = ctx.lines.starts[li];
  return {
    key,
    canonical: canonicalField(ctx.policy, key),
    value: row.cells[valueCol],
    style: 'table',
    line: li,
    valueStart: base + row.starts[valueCol],
    valueEnd: base + row.ends[valueCol],
  };
}
