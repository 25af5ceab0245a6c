// The messages between the extension's webview panels and their hosts: one module, imported by
// the hosts (src/extension/panels) and by the browser code (webview/, types only, so zod stays
// out of the browser bundle). Every message is a member of a discriminated union on `type`.
//
// Host → webview messages are trusted plain data: a full snapshot of what the panel shows, sent
// after each `ready` and whenever the log changes. Webview → host messages are untrusted: the
// page shows text from the log, so each one is parsed with the schema below (shape and values)
// before anything acts on it. Schemas are built per panel: a message must name the panel's own
// incident, and carries indexes and short texts, never paths.
import { z } from 'zod';
import { C0_CONTROL, CONTROL_BUT_TAB_LF, LINE_CONTROL, MAX_DRAFT_TEXT, TEXT_CONTROL } from './limits';

/** Longest text a webview may send (an item's text, a reason). */
export const MAX_TEXT = 500;
/** Longest link a webview may ask to open. */
export const MAX_HREF = 2048;
export { MAX_DRAFT_TEXT } from './limits';

// ---------------------------------------------------------------------------------------------
// Host → webview

/** What every panel can be told besides its snapshot. */
export type NoticeMessage = { readonly type: 'notice'; readonly level: 'info' | 'error'; readonly message: string };

/** Why the page has nothing to show (the log cannot be read, its incident left it). */
export interface MissingMessage {
  readonly type: 'missing';
  readonly message: string;
}

/** The `missing` message of a panel about one incident: it names the incident. */
export interface MissingIncidentMessage extends MissingMessage {
  readonly incident: string;
}

/**
 * What a host sends its page: `state` (everything the page shows, `View`), `missing` (why there
 * is nothing to show) or `notice` (the outcome of an action). A page reads `HostToPage<View>`:
 * every panel's message is one of those.
 */
export type HostToPage<View, Missing extends MissingMessage = MissingMessage> = { readonly type: 'state'; readonly view: View } | Missing | NoticeMessage;

/** What the host of a panel about one incident sends its page. */
export type IncidentHostToPage<View> = HostToPage<View, MissingIncidentMessage>;

/** One item of a checklist as the panel shows it. */
export interface ChecklistItemView {
  /** Position in the incident's checklist (what the host acts on, checked against `text`). */
  readonly index: number;
  readonly text: string;
  readonly done: boolean;
  /** The reason when the item was skipped; null otherwise. */
  readonly skipped: string | null;
  /** True only when the item carries a runnable step (a health check, a runbook step). */
  readonly runnable: boolean;
  /** The step is a runbook step marked dangerous (it asks before it runs). */
  readonly dangerous: boolean;
}

export interface ChecklistPhaseView {
  readonly title: string;
  readonly done: number;
  readonly skipped: number;
  readonly total: number;
  readonly items: readonly ChecklistItemView[];
}

export interface RoleView {
  readonly label: string;
  readonly name: string | null;
}

/** Everything the checklist panel shows: computed by the host, rendered as text by the page. */
export interface ChecklistView {
  readonly incident: {
    readonly id: string;
    readonly title: string;
    readonly severity: string | null;
    readonly status: string | null;
    readonly active: boolean;
    readonly roles: readonly RoleView[];
  };
  readonly clock: {
    /** "2 h 5 min" (to now; to the resolution once resolved), or null when the detection time is unknown. */
    readonly elapsed: string | null;
    /** When it was resolved ("2026-12-05 13:09 UTC"), or null while it is not. */
    readonly resolved: string | null;
    /** The severity's response time ("15 min"), or null when it sets none. */
    readonly responseTime: string | null;
    /** Past the response time without a commander. */
    readonly breached: boolean;
    /** The next status update: when, and how far off ("in 12 min", "8 min overdue"). */
    readonly nextUpdate: { readonly at: string; readonly relative: string; readonly overdue: boolean } | null;
  };
  readonly phases: readonly ChecklistPhaseView[];
  /** Over all phases. */
  readonly progress: { readonly done: number; readonly skipped: number; readonly total: number };
  /** Items can be skipped with a reason (the core supports it). */
  readonly canSkip: boolean;
  /** Why nothing can be written from the panel (a table row, a log with conflicts); null when it can. */
  readonly readOnly: string | null;
}

export type ChecklistToWebview = IncidentHostToPage<ChecklistView>;

// ---------------------------------------------------------------------------------------------
// Webview → host

const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._:#-]{0,119}$/u;

/** An incident id as a webview may name it (also what a restored panel's state must hold). */
export const incidentIdSchema = z.string().regex(ID_PATTERN, 'not an incident id');

/** A string that must not look like a file path or carry control characters. */
const plainText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL_BUT_TAB_LF.test(s), 'control characters')
    .refine((s) => s.trim().length > 0, 'blank');

/**
 * A link the page asks the host to open: an http(s) URL, or a path relative to the log's folder
 * (no scheme, not absolute, no `..` segment, no backslash). The host checks again that a path
 * resolves inside the workspace.
 */
export const hrefSchema = z
  .string()
  .min(1)
  .max(MAX_HREF)
  .refine((h) => {
    if (/^https?:\/\//i.test(h)) {
      try {
        const u = new URL(h);
        return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
      } catch {
        return false;
      }
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('/') || h.startsWith('~') || h.includes('\\') || C0_CONTROL.test(h)) return false;
    return !h.split('/').some((seg) => seg === '..');
  }, 'only http(s) URLs and paths inside the workspace');

/** The panel's item: its index and the text the page showed (the host refuses when they no longer match). */
const itemRef = z.object({ index: z.number().int().min(0).max(9999), text: plainText(MAX_TEXT) }).strict();

/** The commands a panel's buttons may run. */
export const PANEL_COMMANDS = ['addTimelineEntry', 'setStatus', 'resolve', 'composeUpdate'] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];

/** Messages any panel sends. */
export const readySchema = z.object({ type: z.literal('ready') }).strict();

/** The schema of what the checklist panel of `incident` may send. */
export function checklistMessageSchema(incident: string) {
  const id = z.literal(incident);
  return z.discriminatedUnion('type', [
    readySchema,
    z.object({ type: z.literal('setDone'), incident: id, item: itemRef, done: z.boolean() }).strict(),
    z.object({ type: z.literal('skip'), incident: id, item: itemRef, reason: plainText(MAX_TEXT).refine((s) => !/[\r\n]/.test(s), 'one line') }).strict(),
    z.object({ type: z.literal('run'), incident: id, item: itemRef }).strict(),
    z.object({ type: z.literal('command'), incident: id, command: z.enum(PANEL_COMMANDS) }).strict(),
    z.object({ type: z.literal('openLink'), incident: id, href: hrefSchema }).strict(),
  ]);
}

export type ChecklistFromWebview = z.infer<ReturnType<typeof checklistMessageSchema>>;

/**
 * What a panel keeps with `setState` so that it can be restored after a reload: its incident, and
 * for the composer the responder's edited drafts (a hidden panel's page is rebuilt from it too).
 */
export const panelStateSchema = z
  .object({
    incident: incidentIdSchema,
    drafts: z.object({ internal: z.string().max(MAX_DRAFT_TEXT).optional(), statuspage: z.string().max(MAX_DRAFT_TEXT).optional() }).strict().optional(),
  })
  .strict();
export type PanelState = z.infer<typeof panelStateSchema>;

/**
 * Parses a message with `schema`: the message, or a short reason it was refused (for the log;
 * never shown to the page). The raw value is not echoed: it may be large or hostile.
 */
export function parseMessage<T>(schema: z.ZodType<T>, raw: unknown): { ok: true; message: T } | { ok: false; reason: string } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  const type = raw && typeof raw === 'object' && typeof (raw as { type?: unknown }).type === 'string' ? String((raw as { type: string }).type).slice(0, 40) : typeof raw;
  const issues = result.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`)
    .join('; ');
  return { ok: false, reason: `${JSON.stringify(type)}: ${issues}` };
}

// ---------------------------------------------------------------------------------------------
// The post-incident review panel

/**
 * The review's sections the form edits, by the core's keys (src/core/review/reviewFile.ts
 * REVIEW_SECTIONS); the action items are a table of their own. Kept here as plain strings so the
 * browser bundle does not pull in the core.
 */
export const REVIEW_FORM_SECTIONS = ['summary', 'timeline', 'rootCause', 'contributingFactors', 'wentWell', 'couldImprove', 'lessons', 'communication'] as const;
export type ReviewFormSection = (typeof REVIEW_FORM_SECTIONS)[number];

/** Longest section text the form sends (a review section is prose and a table, far below this). */
export const MAX_SECTION_TEXT = 100_000;
/** The action items table's columns the form edits. */
export const ACTION_COLUMNS = ['action', 'owner', 'due', 'status'] as const;

export interface ReviewSectionView {
  readonly key: ReviewFormSection;
  /** The heading as the file writes it (a template's own wording), which names the text area. */
  readonly heading: string;
  /**
   * The section's body as the file holds it now (`\n` line breaks), without the template's
   * hints: its HTML comments, and "1. Why?" prompts when they are all it holds.
   */
  readonly text: string;
  /** The template's hint for the section (its HTML comments' text, one a line), shown above the text area; null when none. */
  readonly hint: string | null;
  /** The template's unanswered prompts ("1. Why?" … on lines), shown in the empty text area; null when none. */
  readonly placeholder: string | null;
  /** The file has the section (false: the form's first write adds it at the end). */
  readonly present: boolean;
}

export interface ReviewActionItemView {
  /** 0-based line in the review file, with `action` what the host checks before it writes. */
  readonly line: number;
  readonly kind: 'row' | 'task';
  readonly action: string;
  readonly owner: string;
  readonly due: string;
  readonly status: string;
  readonly done: boolean;
  readonly overdue: boolean;
}

/** The host's answer to a section write (ReviewView.handled). */
export interface ReviewSectionHandled {
  readonly seq: number;
  readonly refused: boolean;
}

/** Everything the review form shows. */
export interface ReviewView {
  readonly incident: string;
  /** Relative to the workspace, for the heading ("docs/pir/INC-1.md"). */
  readonly file: string;
  readonly facts: {
    readonly title: string | null;
    readonly severity: string | null;
    readonly detected: string | null;
    readonly resolved: string | null;
    readonly duration: string | null;
    readonly reviewDue: string | null;
    /** The review is past its due date and not final. */
    readonly overdue: boolean;
    readonly status: string | null;
  };
  readonly final: boolean;
  readonly sections: readonly ReviewSectionView[];
  readonly actionItems: readonly ReviewActionItemView[];
  /** The table has a Status column (items can be marked done), and which columns it has. */
  readonly columns: readonly (typeof ACTION_COLUMNS)[number][];
  /** The owner a new item gets when the form leaves it empty (the git user). */
  readonly defaultOwner: string | null;
  /** Why the form cannot write (the front matter does not parse, …); null when it can. */
  readonly readOnly: string | null;
  /**
   * The last `setSection` of each section the host has acted on: its `seq`, and whether it was
   * refused (the section had changed in the file). The snapshot is the file after it.
   */
  readonly handled: Readonly<Partial<Record<ReviewFormSection, ReviewSectionHandled>>>;
}

export type ReviewToWebview = IncidentHostToPage<ReviewView>;

/** Text of a section: may be empty (a cleared section), line breaks and tabs allowed, other control characters not. */
const sectionText = z
  .string()
  .max(MAX_SECTION_TEXT)
  .refine((s) => !TEXT_CONTROL.test(s), 'control characters');

/** One line of a table cell: may be empty (an owner or a due date cleared). */
const cellText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !LINE_CONTROL.test(s), 'control characters or line breaks');

const dueText = z.string().regex(/^(?:\d{4}-\d{2}-\d{2})?$/, 'a date as YYYY-MM-DD, or empty');

/** The action item the page meant: its line and the action text it showed (checked again by the host). */
const actionRef = z.object({ line: z.number().int().min(0).max(1_000_000), action: cellText(MAX_TEXT) }).strict();

/** The schema of what the review panel of `incident` may send. */
export function reviewMessageSchema(incident: string) {
  const id = z.literal(incident);
  return z.discriminatedUnion('type', [
    readySchema,
    // `base`: the section's text as the form last showed it; the host writes only when the file still reads so.
    // `seq`: names the write; the next snapshot says it was handled (ReviewView.handled).
    z.object({ type: z.literal('setSection'), incident: id, section: z.enum(REVIEW_FORM_SECTIONS), base: sectionText, text: sectionText, seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() }).strict(),
    z.object({ type: z.literal('addActionItem'), incident: id, action: plainText(MAX_TEXT).refine((s) => !/[\r\n]/.test(s), 'one line'), owner: cellText(200), due: dueText }).strict(),
    z.object({ type: z.literal('editActionItem'), incident: id, item: actionRef, column: z.enum(ACTION_COLUMNS), value: cellText(MAX_TEXT) }).strict(),
    z.object({ type: z.literal('setActionItemDone'), incident: id, item: actionRef, done: z.boolean() }).strict(),
    z.object({ type: z.literal('markFinal'), incident: id }).strict(),
    z.object({ type: z.literal('openFile'), incident: id }).strict(),
  ]);
}

export type ReviewFromWebview = z.infer<ReturnType<typeof reviewMessageSchema>>;

// ---------------------------------------------------------------------------------------------
// The status update composer

export const UPDATE_AUDIENCES = ['internal', 'statuspage'] as const;
export type UpdateAudience = (typeof UPDATE_AUDIENCES)[number];
/** Longest update text the composer sends (an update is a few lines). */
export const MAX_UPDATE_TEXT = 20_000;

export interface ComposeClockView {
  /** "2026-11-20 15:30 UTC". */
  readonly at: string;
  /** "in 12 min", "8 min overdue". */
  readonly relative: string;
  readonly overdue: boolean;
}

/** Everything the composer shows: the prefilled update for the chosen audience, and the clocks. */
export interface ComposeView {
  readonly incident: { readonly id: string; readonly title: string; readonly severity: string | null; readonly status: string | null; readonly active: boolean };
  readonly audience: UpdateAudience;
  /** The prefilled update as markdown (what the text area starts with). */
  readonly markdown: string;
  /** `#incident-YYYY-MM-DD-HH-MM`, or null without a detection time. */
  readonly warRoom: string | null;
  /** Each audience's cadence ("30 min") and next due time; null when none is required or none runs yet. */
  readonly cadence: { readonly internal: string | null; readonly statuspage: string | null };
  readonly due: { readonly internal: ComposeClockView | null; readonly statuspage: ComposeClockView | null };
  /** Why "Mark as sent" cannot write (a table row, a log with conflicts); null when it can. */
  readonly readOnly: string | null;
  /** Where "Post to webhook" posts, redacted to its scheme and host; null when no webhook is set. */
  readonly webhook: string | null;
}

export type ComposeToWebview = IncidentHostToPage<ComposeView>;

/** The update text as the page sends it: line breaks and tabs allowed, other control characters not. */
const updateText = z
  .string()
  .min(1)
  .max(MAX_UPDATE_TEXT)
  .refine((s) => !TEXT_CONTROL.test(s), 'control characters')
  .refine((s) => s.trim().length > 0, 'blank');

/** The schema of what the composer of `incident` may send. */
export function composeMessageSchema(incident: string) {
  const id = z.literal(incident);
  return z.discriminatedUnion('type', [
    readySchema,
    z.object({ type: z.literal('setAudience'), incident: id, audience: z.enum(UPDATE_AUDIENCES) }).strict(),
    z.object({ type: z.literal('copy'), incident: id, format: z.enum(['markdown', 'slack']), text: updateText }).strict(),
    z.object({ type: z.literal('copyWarRoom'), incident: id }).strict(),
    z.object({ type: z.literal('markSent'), incident: id, audience: z.enum(UPDATE_AUDIENCES), text: updateText }).strict(),
    z.object({ type: z.literal('postWebhook'), incident: id, audience: z.enum(UPDATE_AUDIENCES), text: updateText }).strict(),
  ]);
}

export type ComposeFromWebview = z.infer<ReturnType<typeof composeMessageSchema>>;

// ---------------------------------------------------------------------------------------------
// The executive summary composer

/** Everything the summary composer shows: the summary and the final update, prefilled. */
export interface SummaryView {
  readonly incident: { readonly id: string; readonly title: string; readonly severity: string | null; readonly status: string | null; readonly active: boolean };
  /** The executive summary as markdown, the Subject line first (what its text area starts with). */
  readonly summary: string;
  /** The final update as markdown. */
  readonly finalUpdate: string;
  /** The review file the summary read (relative to the workspace), or null when there is none yet. */
  readonly review: string | null;
}

export type SummaryToWebview = IncidentHostToPage<SummaryView>;

/** The schema of what the summary composer of `incident` may send. */
export function summaryMessageSchema(incident: string) {
  const id = z.literal(incident);
  return z.discriminatedUnion('type', [
    readySchema,
    z.object({ type: z.literal('copy'), incident: id, format: z.enum(['markdown', 'slack', 'text']), text: updateText }).strict(),
    z.object({ type: z.literal('openReview'), incident: id }).strict(),
  ]);
}

export type SummaryFromWebview = z.infer<ReturnType<typeof summaryMessageSchema>>;

// ---------------------------------------------------------------------------------------------
// The metrics dashboard

/** The periods the dashboard offers, counted back from now ('all': no bound). */
export const METRICS_PERIODS = ['30d', '90d', '365d', 'all'] as const;
export type MetricsPeriod = (typeof METRICS_PERIODS)[number];

/** One duration figure as the dashboard shows it: what it measures, and its statistics in minutes. */
export interface MetricsFigureView {
  readonly key: 'timeToDetect' | 'timeToAcknowledge' | 'timeToResolve' | 'timeToMitigate';
  readonly label: string;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly n: number;
  readonly unknown: number;
  /** The incidents behind `unknown`. */
  readonly unknownIds: readonly string[];
  /** Why, for those whose times cannot be (a missing time needs no reason). */
  readonly unknownReasons: readonly { readonly id: string; readonly reason: string }[];
}

export interface MetricsComplianceView {
  readonly label: string;
  readonly share: number | null;
  readonly hits: number;
  readonly measured: number;
  /** What `measured` counts ("incidents", "updates due", "reviews"). */
  readonly unit: string;
}

/** Everything the dashboard shows, computed by the host with the core's computeMetrics. */
export interface MetricsView {
  readonly period: MetricsPeriod;
  /** The severity filter, or null for all. */
  readonly severity: string | null;
  /** The policy's severities, for the filter. */
  readonly severities: readonly string[];
  readonly incidents: number;
  readonly drills: number;
  readonly bySeverity: Readonly<Record<string, number>>;
  readonly figures: readonly MetricsFigureView[];
  /** Per severity, the median of each figure (null: unknown for all). */
  readonly mediansBySeverity: ReadonlyArray<{ readonly severity: string; readonly medians: readonly (number | null)[] }>;
  /** Incidents per month by severity: the months in order, and one count per month for each severity. */
  readonly frequency: { readonly months: readonly string[]; readonly series: ReadonlyArray<{ readonly severity: string; readonly counts: readonly number[] }> };
  readonly compliance: readonly MetricsComplianceView[];
  readonly actionItems: { readonly open: number; readonly overdue: number; readonly byOwner: ReadonlyArray<{ readonly owner: string; readonly open: number; readonly overdue: number }> };
  readonly timeInStatus: ReadonlyArray<{ readonly status: string; readonly totalMinutes: number; readonly meanMinutes: number; readonly incidents: number }>;
  /** The measured incidents, newest detection first, with the month they count in (and their service, over several logs). */
  readonly list: ReadonlyArray<{ readonly service?: string; readonly id: string; readonly severity: string | null; readonly status: string | null; readonly month: string | null; readonly timeToResolve: number | null }>;
  /** Over several logs (a multi-root workspace): their services, for the service filter. Absent for one log. */
  readonly services?: readonly string[];
  /** The service filter, or null for all (only with `services`). */
  readonly service?: string | null;
}

export type MetricsToWebview = HostToPage<MetricsView>;

/** An incident id as the page sends it back: one short token, no spaces or control characters. */
const incidentRef = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/, 'an incident id');

/** A service as the dashboard sends it back: one line. */
const serviceName = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !LINE_CONTROL.test(s), 'one line');

/** The schema of what the dashboard may send. */
export const metricsMessageSchema = z.discriminatedUnion('type', [
  readySchema,
  // One line: not empty, no control characters.
  z
    .object({
      type: z.literal('filter'),
      period: z.enum(METRICS_PERIODS),
      severity: z.string().min(1).max(40).refine((s) => s.length > 0 && !LINE_CONTROL.test(s), 'one line').nullable(),
      // Over several logs: one service, or null for all (a name the host does not list filters nothing).
      service: serviceName.nullable().optional(),
    })
    .strict(),
  // Over several logs, the service whose log holds the incident (an id may be in several).
  z.object({ type: z.literal('open'), incident: incidentRef, service: serviceName.optional() }).strict(),
  z.object({ type: z.literal('exportCsv') }).strict(),
]);

export type MetricsFromWebview = z.infer<typeof metricsMessageSchema>;
