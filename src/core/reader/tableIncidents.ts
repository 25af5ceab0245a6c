// Incidents outside sections: table-row logs (a row per incident) and index tables whose rows
// link per-incident files, which are read and merged into the row.
import type { CanonicalField, Field, Incident, LogIndex } from '../model';
import { canonicalField } from '../policy';
import { looksLikeTableRow, splitTableRow, stripInline } from '../text';
import { type IndexContext, lineStart, lineText } from './context';
import { fieldValues } from './fields';
import { readHeading } from './headings';
import { type TableInfo, tableAt, tableField } from './tables';

const ID_HEADERS = /^(id|incident id|incident|ticket|ref|reference|#|no\.?|nr\.?)$/i;
const TITLE_HEADERS = /^(title|summary|description|incident|name|what|issue)$/i;

/** Table-row logs (a row per incident) and index tables linking per-incident files. */
export function findTableIncidents(ctx: IndexContext, from: number, to: number, out: Incident[]): void {
  const { text, lines, policy } = ctx;
  for (let li = from; li < to; li++) {
    if (lines.skip[li] || lines.level[li]) continue;
    if (text.charCodeAt(lines.starts[li]) !== 124 /* | */ && !looksLikeTableRow(lineText(ctx, li))) continue;
    const table = tableAt(text, lines, li, to);
    if (!table) continue;
    li = table.lastRow;
    const headers = table.headers.map((h) => h.toLowerCase());
    const col = (re: RegExp, canonical?: CanonicalField) => headers.findIndex((h) => re.test(h) || (canonical !== undefined && canonicalField(policy, h) === canonical));
    const idCol = col(ID_HEADERS, 'id');
    const dateCol = col(/^(date|detected|started|when|day|datum|fecha)$/, 'detected');
    const sevCol = col(/^(severity|sev|priority|level|schweregrad|gravedad|sévérité)$/, 'severity');
    const titleCol = headers.findIndex((h, i) => i !== idCol && TITLE_HEADERS.test(h));
    if (!((idCol >= 0 || dateCol >= 0) && (sevCol >= 0 || titleCol >= 0))) continue;
    for (let r = table.firstRow; r <= table.lastRow; r++) out.push(tableRowIncident(ctx, r, table, idCol, titleCol));
  }
}

function tableRowIncident(ctx: IndexContext, r: number, table: TableInfo, idCol: number, titleCol: number): Incident {
  const rawLine = lineText(ctx, r);
  const row = splitTableRow(rawLine);
  const fields: Field[] = [];
  for (let c = 0; c < table.headers.length && c < row.cells.length; c++) {
    const f = tableField(ctx, r, c, c, table.headers[c]);
    if (f) fields.push(f);
  }
  const link = /\[([^\]]*)\]\(([^)\s]+\.md)(?:#[^)]*)?\)/i.exec(rawLine);
  const idText = idCol >= 0 ? stripInline(row.cells[idCol] ?? '') : '';
  const facts = readHeading(idText, ctx.policy);
  const id: string | null = facts.id ?? (idText && idCol >= 0 && /^[\w#-]+$/.test(idText) ? idText : null);
  let title = titleCol >= 0 ? stripInline(row.cells[titleCol] ?? '') : '';
  if (!title && link) title = stripInline(link[1]);
  const values = fieldValues(ctx, fields, { id, title, severityText: null, date: null });
  const start = ctx.lines.starts[r];
  const end = lineStart(ctx, r + 1);
  const incident: Incident = {
    id: id ?? '',
    idWritten: id !== null,
    title,
    severity: values.severity,
    status: values.status,
    detected: values.detected,
    resolved: values.resolved,
    roles: values.roles,
    fields,
    timeline: [],
    checklist: [],
    actionItems: [],
    line: r + 1,
    source: 'table-row',
    start,
    end,
    level: 0,
    bodyStart: end,
  };
  const options = ctx.options;
  if (!link || /^[a-z]+:/i.test(link[2]) || !options.readFile) return incident;
  const href = decodeURI(link[2]);
  let fileText: string | undefined;
  try {
    fileText = options.readFile(href);
  } catch {
    fileText = undefined;
  }
  if (fileText === undefined) {
    ctx.problems.push({ code: 'unreadable-link', message: `The linked file ${href} could not be read.`, line: r + 1, severity: 'warning', incidentId: id ?? undefined });
    return incident;
  }
  return mergeLinked(incident, ctx.indexFile(fileText, ctx.policy), href);
}

/** The row, with what the linked file says taking precedence (an id written in the row wins). */
function mergeLinked(row: Incident, fileIndex: LogIndex, href: string): Incident {
  const inner = fileIndex.incidents[0];
  if (!inner) return { ...row, source: 'linked-file', file: href };
  return {
    ...row,
    id: row.idWritten ? row.id : inner.idWritten ? inner.id : row.id,
    idWritten: row.idWritten || inner.idWritten,
    title: inner.title || row.title,
    severity: inner.severity ?? row.severity,
    status: inner.status ?? row.status,
    detected: inner.detected ?? row.detected,
    resolved: inner.resolved ?? row.resolved,
    roles: {
      commander: inner.roles.commander ?? row.roles.commander,
      techLead: inner.roles.techLead ?? row.roles.techLead,
      commsLead: inner.roles.commsLead ?? row.roles.commsLead,
    },
    timeline: inner.timeline,
    checklist: inner.checklist,
    actionItems: inner.actionItems,
    source: 'linked-file',
    file: href,
  };
}
