// The status update: the trading playbook's template (Incident ID, Status, Impact, Actions, ETA,
// Next Update) filled from the log, for the team ("internal", on the severity's update cadence)
// or for customers ("status page", on its own cadence, in customer wording). "Mark as sent"
// logs `Status update (internal|status page): <first line>`; the status page's cadence restarts
// from the newest such entry, the internal one (like every timeline entry) from any.
// The customers' Impact is only what the team wrote for them (the Impact field, or the text of a
// status page post on the timeline), never an entry such as a health check's output; the team's
// draft says where its Impact came from.
import { ownerLabel } from '../response/author';
import { snoozeMinutes } from '../response/check';
import { isActive } from '../indexer';
import type { Incident, TimelineEntry } from '../model';
import { type Policy, matchSeverity } from '../playbook/policy';
import { foldUserText, stripInline } from '../reader/text';
import { formatLogTime, toDate } from '../format/time';
import { dayText, isValidZone, timeText, wallClockAt } from '../format/zone';
import { detectedAt, rawField, statusChangeOf } from '../metrics/times';

export type Audience = 'internal' | 'statuspage';
export type UpdateFormat = 'markdown' | 'slack' | 'text';

export const AUDIENCES: readonly Audience[] = ['internal', 'statuspage'];
export const UPDATE_FORMATS: readonly UpdateFormat[] = ['markdown', 'slack', 'text'];

/** How an audience is written in the timeline entry: `Status update (status page): …`. */
const AUDIENCE_WORDS: Record<Audience, string> = { internal: 'internal', statuspage: 'status page' };

export interface StatusUpdateDraft {
  audience: Audience;
  incidentId: string;
  title: string;
  severity: string | null;
  status: string | null;
  /**
   * The Impact field, else the text of the newest status page post on the timeline; for the team
   * only, else the newest entry the team wrote (never a command's result). With none of these:
   * for customers, what the status says ("We are investigating…"); for the team, "Not known yet.".
   */
  impact: string;
  /** Where `impact` came from (the team's draft names it). */
  impactSource: ImpactSource;
  /** What is being done now: the newest entries (up to 3), oldest first. */
  actions: Array<{ at: string | null; text: string; owner: string | null }>;
  /** The ETA field as written, or null when there is none. */
  eta: string | null;
  /** When the next update is due: `now` + the audience's cadence; null when none is required or resolved. */
  nextUpdate: Date | null;
  /** The cadence in minutes, or null. */
  cadenceMinutes: number | null;
  resolved: boolean;
  /** `#incident-YYYY-MM-DD-HH-MM` from the detection time in the playbook's zone; null without one. */
  warRoom: string | null;
}

/**
 * Where a draft's Impact came from: the Impact field (`key` as written: `Customer impact`), a
 * status page post on the timeline, the newest entry the team wrote (the team's draft only), or
 * nothing written yet.
 */
export type ImpactSource =
  | { kind: 'field'; key: string }
  | { kind: 'status page post'; at: string | null }
  | { kind: 'entry'; at: string | null }
  | { kind: 'none' };

const ETA_KEYS = new Set(['eta', 'estimated resolution', 'expected resolution', 'estimated time to resolution']);
const IMPACT_KEYS = new Set(['impact', 'customer impact', 'user impact']);

const STATUS_UPDATE_ENTRY = /^status update \((internal|status page)\):/i;

/** The timeline entry "Mark as sent" logs: `Status update (internal): <first line of the text>`. */
export function statusUpdateEntryText(audience: Audience, text: string): string {
  // At most the first 1,000 characters of the first non-blank line: an entry is one line.
  let start = 0;
  while (start < text.length && /\s/.test(text[start])) start++;
  let end = start;
  while (end < text.length && end - start < 1000 && text[end] !== '\n' && text[end] !== '\r') end++;
  const first = text.slice(start, end).replace(/^#{1,6}\s/, '').replace(/^[-*•]\s/, '');
  let line = foldUserText(stripInline(first)).trim();
  // Emphasis markers left around the whole line (Slack's `*bold*`) are not part of its words.
  let a = 0;
  let b = line.length;
  while (a < b && (line[a] === '*' || line[a] === '_')) a++;
  while (b > a && (line[b - 1] === '*' || line[b - 1] === '_')) b--;
  line = line.slice(a, b).trim();
  return `Status update (${AUDIENCE_WORDS[audience]}): ${line.length > 200 ? line.slice(0, 199) + '…' : line}`;
}

/**
 * What teams write by hand when they post to the status page: `Status page: "Degraded" posted`,
 * `Status page updated — monitoring`, `Statuspage notice posted`, `Posted to the status page: …`,
 * `Updated the status page`. Read from the entry's first words only.
 */
const HAND_STATUS_PAGE = /^(?:status ?page(?:\s?:| (?:updated?|posted|notice)\b| [—–-] )|(?:posted|published) (?:to|on) (?:the )?status ?page\b|updated (?:the )?status ?page\b)/;

/** The audience of a status update entry; null for any other entry. */
export function statusUpdateAudience(text: string): Audience | null {
  const t = text.trimStart();
  const m = STATUS_UPDATE_ENTRY.exec(t);
  if (m) return m[1].toLowerCase() === 'internal' ? 'internal' : 'statuspage';
  // Most entries are neither: rejected on their first character (this runs for every entry).
  if (!'sSpPuU*_`['.includes(t[0] ?? ' ')) return null;
  const head = stripInline(t.slice(0, 60)).toLowerCase();
  return HAND_STATUS_PAGE.test(head) ? 'statuspage' : null;
}

/** Entries that start with these record the response's bookkeeping, not something done about the incident. */
const BOOKKEEPING = ['checklist:', 'incident declared', 'incident resolved', 'post-incident review', 'severity set', 'incident commander:', 'technical lead:', 'communications lead:'];

/**
 * Whether an entry records something done about the incident (a finding, a fix, a check), as
 * opposed to the response's bookkeeping: a status change, an update sent, a snooze, the
 * declaration, a role assigned, a checklist tick. Updates and summaries list only these.
 */
export function isResponseAction(text: string, policy: Policy): boolean {
  const t = text.trim().toLowerCase();
  if (!t || snoozeMinutes(text) !== null || statusUpdateAudience(text) !== null || statusChangeOf(text, policy)) return false;
  return !BOOKKEEPING.some((p) => t.startsWith(p));
}

/**
 * Whether an entry is a command's result as the tool logs it: `Health check checkout-api: PASS
 * (exit 0, 285 ms) — output: …`, `Runbook step …: FAIL (…)`, `Health checks: 2 of 3 passed`. It
 * records something done (it is among the actions), but its words are a command's: never Impact.
 */
export function isCommandResult(text: string): boolean {
  const t = text.trimStart().slice(0, 20).toLowerCase();
  return t.startsWith('health check ') || t.startsWith('health checks:') || t.startsWith('runbook step ');
}

/** `Status page: "…" posted`, `Status page: …`, `Posted to the status page: …`: the words after the colon. */
const STATUS_PAGE_POST = /^(?:status ?page|(?:posted|published) (?:to|on) (?:the )?status ?page)\s?:\s*(.+)$/i;
/** The quoted words of `"Order confirmations delayed" posted` (straight or curly quotes). */
const QUOTED_POST = /^["“]([^"“”]*)["”](?:\s+(?:posted|published|updated))?\.?$/i;

/**
 * What a status page post written on the timeline told customers: `Status page: "Order
 * confirmations delayed" posted` → `Order confirmations delayed`; `Posted to the status page:
 * degraded checkout` → `degraded checkout`. Null for any other entry, and for a post that does
 * not say what it said (`Status page updated — monitoring`, `Status update (status page): …`,
 * whose line is the update's headline, not its impact).
 */
export function statusPagePostText(text: string): string | null {
  if (statusUpdateAudience(text) !== 'statuspage') return null;
  const m = STATUS_PAGE_POST.exec(stripInline(text).trim());
  if (!m) return null;
  const said = m[1].trim();
  const quoted = QUOTED_POST.exec(said);
  const words = (quoted ? quoted[1] : said).trim();
  return words || null;
}

/** The newest status-page update entry's time; null when none was logged. */
export function lastStatusPageUpdateAt(incident: Incident): Date | null {
  let last: Date | null = null;
  for (const e of incident.timeline) {
    if (statusUpdateAudience(e.text) !== 'statuspage') continue;
    const at = toDate(e.at);
    if (at && (!last || at > last)) last = at;
  }
  return last;
}

/**
 * When the next status-page update is due: the severity's status-page cadence after the newest
 * status-page update. Null when the incident is not active, the severity has no such cadence,
 * or no status-page update was logged yet (the team has not taken the incident public).
 */
export function nextStatusPageUpdateDue(incident: Incident, policy: Policy, now: Date): { dueAt: Date; minutesLeft: number } | null {
  if (!isActive(incident, policy)) return null;
  const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
  const last = lastStatusPageUpdateAt(incident);
  if (!level || level.statusPageMinutes === null || !last) return null;
  const dueAt = new Date(last.getTime() + level.statusPageMinutes * 60000);
  return { dueAt, minutesLeft: (dueAt.getTime() - now.getTime()) / 60000 };
}

/** `#incident-2026-11-20-14-30`: the war-room channel the trading playbook names from the detection time. */
export function warRoomChannel(incident: Incident, policy: Policy): string | null {
  const at = detectedAt(incident, policy);
  if (!at) return null;
  const w = wallClockAt(at.getTime(), isValidZone(policy.timeZone) ? policy.timeZone : 'UTC');
  return `#incident-${dayText(w)}-${timeText(w).replace(':', '-')}`;
}

/** The newest of `entries` (by time; the later line when times tie or are missing). */
function newest<T extends { at: string | null }>(entries: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestAt = -Infinity;
  for (const e of entries) {
    const at = e.at ? (toDate(e.at)?.getTime() ?? -Infinity) : -Infinity;
    if (!best || at >= bestAt) {
      best = e;
      bestAt = Math.max(at, bestAt);
    }
  }
  return best;
}

/**
 * The draft's Impact and where it came from. Both audiences: the Impact field (a value naming a
 * severity is one, not an impact: `Impact` is also a severity alias), else the newest status
 * page post's words. The team's draft then falls back to the newest entry the team wrote (not a
 * command's result, not bookkeeping); the customers' never does: an entry is internal.
 */
function impactOf(incident: Incident, policy: Policy, audience: Audience, news: readonly TimelineEntry[]): { text: string | null; source: ImpactSource } {
  for (const f of incident.fields) {
    const key = stripInline(f.key).trim();
    if (!IMPACT_KEYS.has(key.toLowerCase().replace(/\s+/g, ' '))) continue;
    const value = stripInline(f.value).trim();
    if (value && !matchSeverity(policy, value)) return { text: value, source: { kind: 'field', key } };
  }
  const posts = incident.timeline.flatMap((e) => {
    const said = statusPagePostText(e.text);
    return said ? [{ at: e.at, said }] : [];
  });
  const post = newest(posts);
  if (post) return { text: post.said, source: { kind: 'status page post', at: post.at } };
  if (audience === 'internal') {
    const entry = newest(news.filter((e) => !isCommandResult(e.text)));
    if (entry) return { text: stripInline(entry.text.trim()), source: { kind: 'entry', at: entry.at } };
  }
  return { text: null, source: { kind: 'none' } };
}

/** What customers read as Impact when the team has written none for them: said from the status. */
function publicImpactUnknown(status: string | null, resolved: boolean): string {
  if (resolved) return 'No ongoing impact: service is operating normally.';
  switch ((status ?? '').toLowerCase()) {
    case 'identified':
    case 'mitigating':
      return 'We are confirming the impact and will share details in the next update.';
    case 'monitoring':
      return 'We are confirming that service has recovered and will share details in the next update.';
    default:
      return 'We are investigating the impact and will share details as soon as we know more.';
  }
}

export function composeStatusUpdate(incident: Incident, policy: Policy, now: Date, audience: Audience = 'internal'): StatusUpdateDraft {
  const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
  const news = incident.timeline.filter((e) => isResponseAction(e.text, policy));
  const resolved = !isActive(incident, policy);
  const impact = impactOf(incident, policy, audience, news);
  const cadence = level ? (audience === 'internal' ? level.updateMinutes : level.statusPageMinutes) : null;
  return {
    audience,
    incidentId: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    impact: impact.text ?? (audience === 'statuspage' ? publicImpactUnknown(incident.status, resolved) : 'Not known yet.'),
    impactSource: impact.source,
    actions: news.slice(-3).map((e) => ({ at: e.at, text: stripInline(e.text.trim()), owner: e.owner })),
    eta: rawField(incident, ETA_KEYS),
    nextUpdate: !resolved && cadence ? new Date(now.getTime() + cadence * 60000) : null,
    cadenceMinutes: cadence,
    resolved,
    warRoom: warRoomChannel(incident, policy),
  };
}

/** Customer wording for a status: what a status page says at that stage. */
function publicStatus(status: string | null, resolved: boolean): string {
  if (resolved) return 'Resolved: the issue is fixed and service is operating normally.';
  switch ((status ?? '').toLowerCase()) {
    case 'identified':
      return 'Identified: we have found the cause and are working on a fix.';
    case 'mitigating':
      return 'Mitigating: a fix is being applied.';
    case 'monitoring':
      return 'Monitoring: a fix is in place and we are watching the results.';
    default:
      return 'Investigating: we are looking into the issue.';
  }
}

/** Slack mrkdwn escapes exactly these three; everything else is shown as written. */
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One line per field, in the audience's and format's words. */
function lines(d: StatusUpdateDraft, zone: string): Array<[string, string | string[]]> {
  const next = d.resolved ? 'None: this is the final update.' : d.nextUpdate ? formatLogTime(d.nextUpdate, zone) : 'As needed (the policy sets no cadence).';
  if (d.audience === 'statuspage') {
    return [
      ['Status', publicStatus(d.status, d.resolved)],
      ['Impact', d.impact],
      ...(d.eta ? ([['ETA', d.eta]] as Array<[string, string]>) : []),
      ['Next update', next],
    ];
  }
  const time = (at: string | null) => (at ? `${formatLogTime(new Date(at), zone).slice(11)} ` : '');
  return [
    ['Incident ID', d.incidentId],
    ['Status', `${d.status ?? 'unknown'}${d.severity ? ` (${d.severity})` : ''}`],
    ['Impact', `${d.impact} ${impactSourceNote(d.impactSource, zone)}`],
    ['Actions', d.actions.length ? d.actions.map((a) => `${time(a.at)}${a.text}${ownerLabel(a.owner)}`) : ['None logged yet.']],
    ['ETA', d.eta ?? 'Not known yet.'],
    ['Next Update', next],
    ...(d.warRoom ? ([['War room', d.warRoom]] as Array<[string, string]>) : []),
  ];
}

/**
 * Where the team's Impact came from, in parentheses after it: `(from the Customer impact field)`,
 * `(from the status page post at 00:20 UTC)`, `(from the newest entry, 09:10 UTC; no Impact field
 * yet)`, `(no Impact field or status page post yet)`.
 */
function impactSourceNote(source: ImpactSource, zone: string): string {
  const at = (iso: string | null) => {
    const date = iso ? toDate(iso) : null;
    return date ? formatLogTime(date, zone).slice(11) : null;
  };
  switch (source.kind) {
    case 'field':
      return `(from the ${source.key} field)`;
    case 'status page post': {
      const when = at(source.at);
      return `(from the status page post${when ? ` at ${when}` : ''})`;
    }
    case 'entry': {
      const when = at(source.at);
      return `(from the newest entry${when ? `, ${when}` : ''}; no Impact field yet)`;
    }
    case 'none':
      return '(no Impact field or status page post yet)';
  }
}

/** The first line: what the update is about, in a line (it is what "Mark as sent" logs). */
function headline(d: StatusUpdateDraft): string {
  if (d.audience === 'statuspage') return `${d.resolved ? 'Resolved' : (d.status ?? 'Investigating')}: ${d.title}`;
  return `[${d.severity ?? 'no severity'}] ${d.incidentId} ${d.title}: ${d.resolved ? 'Resolved' : (d.status ?? 'unknown')}`;
}

/** The update as text to send: markdown, Slack mrkdwn or plain text. Times in `zone`. */
export function renderStatusUpdate(d: StatusUpdateDraft, format: UpdateFormat, zone = 'UTC'): string {
  const rows = lines(d, zone);
  const out: string[] = [];
  if (format === 'markdown') {
    out.push(`**${headline(d)}**`, '');
    for (const [k, v] of rows) {
      if (Array.isArray(v)) out.push(`- **${k}:**`, ...v.map((x) => `  - ${x}`));
      else out.push(`- **${k}:** ${v}`);
    }
  } else if (format === 'slack') {
    out.push(`*${slackEscape(headline(d))}*`);
    for (const [k, v] of rows) {
      if (Array.isArray(v)) out.push(`*${k}:*`, ...v.map((x) => `    • ${slackEscape(x)}`));
      else out.push(`*${k}:* ${slackEscape(v)}`);
    }
  } else {
    out.push(headline(d), '');
    for (const [k, v] of rows) {
      if (Array.isArray(v)) out.push(`${k}:`, ...v.map((x) => `  - ${x}`));
      else out.push(`${k}: ${v}`);
    }
  }
  return out.join('\n') + '\n';
}

/**
 * Markdown as Slack mrkdwn, for an update edited as markdown and copied for Slack: `**bold**`
 * and `__bold__` become `*bold*`, `# Heading` a bold line, `- item` a `•` bullet (indent kept),
 * `[text](url)` becomes `<url|text>`, and `&`, `<`, `>` are escaped as Slack requires. A scan
 * per line; anything else is kept as written.
 */
export function markdownToSlack(markdown: string): string {
  return markdown
    .split('\n')
    .map((raw) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      let indent = 0;
      while (indent < line.length && line[indent] === ' ') indent++;
      let body = line.slice(indent);
      let prefix = line.slice(0, indent);
      let heading = false;
      let hashes = 0;
      while (hashes < body.length && hashes < 7 && body[hashes] === '#') hashes++;
      if (hashes >= 1 && hashes <= 6 && body[hashes] === ' ') {
        body = body.slice(hashes + 1).trim();
        heading = true;
      } else if ((body.startsWith('- ') || body.startsWith('* ') || body.startsWith('+ ')) && body.length > 2) {
        prefix += '• ';
        body = body.slice(2);
      }
      const converted = inlineToSlack(body);
      return prefix + (heading && converted ? `*${converted.replace(/^\*+|\*+$/g, '')}*` : converted);
    })
    .join('\n');
}

function inlineToSlack(text: string): string {
  let out = '';
  let i = 0;
  // The next `](` and the `)` after it, found once and reused by every `[` before them, so a
  // line of many brackets stays linear.
  let close = -2;
  let end = -1;
  while (i < text.length) {
    const c = text[i];
    if ((c === '*' || c === '_') && text[i + 1] === c) {
      out += '*';
      i += 2;
      continue;
    }
    if (c === '[') {
      // `[text](url)`: both parts bounded and on this line; anything else is literal.
      if (close !== -1 && close <= i) {
        close = text.indexOf('](', i + 1);
        end = close > 0 ? text.indexOf(')', close + 2) : -1;
      }
      const label = close > 0 ? text.slice(i + 1, close) : '';
      const url = end > 0 ? text.slice(close + 2, end) : '';
      if (end > 0 && close - i < 500 && end - close < 2100 && /^https?:\/\/[^\s|<>]+$/.test(url) && !label.includes('[')) {
        out += `<${url}|${escapeSlack(label)}>`;
        i = end + 1;
        continue;
      }
    }
    out += c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c;
    i++;
  }
  return out;
}

function escapeSlack(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
