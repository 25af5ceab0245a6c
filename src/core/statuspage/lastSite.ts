// What changed since the site in a folder was last generated: the last site read back from its
// own status.json (which holds every public word the pages show) and its manifest, its
// `--dry-run` text beside the text of the site the log gives now, and whether anything but the
// "as of" time would change. The title and base URL the last site was generated with are kept,
// so that a site made by `incident statuspage --title … --base-url …` is rebuilt the same way.
import { join } from 'node:path';
import { z } from 'zod';
import type { RepositoryFiles } from '../log/repositoryFiles';
import { DEFAULT_DAYS, type PublicComponent, type PublicIncident, STATE_OF_IMPACT, type StatusPageModel } from './model';
import { readManifest } from './publish';
import { type SiteFile, dryRunText, renderSite } from './site';

const state = z.enum(['operational', 'degraded_performance', 'partial_outage', 'major_outage']);
const status = z.enum(['investigating', 'identified', 'monitoring', 'resolved']);
const time = z.string().datetime({ offset: true });
const component = z.object({ id: z.string(), name: z.string(), status: state, group_id: z.string().nullable(), group: z.boolean(), updated_at: time.nullable() });
const update = z.object({ id: z.string(), status, body: z.string(), created_at: time });
const incident = z.object({
  id: z.string(),
  name: z.string(),
  status,
  impact: z.enum(['none', 'minor', 'major', 'critical']),
  impact_description: z.string().nullable(),
  shortlink: z.string(),
  started_at: time.nullable(),
  updated_at: time.nullable(),
  monitoring_at: time.nullable(),
  resolved_at: time.nullable(),
  incident_updates: z.array(update),
  components: z.array(z.object({ id: z.string() })),
});
const statusJsonSchema = z.object({
  page: z.object({ name: z.string(), url: z.string().nullable(), time_zone: z.string(), updated_at: time }),
  status: z.object({ indicator: z.enum(['none', 'minor', 'major', 'critical']) }),
  components: z.array(component),
  incidents: z.array(incident),
  resolved_incidents: z.array(incident),
});

const date = (s: string | null) => (s === null ? null : new Date(s));

/** The page a status.json describes, and the base URL it was made with; null when it is not one. */
export function modelFromStatusJson(text: string, days = DEFAULT_DAYS): { model: StatusPageModel; baseUrl?: string } | null {
  let parsed: z.infer<typeof statusJsonSchema>;
  try {
    const result = statusJsonSchema.safeParse(JSON.parse(text));
    if (!result.success) return null;
    parsed = result.data;
  } catch {
    return null;
  }
  const groups = new Map(parsed.components.filter((c) => c.group).map((c) => [c.id, c.name]));
  const components: PublicComponent[] = parsed.components
    .filter((c) => !c.group)
    .map((c) => ({ id: c.id, name: c.name, group: (c.group_id && groups.get(c.group_id)) || null, state: c.status, updatedAt: date(c.updated_at) }));
  const base = parsed.page.url ?? '';
  const publicIncident = (i: z.infer<typeof incident>, active: boolean): PublicIncident => {
    const startedAt = date(i.started_at);
    const resolvedAt = date(i.resolved_at);
    return {
      id: i.id,
      page: base && i.shortlink.startsWith(base) ? i.shortlink.slice(base.length) : i.shortlink,
      title: i.name,
      impactText: i.impact_description,
      impact: i.impact,
      status: i.status,
      active,
      // Listed after the active ones yet never resolved: an incident the team put off.
      ...(!active && i.status !== 'resolved' && resolvedAt === null ? { deferred: true as const } : {}),
      components: i.components.flatMap((c) => components.filter((known) => known.id === c.id)),
      affected: [],
      startedAt,
      resolvedAt,
      durationMinutes: startedAt && resolvedAt && resolvedAt >= startedAt ? Math.round((resolvedAt.getTime() - startedAt.getTime()) / 60000) : null,
      updates: [...i.incident_updates].reverse().map((u) => ({ key: u.id.startsWith(`${i.id}/`) ? u.id.slice(i.id.length + 1) : u.id, at: new Date(u.created_at), status: u.status, body: u.body })),
      updatedAt: date(i.updated_at),
      monitoringAt: date(i.monitoring_at),
    };
  };
  const model: StatusPageModel = {
    title: parsed.page.name,
    now: new Date(parsed.page.updated_at),
    timeZone: parsed.page.time_zone,
    days,
    state: STATE_OF_IMPACT[parsed.status.indicator],
    components,
    active: parsed.incidents.map((i) => publicIncident(i, true)),
    resolved: parsed.resolved_incidents.map((i) => publicIncident(i, false)),
  };
  return { model, baseUrl: parsed.page.url ?? undefined };
}

/** The site last generated in `out`: its page (from status.json), its base URL and the files its manifest lists; null when there is none. */
export interface LastSite {
  model: StatusPageModel;
  baseUrl?: string;
  files: string[];
}

export function readLastSite(files: RepositoryFiles, out: string, days = DEFAULT_DAYS): LastSite | null {
  const listed = readManifest(files, out);
  let text: string | undefined;
  try {
    text = listed.includes('status.json') ? files.read(join(out, 'status.json')) : undefined;
  } catch {
    text = undefined;
  }
  const read = text === undefined ? null : modelFromStatusJson(text, days);
  return read ? { ...read, files: listed } : null;
}

export interface SiteChanges {
  last: LastSite | null;
  /** The page now, and its files (with the last site's title and base URL). */
  model: StatusPageModel;
  site: SiteFile[];
  /** The `--dry-run` text of the last site ('' when there is none) and of the site now, each with its list of files. */
  before: string;
  after: string;
  /** True when the folder holds the site the log gives, and the log says nothing new since (the "as of" time aside). */
  unchanged: boolean;
  /** The files that would be written (new or different), and those the last site had that would be removed. */
  changed: string[];
  removed: string[];
}

/** The page the log gives as of a time, under a title (the last site's, else the default). */
export type BuildPage = (now: Date, title: string | undefined) => StatusPageModel;

const filesLine = (paths: readonly string[]) => `\nFiles: ${paths.join(', ')}\n`;
/** The dry-run text without its first line (the title, state and "as of" time). */
const withoutAsOf = (text: string) => text.slice(text.indexOf('\n'));

export function siteChanges(files: RepositoryFiles, out: string, build: BuildPage, now: Date, days = DEFAULT_DAYS): SiteChanges {
  const last = readLastSite(files, out, days);
  const title = last?.model.title;
  const model = build(now, title);
  const site = renderSite(model, { baseUrl: last?.baseUrl });
  const onDisk = (path: string) => {
    try {
      return files.read(join(out, path));
    } catch {
      return undefined;
    }
  };
  const changed = site.filter((f) => onDisk(f.path) !== f.text).map((f) => f.path);
  const removed = (last?.files ?? []).filter((p) => !site.some((f) => f.path === p));
  let unchanged = false;
  if (last) {
    // The log rendered as of the last site's time must give its files exactly, and the page now must say the same.
    const then = build(last.model.now, title);
    const same = renderSite(then, { baseUrl: last.baseUrl });
    unchanged =
      same.length === last.files.length &&
      same.every((f) => last.files.includes(f.path) && onDisk(f.path) === f.text) &&
      withoutAsOf(dryRunText(then)) === withoutAsOf(dryRunText(model));
  }
  return {
    last,
    model,
    site,
    before: last ? dryRunText(last.model) + filesLine(last.files) : '',
    after: dryRunText(model) + filesLine(site.map((f) => f.path)),
    unchanged,
    changed,
    removed,
  };
}
