// Incidents outside sections: table-row logs (a row per incident) and index tables whose rows
// link per-incident files, which are read and merged into the row.
import { opensSayingNoIncident } from './proseWords';
import { MORE_END_COLUMNS, MORE_NOTE_COLUMNS, MORE_WENT_WRONG_COLUMNS } from '../playbook/moreLanguages';
import type { CanonicalField, Field, Incident, IncidentReading, LogIndex } from '../model';
import { isDurationKey, isFilledValue, meaningEndsIt, readStatus } from '../playbook/statusWords';
import { canonicalField, matchSeverity } from '../playbook/policy';
import { looksLikeTableRow, splitTableRow, stripInline } from './text';
import { type IndexContext, type LinkedFileRead, lineStart, lineText } from './context';
import { fieldValues, newIncident } from './fields';
import { headingFacts } from './headings';
import { isPlaceholderValue } from './placeholders';
import { type TableInfo, tableAt, tableField } from './tables';
import { parseTimeValue } from '../format/time';

const ID_HEADERS = /^(id|incident id|incident|ticket|ref|reference|#|no\.?|nr\.?|№|n°|nº|n\.º|núm\.?|número|numéro|nummer|numero|номер|编号|編號|番号|번호)$/i;
/** Columns a row's title is read from, the first found winning. */
const TITLE_HEADERS = [
  // A short description before a description: `Number | Opened | Short description | Description`.
  'short description', 'kurz', 'kurzbeschreibung', 'descripción corta', 'descrição curta', 'description courte', 'issue description', 'problem description', 'bug description',
  'title', 'summary', 'issue', 'description', 'trigger', 'symptom', 'symptoms', 'incident', 'name', 'what', 'what happened',
  // The seven languages: title, incident, description, what happened, symptom.
  'título', 'incidente', 'descripción', 'qué pasó', 'síntoma', 'resumen', 'descrição', 'o que aconteceu', 'sintoma', 'resumo', 'titre', 'description', 'symptôme', 'résumé',
  'titel', 'vorfall', 'störung', 'beschreibung', 'was ist passiert', 'zusammenfassung', 'titolo', 'descrizione', 'cosa è successo', 'sintomo', 'riepilogo',
  'название', 'инцидент', 'описание', 'что', 'что случилось', 'симптом', 'сводка',
  // Chinese, Japanese and Korean: title, summary, symptom.
  '标题', '標題', '摘要', '概要', '现象', '現象', '症状', '件名', 'タイトル', '제목', '요약', '증상', '현상',
];

/**
 * What went wrong, named as an error, a bug, a problem or a failure (`Datum | Fehler | Ursache`):
 * a title column beside a date column only. Without one, a `# | Category | Problem` table
 * summarises the sections below it.
 */
const WENT_WRONG_HEADERS = new Set([
  'error', 'bug', 'problem', 'failure', 'fault', 'error observado', 'problema', 'erro', 'falla', 'falha', 'erreur', 'problème', 'panne',
  'fehler', 'störung', 'errore', 'guasto', 'ошибка', 'проблема', 'сбой', '错误', '错误现象', '问题', '問題', '故障', 'エラー', '不具合', '오류', '문제', '장애',
  ...MORE_WENT_WRONG_COLUMNS,
]);
/** Columns a row's date is read from: `Date`, `Window`, `When`, `Started`, `Date / Window (IST)`. */
const DATE_HEADERS = /^(date|detected|started|start|when|day|datum|fecha|data|window|time window|date opened|opened|began|incident date|started at|detected at)$/;
const SEVERITY_HEADERS = /^(severity|sev|priority|level|schweregrad|gravedad|sévérité|gravidade|prioridad|prioridade)$/;
const RELEASE_HEADERS = new Set(['version', 'release', 'versión', 'versão', 'versione', 'версия', '版本', 'バージョン', '버전']);
const ATTENDEE_HEADERS = new Set(['attendees', 'participants', 'asistentes', 'participantes', 'teilnehmer', 'partecipanti', 'участники', '参会人', '参加者', '참석자']);

/** End columns that name when a fix shipped: a date ends the row, words (`Reverted`) do not. */
const FIX_END_HEADERS = new Set(['fix deployed', 'fixed on', 'date fixed']);
/**
 * Columns that say an occurrence ended (or how long it lasted): with a date column, a table of
 * occurrences (`Date | Down | Recovered | Notes`). Durations and resolved-time keys count too.
 */
const END_HEADERS = new Set([
  'recovered', 'recovered at', 'resolved', 'fixed', ...FIX_END_HEADERS, 'restored', 'back up', 'back', 'up again', 'up', 'end', 'ended', 'duration', 'downtime', 'outage', 'length',
  'recuperado', 'restablecido', 'resuelto', 'solucionado', 'duración', 'restaurado', 'resolvido', 'duração', 'rétabli', 'résolu', 'durée', 'fin',
  'behoben', 'wiederhergestellt', 'dauer', 'ausfallzeit', 'ende', 'ripristinato', 'risolto', 'durata', 'fine', 'восстановлено', 'решено', 'длительность', 'продолжительность', 'простой',
  ...MORE_END_COLUMNS,
]);
/** Matches no header: a column found by its alias alone. */
const NO_HEADER = /(?!)/;

/** Columns a register's title is read from (an id, a date and a status, no title column): what happened, then why. */
const REGISTER_TITLE_HEADERS = ['impact', 'what happened', 'symptom', 'case', 'problem', 'impacto', 'problema', 'auswirkung', 'влияние', 'проблема', 'root cause', 'cause'];

/** Columns an occurrence's title is read from when the table has no title column. */
const NOTE_HEADERS = [
  'notes', 'note', 'cause', 'root cause', 'reason', 'what broke', 'comment', 'comments', 'details', 'remarks', 'what',
  'notas', 'nota', 'causa', 'observaciones', 'observações', 'motivo', 'remarques', 'remarque', 'commentaire', 'raison',
  'bemerkung', 'bemerkungen', 'notiz', 'ursache', 'grund', 'osservazioni', 'motivo', 'примечание', 'примечания', 'причина', 'комментарий',
  '原因', '备注', '備考', '说明', '説明', '内容', '원인', '비고', '내용',
  ...MORE_NOTE_COLUMNS,
];

/**
 * A header's names to match: lower-case, a parenthesised note dropped and each `/`-separated
 * part on its own (`Date / Window (IST)` → date, window), plus the zone the note names.
 */
function headerNames(header: string): { names: string[]; zone: string | null } {
  const lower = header.toLowerCase().trim();
  const note = /\(([^()]{1,30})\)\s*$/.exec(lower);
  const zone = note && /^(?:utc|gmt|pst|pdt|mst|mdt|cst|cdt|est|edt|cet|cest|bst|eet|eest|ist|jst)$/i.test(note[1].trim()) ? note[1].trim().toUpperCase() : null;
  const base = note ? lower.slice(0, note.index).trim() : lower;
  const parts = base.split('/').map((p) => p.trim()).filter(Boolean);
  return { names: parts.length > 1 ? [base, ...parts] : [base], zone };
}

/**
 * A column naming what went wrong (see WENT_WRONG_HEADERS), in a table that also says why or
 * what was done about it (a cause, a fix or a status column): `| Datum | Fehler | Ursache |`.
 * A `| Date | Error | Count |` table in a post-mortem counts errors; it lists no incidents.
 */
function wentWrongColumn(headers: ReadonlyArray<{ names: string[] }>, idCol: number, statusCol: number): number {
  const col = headers.findIndex((h, i) => i !== idCol && h.names.some((n) => WENT_WRONG_HEADERS.has(n)));
  if (col < 0) return -1;
  const told = (statusCol >= 0 && statusCol !== col) || headers.some((h, i) => i !== col && h.names.some((n) => NOTE_HEADERS.includes(n) || FIX_DONE_HEADERS.has(n) || END_HEADERS.has(n)));
  return told ? col : -1;
}

/** More columns than any table of incidents has: such a table is not read for incidents. */
const MAX_INCIDENT_COLUMNS = 64;

/** The GFM tables in lines [from, to) outside code and headings, each with its headers' names (see headerNames). */
function* tablesIn(ctx: IndexContext, from: number, to: number): Generator<{ table: TableInfo; headers: ReturnType<typeof headerNames>[] }> {
  const { text, lines } = ctx;
  for (let li = from; li < to; li++) {
    if (lines.skip[li] || lines.level[li]) continue;
    if (text.charCodeAt(lines.starts[li]) !== 124 /* | */ && !looksLikeTableRow(lineText(ctx, li))) continue;
    const table = tableAt(text, lines, li, to);
    if (!table) continue;
    li = table.lastRow;
    // No table of incidents has that many columns; a hostile row of `|` has as many as characters.
    if (table.headers.length > MAX_INCIDENT_COLUMNS) continue;
    yield { table, headers: table.headers.map(headerNames) };
  }
}

/** Whether one of a row's cells (of the table's columns; a row may hold more `|` than it has columns) opens saying it was no incident. */
function saysNoIncident(cells: readonly string[], table: TableInfo): boolean {
  for (let c = 0; c < cells.length && c < table.headers.length; c++) if (opensSayingNoIncident(cells[c])) return true;
  return false;
}

/** Table-row logs (a row per incident) and index tables linking per-incident files. */
export function findTableIncidents(ctx: IndexContext, from: number, to: number, out: Incident[]): void {
  const { policy } = ctx;
  for (const { table, headers } of tablesIn(ctx, from, to)) {
    // A release table (`| Version | Date | Summary |`) or a meeting's (`| Date | Summary | Attendees |`) lists no incidents.
    if (headers[0]?.names.some((n) => RELEASE_HEADERS.has(n)) || headers.some((h) => h.names.some((n) => ATTENDEE_HEADERS.has(n)))) continue;
    const col = (re: RegExp, canonical?: CanonicalField) => headers.findIndex((h) => h.names.some((n) => re.test(n) || (canonical !== undefined && canonicalField(policy, n) === canonical)));
    const idCol = col(ID_HEADERS, 'id');
    const dateCol = col(DATE_HEADERS, 'detected');
    const sevCol = col(SEVERITY_HEADERS, 'severity');
    let titleCol = -1;
    for (const name of TITLE_HEADERS) {
      titleCol = headers.findIndex((h, i) => i !== idCol && h.names.includes(name));
      if (titleCol >= 0) break;
    }
    let statusCol = col(NO_HEADER, 'status');
    // `Status in V2`, `Estado actual`: a status column by its first word, when its cells read as statuses (not `Status quo`).
    const firstWordStatus = statusCol < 0 ? headers.findIndex((h) => h.names[0] !== 'status quo' && canonicalField(policy, h.names[0].split(' ')[0]) === 'status') : -1;
    // Whether the status column's cells read as statuses: asked at most once per table.
    let statusCellsRead: boolean | undefined;
    if (firstWordStatus >= 0) {
      statusCellsRead = cellsReadAsStatuses(ctx, table, firstWordStatus);
      if (statusCellsRead) statusCol = firstWordStatus;
    }
    // What went wrong is the title beside a date, or beside an id and a status whose cells are
    // statuses (`| # | Problème | Statut |`; an error table's `Status` of 401 and 429 is none).
    if (titleCol < 0 && (dateCol >= 0 || (idCol >= 0 && statusCol >= 0 && (statusCellsRead ??= cellsReadAsStatuses(ctx, table, statusCol))))) titleCol = wentWrongColumn(headers, idCol, statusCol);
    // An `Incident` column with no title column beside it names the incident: its title, and
    // its id where a cell starts with one (`INC-12: Checkout down`).
    if (titleCol < 0 && idCol >= 0 && (dateCol >= 0 || sevCol >= 0) && headers[idCol].names.includes('incident')) titleCol = idCol;
    // A column that says when an occurrence ended or how long it lasted.
    const endCol = dateCol >= 0 ? headers.findIndex((h, i) => i !== dateCol && h.names.some((n) => END_HEADERS.has(n) || isDurationKey(n))) : -1;
    // An id, a date and a status on each row (`ID | Date | Category | Impact | … | Status`): a
    // register of incidents even with no title column; the title is the first column that tells.
    if (titleCol < 0 && idCol >= 0 && dateCol >= 0 && statusCol >= 0) {
      for (const name of REGISTER_TITLE_HEADERS) {
        titleCol = headers.findIndex((h, i) => i !== idCol && i !== dateCol && h.names.includes(name));
        if (titleCol >= 0) break;
      }
      if (titleCol < 0) titleCol = headers.findIndex((_, i) => i !== idCol && i !== dateCol && i !== statusCol && i !== sevCol);
    }
    // A table whose Incident column only points at incidents (`| 3 | Never remove rootDirectory | #2 |`)
    // is about them (rules, lessons), not a list of them.
    if (titleCol >= 0 && referencesOnly(ctx, table, titleCol)) continue;
    if (!((idCol >= 0 || dateCol >= 0) && (sevCol >= 0 || titleCol >= 0))) {
      // A table of occurrences: a date column and an end column (a guess, noted on each row);
      // or a table the playbook names.
      if (endCol < 0 && !namedInPlaybook(ctx, table)) continue;
      if (titleCol < 0) {
        for (const name of NOTE_HEADERS) {
          titleCol = headers.findIndex((h, i) => i !== dateCol && h.names.includes(name));
          if (titleCol >= 0) break;
        }
      }
      const under = headingAbove(ctx, table.lastRow);
      const occurrence: IncidentReading = { shape: 'occurrence-table', ...(endCol < 0 ? { byPlaybook: true } : {}), ...(under ? { under } : {}) };
      const columns: RowColumns = { idCol, titleCol, dateCol, dateZone: dateCol >= 0 ? headers[dateCol].zone : null, endCol };
      for (let r = table.firstRow; r <= table.lastRow; r++) {
        const row = splitTableRow(lineText(ctx, r));
        if (isPlaceholderRow(row.cells, columns) || saysNoIncident(row.cells, table)) continue;
        out.push(occurrenceRow(ctx, tableRowIncident(ctx, r, table, columns), row.cells, table, columns, occurrence));
      }
      reportCutOffRow(ctx, table, to);
      continue;
    }
    const columns: RowColumns = { idCol, titleCol, dateCol, dateZone: dateCol >= 0 ? headers[dateCol].zone : null, endCol, statusCol: firstWordStatus };
    const fixToDoCol = headers.findIndex((h) => h.names.some((n) => FIX_TO_DO_HEADERS.has(n)));
    for (let r = table.firstRow; r <= table.lastRow; r++) {
      const row = splitTableRow(lineText(ctx, r));
      // A row that says of itself it was no incident (`**No incident.** Deploy checked, all green`).
      if (isPlaceholderRow(row.cells, columns) || saysNoIncident(row.cells, table)) continue;
      const incident = tableRowIncident(ctx, r, table, columns);
      if (endCol < 0 && statusCol < 0 && !incident.status) openFromCells(ctx, incident, row.cells, table, fixToDoCol);
      out.push(endCol >= 0 ? occurrenceRow(ctx, incident, row.cells, table, columns, undefined) : incident);
    }
    reportCutOffRow(ctx, table, to);
  }
}

/**
 * A row of an incident table cut off by a blank line (`| … |`, blank, `| … |`): Markdown ends the
 * table at the blank line and shows the next row as a paragraph, so it is no incident. A person
 * reads it as one, so say where it is and how to join it.
 */
function reportCutOffRow(ctx: IndexContext, table: TableInfo, to: number): void {
  const { lines, text } = ctx;
  let li = table.lastRow + 1;
  while (li < to && li <= table.lastRow + 2 && lineText(ctx, li).trim() === '') li++;
  if (li === table.lastRow + 1 || li >= to || lines.skip[li] || lines.level[li]) return;
  if (text.charCodeAt(lines.starts[li]) !== 124 /* | */ || tableAt(text, lines, li, to)) return;
  const cells = splitTableRow(lineText(ctx, li)).cells;
  if (cells.length !== table.headers.length) return;
  ctx.problems.push({
    code: 'table-row-cut-off',
    message: `Line ${li + 1} looks like a row of the table above (line ${table.headerLine + 1}), but the blank line before it ends the table, so it is not read as an incident. Remove the blank line to make it a row.`,
    line: li + 1,
    severity: 'warning',
  });
}

/** The title of the nearest heading above line `li`, or undefined. */
export function headingAbove(ctx: IndexContext, li: number): string | undefined {
  const hs = ctx.headings;
  let lo = 0;
  let hi = hs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (hs[mid].line < li) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? stripInline(hs[found].text) || undefined : undefined;
}

/**
 * Whether the playbook's `reading.incidentTables` names this table: by the title of the heading
 * it is under (`Outages`), or by its columns (`Date | Down | Recovered`), case-insensitively.
 */
function namedInPlaybook(ctx: IndexContext, table: TableInfo): boolean {
  const names = ctx.policy.reading?.incidentTables;
  if (!names?.length) return false;
  const under = headingAbove(ctx, table.headerLine)?.toLowerCase();
  const columns = table.headers.map((h) => h.trim().toLowerCase()).join(' | ');
  for (const name of names) {
    const want = name.trim().toLowerCase();
    if (want.includes('|')) {
      if (columns.startsWith(want.split('|').map((p) => p.trim()).join(' | '))) return true;
    } else if (want === under) return true;
  }
  return false;
}

/**
 * A row of a table of occurrences: noted as such, and, with no status written, resolved when
 * its end column is filled (`Recovered: 04:45`), open when it says in words that it has not
 * ended (`not yet`, `ongoing`).
 */
function occurrenceRow(ctx: IndexContext, incident: Incident, cells: string[], table: TableInfo, columns: RowColumns, shape: IncidentReading | undefined): Incident {
  const reading: IncidentReading = { ...shape };
  const end = columns.endCol >= 0 ? (cells[columns.endCol] ?? '') : '';
  if (!incident.status && columns.endCol >= 0) {
    const from = `${table.headers[columns.endCol]}: ${stripInline(end)}`;
    const back = reopenedCell(cells, table, columns.titleCol);
    // A fix column (`Fix Deployed`) ends the row with a date; `Reverted`, `Staging only` end nothing.
    const ended = isFilledValue(end) && (!FIX_END_HEADERS.has(table.headers[columns.endCol].trim().toLowerCase()) || parseTimeValue(stripInline(end)) !== undefined);
    if (back) {
      // Ended once, then back (`Outcome: Recurred`): open again.
      incident.status = readStatus(ctx.policy, 'Open')?.status ?? 'Open';
      reading.statusFrom = back;
    } else if (ended) {
      incident.status = ctx.policy.resolvedStatus;
      reading.statusFrom = from;
    } else if (!isFilledValue(end) && /\p{L}/u.test(end) && !isPlaceholderValue(end)) {
      incident.status = readStatus(ctx.policy, 'Open')?.status ?? 'Open';
      reading.statusFrom = from;
    } else {
      // Not ended yet: open when another cell says so (`Fix Type: Not yet fixed`).
      openFromCells(ctx, incident, cells, table, -1);
      if (incident.reading?.statusFrom) reading.statusFrom = incident.reading.statusFrom;
    }
  }
  if (reading.shape || reading.statusFrom) incident.reading = reading;
  return incident;
}

/**
 * Whether half or more of a column's filled cells read as statuses: a status word (`Résolu`,
 * `未修正`), a mark (`⏳ À faire`), or a word or three (`Pending`, `In progress`); not a code
 * (`401`) nor a sentence (`Manual approval per service`).
 */
function cellsReadAsStatuses(ctx: IndexContext, table: TableInfo, col: number): boolean {
  let filled = 0;
  let read = 0;
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    const cell = stripInline((splitTableRow(lineText(ctx, r)).cells[col] ?? '').slice(0, 200)).trim();
    if (!cell) continue;
    filled++;
    if (readStatus(ctx.policy, cell)?.meaning || /^\p{So}/u.test(cell) || (/^\p{L}/u.test(cell) && cell.split(' ', 4).length <= 3)) read++;
  }
  return filled > 0 && read * 2 > filled;
}

/** A cell that says a fixed problem came back (`Recurred`, `Reopened`, `Regressed`), as `Header: cell`, or undefined. */
function reopenedCell(cells: readonly string[], table: TableInfo, titleCol: number): string | undefined {
  for (let c = 0; c < cells.length && c < table.headers.length; c++) {
    const cell = stripInline(cells[c].slice(0, 200)).trim();
    // The word alone or nearly (`**Recurred**`, `Reopened (2x)`): not a title or a note that tells more.
    if (c === titleCol || cell.split(' ', 4).length > 3) continue;
    const word = cell.slice(0, 12).toLowerCase().replace(/[^a-z-].*$/s, '');
    if (word === 'recurred' || word === 'reopened' || word === 're-opened' || word === 'regressed') return `${table.headers[c]}: ${cell.slice(0, 80)}`;
  }
  return undefined;
}

/** A reference to an incident alone in a cell: `#2`, `INC-12`, `#1, #3`. */
const REFERENCES = /^(?:#\d{1,6}|[A-Z][A-Z0-9]{0,9}-\d{1,9})(?:\s{0,3}[,;/&]\s{0,3}(?:#\d{1,6}|[A-Z][A-Z0-9]{0,9}-\d{1,9})){0,20}$/;

/** Whether every row's cell in column `col` is only references to incidents (and there is a row). */
function referencesOnly(ctx: IndexContext, table: TableInfo, col: number): boolean {
  let rows = 0;
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    const cell = stripInline(splitTableRow(lineText(ctx, r)).cells[col] ?? '').trim();
    if (cell.length > 200 || !REFERENCES.test(cell)) return false;
    rows++;
  }
  return rows > 0;
}

/** Columns that say what is still to be done (`Suggested Fix`, `Next step`): filled, with no status column, the fix is not in yet. */
export const FIX_TO_DO_HEADERS = new Set([
  'suggested fix', 'proposed fix', 'recommended fix', 'fix needed', 'needed fix', 'suggested action', 'proposed action', 'recommended action', 'action needed', 'action required', 'next step', 'next steps', 'to do', 'todo',
  'solución propuesta', 'corrección propuesta', 'próximo paso', 'próximos pasos', 'correção sugerida', 'solução proposta', 'próximo passo', 'próximos passos',
  'solution proposée', 'correctif proposé', 'prochaine étape', 'prochaines étapes', 'vorgeschlagene lösung', 'vorgeschlagener fix', 'nächster schritt', 'nächste schritte',
  'soluzione proposta', 'prossimo passo', 'prossimi passi', 'предлагаемое исправление', 'предлагаемое решение', 'следующий шаг', 'следующие шаги',
  '建议修复', '建议方案', '修复建议', '対策案', '修正案', '次のステップ', '개선안', '수정 제안', '다음 단계',
]);

/**
 * A cell that begins by saying the row is still open (`Open: coalesce to one write`, `TODO`,
 * `Pending —`, `Noch offen:`): the word alone, or before a colon or a dash. Anchored literal
 * words, so it runs in time linear in the cell.
 */
const OPEN_CELL = /^(?:open|still open|todo|to do|pending|not yet|not yet fixed|not fixed|unresolved|unfixed|offen|noch offen|ausstehend|pendiente|abierto|abierta|sin resolver|pendente|aberto|aberta|em aberto|ouvert|ouverte|en attente|à faire|aperto|in sospeso|da fare|открыто|открыт|не исправлено|не решено|в работе|未対応|対応中|未解決|未解决|处理中|待处理|미해결|진행 중|진행중)\s*(?:$|[:：—–.,(-])/u;

/**
 * A row with no status column and no end column: open when one of its cells begins by saying
 * so (`Open: …`), or when its to-do column (`Suggested Fix`) is filled, since the fix is then
 * still to be made. A guess, noted on the incident with the cell it came from.
 */
function openFromCells(ctx: IndexContext, incident: Incident, cells: string[], table: TableInfo, fixToDoCol: number): void {
  let from: string | undefined;
  for (let c = 0; c < cells.length && c < table.headers.length && !from; c++) {
    const cell = stripInline(cells[c]).trim();
    if (OPEN_CELL.test(cell.slice(0, 40).toLowerCase())) from = `${table.headers[c]}: ${cell.slice(0, 80)}`;
  }
  const todo = fixToDoCol >= 0 ? stripInline(cells[fixToDoCol] ?? '').trim() : '';
  if (!from && todo && isFilledValue(todo) && /\p{L}/u.test(todo)) from = `${table.headers[fixToDoCol]}: ${todo.slice(0, 80)}`;
  // A status as the last part of a cell (`Portée: quasi-accident, ouvert`; `v2, corrigé`): the row's.
  if (!from) {
    for (let c = 0; c < cells.length && c < table.headers.length; c++) {
      const said = statusEndingCell(ctx, cells[c]);
      if (!said) continue;
      const where = `${table.headers[c]}: ${stripInline(cells[c]).trim().slice(0, 80)}`;
      if (!said.open) {
        incident.status = ctx.policy.resolvedStatus;
        incident.reading = { ...incident.reading, statusFrom: where };
        return;
      }
      from = where;
      break;
    }
  }
  if (!from) return;
  incident.status = readStatus(ctx.policy, 'Open')?.status ?? 'Open';
  incident.reading = { ...incident.reading, statusFrom: from };
}

/**
 * The status a cell ends with, after a comma, a semicolon or a dash (`quasi-accident, ouvert`, `v2,
 * corrigé`): a status word alone in that last part, in the words the playbook and the seven
 * languages read; undefined for a cell that is one part only or ends with anything else.
 */
function statusEndingCell(ctx: IndexContext, cell: string): { open: boolean } | undefined {
  const plain = stripInline(cell).trim();
  if (plain.length > 120) return undefined;
  let cut = -1;
  for (const sep of [',', ';', ' — ', ' – ', ' - ']) cut = Math.max(cut, plain.lastIndexOf(sep) + (sep.length - 1));
  if (cut <= 0) return undefined;
  const last = plain.slice(cut + 1).trim();
  if (!last || last.length > 30 || last.split(' ').length > 3) return undefined;
  const read = readStatus(ctx.policy, last);
  if (!read?.meaning || read.note) return undefined;
  return { open: !meaningEndsIt(read.meaning) };
}

/** Columns that name what went wrong, in a table of problems and their fixes. */
const PROBLEM_HEADERS = new Set([
  'problem', 'issue', 'symptom', 'error', 'failure', 'what broke', 'what went wrong', 'problema', 'síntoma', 'falla', 'fallo', 'falha', 'sintoma', 'problème', 'erreur', 'symptôme', 'panne',
  'fehler', 'störung', 'symptom', 'sintomo', 'guasto', 'errore', 'проблема', 'ошибка', 'симптом', 'сбой',
  '问题', '問題', '现象', '現象', '症状', '错误', '錯誤', 'エラー', '문제', '증상', '현상', '오류',
]);

/** Columns that say what was done about it (`Fix`, `Solution`, `修法`): filled, the problem was dealt with. */
const FIX_DONE_HEADERS = new Set([
  'fix', 'fixed by', 'the fix', 'solution', 'resolution', 'workaround', 'remedy', 'what we did', 'action taken', 'corrección', 'solución', 'arreglo', 'resolución', 'correção', 'solução', 'resolução',
  'correctif', 'solution', 'résolution', 'correction', 'lösung', 'behebung', 'maßnahme', 'fix', 'soluzione', 'correzione', 'risoluzione', 'исправление', 'решение', 'что сделали',
  '修法', '修正', '修复', '修復', '解决', '解決', '解决方法', '解決方法', '解决方案', '解決策', '对策', '対策', '対応', '处理', '해결', '해결책', '해결 방법', '조치', '수정',
]);

/**
 * Tables of problems and their fixes (`問題 | 原因 | 修法`, `Problem | Cause | Fix`): a column
 * naming what went wrong and one saying what was done, with no id or date column. Read only
 * when nothing else in the log is an incident: beside incidents, such a table is a handbook's
 * (known problems and their workarounds). Each row is an incident, resolved when its fix cell is
 * filled, open when the cell says so (`Open: …`, `TODO`); a guess, noted on the incident.
 */
export function findProblemTables(ctx: IndexContext, from: number, to: number, out: Incident[]): void {
  for (const { table, headers } of tablesIn(ctx, from, to)) {
    const problemCol = headers.findIndex((h) => h.names.some((n) => PROBLEM_HEADERS.has(n)));
    const fixCol = headers.findIndex((h, i) => i !== problemCol && h.names.some((n) => FIX_DONE_HEADERS.has(n)));
    if (problemCol < 0 || fixCol < 0) continue;
    const under = headingAbove(ctx, table.lastRow);
    const columns: RowColumns = { idCol: -1, titleCol: problemCol, dateCol: -1, dateZone: null, endCol: -1 };
    for (let r = table.firstRow; r <= table.lastRow; r++) {
      const row = splitTableRow(lineText(ctx, r));
      if (isPlaceholderRow(row.cells, columns)) continue;
      const incident = tableRowIncident(ctx, r, table, columns);
      const reading: IncidentReading = { shape: 'problem-table', ...(under ? { under } : {}) };
      if (!incident.status) {
        const fix = stripInline(row.cells[fixCol] ?? '').trim();
        if (OPEN_CELL.test(fix.slice(0, 40).toLowerCase())) incident.status = readStatus(ctx.policy, 'Open')?.status ?? 'Open';
        else if (isFilledValue(fix) && /\p{L}/u.test(fix)) incident.status = ctx.policy.resolvedStatus;
        if (incident.status) reading.statusFrom = `${table.headers[fixCol].trim()}: ${fix.slice(0, 80)}`;
      }
      incident.reading = reading;
      out.push(incident);
    }
  }
}

/**
 * An incident with no section of its own, written on lines [line, endLine): a table's row or an
 * entry (entryIncidents.ts). It holds no timeline, checklist or action items; its body starts
 * where it ends, so nothing is ever written into it.
 */
export function lineIncident(
  ctx: IndexContext,
  line: number,
  endLine: number,
  source: 'table-row' | 'entry',
  id: string | null,
  title: string,
  fields: Field[],
  values: Pick<Incident, 'severity' | 'status' | 'detected' | 'resolved' | 'roles'>,
): Incident {
  const end = lineStart(ctx, endLine);
  return newIncident(id, title, fields, values, { timeline: [], checklist: [], actionItems: [], line: line + 1, source, start: ctx.lines.starts[line], end, level: 0, bodyStart: end });
}

interface RowColumns {
  /** A table of occurrences' column saying when it ended or how long it lasted; -1 otherwise. */
  endCol: number;
  idCol: number;
  titleCol: number;
  dateCol: number;
  /** The zone a date column's header names (`Date / Window (IST)`), for times written without one. */
  dateZone: string | null;
  /** A status column named by its first word only (`Status in V2`, `Estado actual`); -1 otherwise. */
  statusCol?: number;
}

/**
 * A row that is no incident: every cell a placeholder (`| — | — | — |`), an id with nothing
 * else (`| INC-001 | — | — | — |`: a template's first row), or no id and no date and a title
 * that is empty or all emphasis (`| — | — | _No active incidents_ | — |`).
 */
function isPlaceholderRow(cells: string[], columns: RowColumns): boolean {
  if (cells.every((c, i) => i === columns.idCol || isPlaceholderValue(c))) return true;
  const cell = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
  if (cell(columns.idCol).includes('](') || cells.some((c) => c.includes(']('))) return false;
  const noKey = (columns.idCol < 0 || isPlaceholderValue(cell(columns.idCol))) && (columns.dateCol < 0 || isPlaceholderValue(cell(columns.dateCol)));
  if (!noKey) return false;
  const title = cell(columns.titleCol).trim();
  return title === '' || isPlaceholderValue(title) || /^(?:_[^_]{1,200}_|\*[^*]{1,200}\*)$/.test(title);
}

function tableRowIncident(ctx: IndexContext, r: number, table: TableInfo, columns: RowColumns): Incident {
  const { idCol, titleCol, dateCol } = columns;
  const rawLine = lineText(ctx, r);
  const row = splitTableRow(rawLine);
  const fields: Field[] = [];
  for (let c = 0; c < table.headers.length && c < row.cells.length; c++) {
    const f = tableField(ctx, r, c, c, table.headers[c], row);
    if (!f) continue;
    // A date column named by a word the aliases do not know (`Window`, `Date / Window (IST)`) is the detection time.
    if (c === dateCol && !f.canonical) f.canonical = 'detected';
    if (c === columns.statusCol && !f.canonical) f.canonical = 'status';
    fields.push(f);
  }
  const link = findMarkdownLink(rawLine);
  const idText = idCol >= 0 ? stripInline(row.cells[idCol] ?? '') : '';
  const facts = headingFacts(ctx, idText);
  const id: string | null = facts.id ?? (idText && idCol >= 0 && /^[\w#-]+$/.test(idText) && !isPlaceholderValue(idText) ? idText : null);
  let title = titleCol >= 0 ? (titleCol === idCol && facts.id ? facts.title : id !== null && titleCol === idCol ? '' : stripInline(row.cells[titleCol] ?? '')) : '';
  const titleFromColumn = title !== '';
  if (!title && link) title = stripInline(link.text);
  const values = fieldValues(ctx, fields, { id, title, severityText: null, date: null });
  if (dateCol >= 0 && columns.dateZone) {
    const zoned = zonedTime(stripInline(row.cells[dateCol] ?? ''), columns.dateZone, ctx.policy.timeZone);
    if (zoned) values.detected = zoned;
  }
  const incident = lineIncident(ctx, r, r + 1, 'table-row', id, title, fields, values);
  if (idText) reportIdRange(ctx, r, idText);
  const options = ctx.options;
  if (!link || /^[a-z]+:/i.test(link.href) || !options.readFile) return incident;
  const refuse = (message: string) => {
    ctx.problems.push({ code: 'refused-link', message, line: r + 1, severity: 'warning', incidentId: id ?? undefined });
    return incident;
  };
  let href: string;
  try {
    href = decodeURI(link.href);
  } catch {
    return refuse(`The linked file ${link.href} has a malformed %-encoding; it is not read.`);
  }
  let fileText: LinkedFileRead;
  try {
    fileText = options.readFile(href);
  } catch {
    fileText = undefined;
  }
  if (typeof fileText === 'object') return refuse(`The linked file ${href} ${fileText.refused}; it is not read.`);
  if (fileText === undefined) {
    ctx.problems.push({ code: 'unreadable-link', message: `The linked file ${href} could not be read.`, line: r + 1, severity: 'warning', incidentId: id ?? undefined });
    return incident;
  }
  return mergeLinked(incident, ctx.indexFile(fileText, ctx.policy), href, titleFromColumn);
}

/** A quarter, a half or a week of a year (`Q1`, `H2`, `W12`, `KW12`): a period, no id. */
const PERIOD_WORD = /^(?:Q[1-4]|H[12]|C?W\d{1,2}|KW\d{1,2})$/i;
/** The rows each problem list has been told of (see reportIdRange). */
const rangesSaid = new WeakMap<object, Set<number>>();

/**
 * A row whose id cell names a range of ids (`B01~B07`, `P16-01–P16-05`): one row, read as one
 * incident, for what a person may count one by one; `check` says so.
 */
function reportIdRange(ctx: IndexContext, r: number, idText: string): void {
  let at = -1;
  for (const join of ['~', '〜', '～', '–', '..']) if ((at = idText.indexOf(join)) > 0) break;
  if (at <= 0) return;
  const join = idText[at] === '.' ? 2 : 1;
  // Each end an id as a row's id cell holds one: read as a heading's, or a word with two digits
  // (`B01`) that is no date (`2024-01-01–2024-01-05` is a span of days), no quarter, half or
  // week (`Q1–Q2`, `W12–W13`) and no severity (`SEV1~SEV2`).
  const idOf = (t: string) => headingFacts(ctx, t).id ?? (/^[\w#-]{1,40}$/.test(t) && /\d\d/.test(t) && !PERIOD_WORD.test(t) && !parseTimeValue(t) && !matchSeverity(ctx.policy, t) ? t : null);
  const first = idOf(idText.slice(0, at).trim());
  const last = idOf(idText.slice(at + join).trim());
  // A table a playbook names may be read twice over (see proseIncidents): said once.
  let said = rangesSaid.get(ctx.problems);
  if (!said) rangesSaid.set(ctx.problems, (said = new Set()));
  if (!first || !last || first === last || said.has(r)) return;
  said.add(r);
  ctx.problems.push({
    code: 'row-holds-id-range',
    message: `Row ${r + 1} stands for ${first} to ${last}, a range of ids, and is read as one incident. Give each its own row to count them one by one.`,
    line: r + 1,
    severity: 'info',
  });
}

/** A cell's time read in the zone its column header names, when the cell names none. */
function zonedTime(cell: string, zone: string, fallback: string): string | null {
  const p = parseTimeValue(cell, fallback);
  if (!p || p.kind !== 'datetime' || p.zone) return null;
  const q = parseTimeValue(`${cell.slice(0, p.length)} ${zone}`, fallback);
  return q && q.value && !q.invalid ? q.value : null;
}

/**
 * The row, with what the linked file says taking precedence (an id written in the row wins, and
 * a title written in a column of the row: a report's H1 is often a generic "Incident Report").
 */
function mergeLinked(row: Incident, fileIndex: LogIndex, href: string, titleFromColumn: boolean): Incident {
  const inner = fileIndex.incidents[0];
  if (!inner) return { ...row, source: 'linked-file', file: href };
  return {
    ...row,
    id: row.idWritten ? row.id : inner.idWritten ? inner.id : row.id,
    idWritten: row.idWritten || inner.idWritten,
    title: titleFromColumn ? row.title : inner.title || row.title,
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

/**
 * The first `[text](target.md)` link of a row (an optional `#anchor` after the `.md`), found
 * with a table of next occurrences: a pattern for it was quadratic on a row of `[a](` runs.
 */
export function findMarkdownLink(line: string): { text: string; href: string } | undefined {
  if (line.indexOf('](') === -1) return undefined;
  const n = line.length;
  const nextClose = new Int32Array(n + 2).fill(-1);
  const nextParen = new Int32Array(n + 2).fill(-1);
  const nextHash = new Int32Array(n + 2).fill(-1);
  const nextSpace = new Int32Array(n + 2).fill(-1);
  for (let j = n - 1; j >= 0; j--) {
    const c = line.charCodeAt(j);
    nextClose[j] = c === 93 ? j : nextClose[j + 1];
    nextParen[j] = c === 41 ? j : nextParen[j + 1];
    nextHash[j] = c === 35 ? j : nextHash[j + 1];
    nextSpace[j] = c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 ? j : nextSpace[j + 1];
  }
  const endsWithMd = (from: number, to: number) => to - from >= 4 && line.slice(to - 3, to).toLowerCase() === '.md';
  for (let i = line.indexOf('['); i !== -1; i = line.indexOf('[', i + 1)) {
    const j = nextClose[i + 1];
    if (j === -1) return undefined;
    if (line.charCodeAt(j + 1) !== 40) continue;
    const k = j + 2;
    const close = nextParen[k];
    if (close === -1) return undefined;
    const space = nextSpace[k] === -1 ? n : nextSpace[k];
    const hash = nextHash[k];
    // The target runs to the `)`, or to a `#` that starts an anchor, with no white space in it.
    if (hash !== -1 && hash < close && hash < space && endsWithMd(k, hash)) return { text: line.slice(i + 1, j), href: line.slice(k, hash) };
    if (close < space && endsWithMd(k, close)) return { text: line.slice(i + 1, j), href: line.slice(k, close) };
  }
  return undefined;
}
