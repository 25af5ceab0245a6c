// A section that holds an incident's status updates as a status page posts them: a bold status
// and its time on a line, the update's words under it (`**Identified** — Jun 19, 2024 - 16:20
// UTC`), newest first as the page lists them or oldest first. Two such lines make the section an
// incident whose status is its latest update's; updates of a planned maintenance (`Scheduled`,
// `Completed`) make it none. Scans over characters: no pattern runs on the user's text.
import { meaningEndsIt, readStatus, statusKept } from '../playbook/statusWords';
import { combineDayAndTime, parseLeadingTime } from '../format/time';
import { type IndexContext, lineText } from './context';
import { stripInline } from './text';

/** One update: its status as written, what that status means, when, and its 0-based line. */
export interface StatusUpdate {
  status: string;
  open: boolean;
  at: string | null;
  line: number;
  maintenance: boolean;
}

/** The words of a planned maintenance's updates (a status page posts them for maintenances only), in the seven languages and CJK. */
const MAINTENANCE_WORDS = new Set([
  'scheduled', 'completed', 'maintenance scheduled', 'maintenance completed', 'verifying',
  'geplant', 'abgeschlossen', 'planifiée', 'planifié', 'terminée', 'terminé', 'programado', 'programada', 'completado', 'completada', 'agendado', 'agendada', 'concluído', 'concluída',
  'pianificato', 'pianificata', 'completato', 'completata', 'запланировано', 'завершено', '予定', '完了', '计划中', '已完成', '예정', '완료',
]);

/** Words of a title that names a planned maintenance (`## Scheduled maintenance: database upgrade`, `## Wartung …`). */
const MAINTENANCE_TITLE_WORDS = ['maintenance', 'wartung', 'wartungsarbeiten', 'mantenimiento', 'manutenção', 'manutenzione', 'обслуживание', 'メンテナンス', '维护', '維護', '점검'];

/** Whether a heading's title names a planned maintenance (see MAINTENANCE_TITLE_WORDS). */
export function isMaintenanceTitle(title: string): boolean {
  const lower = stripInline(title).toLowerCase();
  return MAINTENANCE_TITLE_WORDS.some((w) => lower.includes(w));
}

/** Dashes and colons between an update's status and its time. */
const isJoiner = (c: string) => c === '—' || c === '–' || c === '-' || c === ':' || c === ' ' || c === '\t' || c === '|' || c === '·';

/** A time of an update (`Jun 19, 2024 - 16:20 UTC`, `2024-06-19 16:20 UTC`): ISO, or null when it names none. */
function updateTime(text: string, zone: string): string | null {
  const day = parseLeadingTime(text, zone);
  if (!day?.value || day.invalid) return null;
  if (day.kind === 'datetime' || day.kind === 'time') return day.kind === 'datetime' ? day.value : null;
  // A day, then a dash and a time (`Jun 19, 2024 - 16:20 UTC`).
  let i = day.length;
  while (i < text.length && i - day.length < 5 && isJoiner(text[i])) i++;
  const time = parseLeadingTime(text.slice(i), zone);
  if (time?.kind === 'time' && time.value) return combineDayAndTime(day.value, time.value, time.zone, zone) ?? day.value;
  return day.value;
}

/** The update a line opens, or undefined: a bold status word, a dash or colon, and a time. */
function updateLine(ctx: IndexContext, line: string, li: number): StatusUpdate | undefined {
  const t = line.trimStart();
  if (!t.startsWith('**') && !t.startsWith('__')) return undefined;
  const marker = t.slice(0, 2);
  const close = t.indexOf(marker, 2);
  if (close < 3 || close > 40) return undefined;
  const word = stripInline(t.slice(2, close)).trim();
  let i = close + 2;
  const from = i;
  while (i < t.length && i - from < 6 && isJoiner(t[i])) i++;
  if (i === from) return undefined;
  const at = updateTime(t.slice(i, i + 60), ctx.policy.timeZone);
  if (!at) return undefined;
  const lower = word.toLowerCase();
  if (MAINTENANCE_WORDS.has(lower)) return { status: word, open: lower !== 'completed', at, line: li, maintenance: true };
  const read = readStatus(ctx.policy, word);
  if (!read?.meaning || read.note) return undefined;
  const open = !meaningEndsIt(read.meaning);
  return { status: statusKept(ctx.policy, read.status, read.meaning), open, at, line: li, maintenance: false };
}

/** The status updates of lines [from, to): the lines that open one (see updateLine). */
export function statusUpdates(ctx: IndexContext, from: number, to: number): StatusUpdate[] {
  const out: StatusUpdate[] = [];
  for (let li = from; li < to; li++) {
    if (ctx.lines.skip[li] || ctx.lines.level[li]) continue;
    const line = lineText(ctx, li);
    if (line.length > 200 || line.charCodeAt(0) === 32) continue;
    const u = updateLine(ctx, line, li);
    if (u) out.push(u);
  }
  return out;
}

/**
 * Whether lines [from, to) hold an incident's status updates: two or more, none a planned
 * maintenance's.
 */
export function holdsStatusUpdates(ctx: IndexContext, from: number, to: number): boolean {
  const updates = statusUpdates(ctx, from, to);
  return updates.length >= 2 && !updates.some((u) => u.maintenance);
}

/** The latest of two updates or more (by time; the first listed when times tie) and them all, or undefined. */
export function latestUpdate(updates: StatusUpdate[]): { latest: StatusUpdate; all: StatusUpdate[] } | undefined {
  if (updates.length < 2 || updates.some((u) => u.maintenance)) return undefined;
  let latest = updates[0];
  for (const u of updates) if (u.at && latest.at && Date.parse(u.at) > Date.parse(latest.at)) latest = u;
  return { latest, all: updates };
}

/** The earliest time among updates, or null. */
export function earliestUpdate(updates: readonly StatusUpdate[]): string | null {
  let first: string | null = null;
  for (const u of updates) if (u.at && (first === null || Date.parse(u.at) < Date.parse(first))) first = u.at;
  return first;
}
