// The metrics as CSV, one row per incident, for a spreadsheet: RFC 4180 quoting, and cells
// that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) prefixed with `'`.
import type { IncidentDurations } from './metrics';

export const CSV_HEADER = ['id', 'severity', 'status', 'detected', 'resolved', 'time_to_detect_minutes', 'time_to_acknowledge_minutes', 'time_to_resolve_minutes', 'time_to_mitigate_minutes'];

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 10) / 10);
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The CSV text: a header row, then one row per incident, CRLF line breaks as RFC 4180 has them (or
 * LF for a terminal). Rows of several logs (each with its service) get a first column, `service`.
 */
export function metricsCsv(rows: readonly IncidentDurations[], eol: '\r\n' | '\n' = '\r\n'): string {
  const services = rows.some((r) => r.service !== undefined);
  const lines = [(services ? ['service', ...CSV_HEADER] : CSV_HEADER).join(',')];
  for (const r of rows) {
    const cells = [r.id, r.severity, r.status, r.detected, r.resolved, r.timeToDetect, r.timeToAcknowledge, r.timeToResolve, r.timeToMitigate];
    lines.push((services ? [r.service ?? null, ...cells] : cells).map(csvCell).join(','));
  }
  return lines.join(eol) + eol;
}
