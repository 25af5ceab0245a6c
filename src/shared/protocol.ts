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

/** Longest text a webview may send (an item's text, a reason). */
export const MAX_TEXT = 500;
/** Longest link a webview may ask to open. */
export const MAX_HREF = 2048;

// ---------------------------------------------------------------------------------------------
// Host → webview

/** What every panel can be told besides its snapshot. */
export type NoticeMessage = { readonly type: 'notice'; readonly level: 'info' | 'error'; readonly message: string };

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
    /** "2 h 5 min", or null when the detection time is unknown. */
    readonly elapsed: string | null;
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

export type ChecklistToWebview =
  | { readonly type: 'state'; readonly view: ChecklistView }
  /** The incident is not in the log (any more). */
  | { readonly type: 'missing'; readonly incident: string; readonly message: string }
  | NoticeMessage;

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
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), 'control characters')
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
    // eslint-disable-next-line no-control-regex
    if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('/') || h.startsWith('~') || /[\\\u0000-\u001f]/.test(h)) return false;
    return !h.split('/').some((seg) => seg === '..');
  }, 'only http(s) URLs and paths inside the workspace');

/** The panel's item: its index and the text the page showed (the host refuses when they no longer match). */
const itemRef = z.object({ index: z.number().int().min(0).max(9999), text: plainText(MAX_TEXT) }).strict();

/** The commands a panel's buttons may run. */
export const PANEL_COMMANDS = ['addTimelineEntry', 'setStatus', 'resolve'] as const;
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

/** What a panel keeps with `setState` so that it can be restored after a reload. */
export const panelStateSchema = z.object({ incident: incidentIdSchema }).strict();
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
