// `status.json`: the page in the shape of Statuspage's `summary.json` (page, status, components,
// incidents with their incident_updates, scheduled_maintenances), which most status consumers
// read, plus `resolved_incidents` (the incidents resolved in the page's last N days, in the same
// shape). docs/STATUSPAGE.md documents every field.
import type { ComponentState, Impact, PublicComponent, PublicIncident, PublicStatus, StatusPageModel } from './model';
import { STATE_OF_IMPACT, worst } from './model';
import { OVERALL_LABELS } from './words';

export type Indicator = 'none' | 'minor' | 'major' | 'critical';
const INDICATORS = Object.fromEntries(Object.entries(STATE_OF_IMPACT).map(([impact, state]) => [state, impact])) as Record<ComponentState, Indicator>;

export interface JsonComponent {
  id: string;
  name: string;
  status: ComponentState;
  description: null;
  position: number;
  group_id: string | null;
  group: boolean;
  only_show_if_degraded: false;
  page_id: string;
  updated_at: string | null;
  /** A group's components' ids (groups only). */
  components?: string[];
}

export interface JsonUpdate {
  id: string;
  incident_id: string;
  status: PublicStatus;
  body: string;
  created_at: string;
  updated_at: string;
  display_at: string;
}

export interface JsonIncident {
  id: string;
  name: string;
  status: PublicStatus;
  impact: Impact;
  /** The Public impact field; null without one (not in Statuspage's shape). */
  impact_description: string | null;
  page_id: string;
  shortlink: string;
  started_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  monitoring_at: string | null;
  resolved_at: string | null;
  /** Newest first, as Statuspage lists them. */
  incident_updates: JsonUpdate[];
  components: JsonComponent[];
}

export interface StatusJson {
  page: { id: string; name: string; url: string | null; time_zone: string; updated_at: string };
  status: { indicator: Indicator; description: string };
  components: JsonComponent[];
  incidents: JsonIncident[];
  resolved_incidents: JsonIncident[];
  scheduled_maintenances: [];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** `Service status` → `service-status`: the page's id. */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'status';
}

export function statusJson(model: StatusPageModel, baseUrl?: string): StatusJson {
  const base = baseUrl ? (baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : '';
  const pageId = slug(model.title);
  const components = jsonComponents(model.components, pageId);
  const byId = new Map(components.map((c) => [c.id, c]));
  const incident = (i: PublicIncident): JsonIncident => ({
    id: i.id,
    name: i.title,
    status: i.status,
    impact: i.impact,
    impact_description: i.impactText,
    page_id: pageId,
    shortlink: `${base}${i.page}`,
    started_at: iso(i.startedAt),
    created_at: iso(i.startedAt ?? i.updates[0]?.at ?? null),
    updated_at: iso(i.updatedAt),
    monitoring_at: iso(i.monitoringAt),
    resolved_at: iso(i.resolvedAt),
    incident_updates: [...i.updates].reverse().map((u) => ({
      id: `${i.id}/${u.key}`,
      incident_id: i.id,
      status: u.status,
      body: u.body,
      created_at: u.at.toISOString(),
      updated_at: u.at.toISOString(),
      display_at: u.at.toISOString(),
    })),
    components: i.components.map((c) => byId.get(c.id)).filter((c): c is JsonComponent => !!c),
  });
  return {
    page: { id: pageId, name: model.title, url: base || null, time_zone: model.timeZone, updated_at: model.now.toISOString() },
    status: { indicator: INDICATORS[model.state], description: OVERALL_LABELS[model.state] },
    components,
    incidents: model.active.map(incident),
    resolved_incidents: model.resolved.map(incident),
    scheduled_maintenances: [],
  };
}

/** The components in playbook order, each group listed (as Statuspage does) as a component of its own before its members. */
function jsonComponents(list: readonly PublicComponent[], pageId: string): JsonComponent[] {
  const out: JsonComponent[] = [];
  const groups = new Map<string, JsonComponent>();
  for (const c of list) {
    let groupId: string | null = null;
    if (c.group) {
      let g = groups.get(c.group);
      if (!g) {
        const members = list.filter((m) => m.group === c.group);
        const updated = members.map((m) => m.updatedAt?.getTime() ?? 0).filter((t) => t > 0);
        g = {
          id: `group-${slug(c.group)}`,
          name: c.group,
          status: worst(members.map((m) => m.state)),
          description: null,
          position: out.length + 1,
          group_id: null,
          group: true,
          only_show_if_degraded: false,
          page_id: pageId,
          updated_at: updated.length ? new Date(Math.max(...updated)).toISOString() : null,
          components: members.map((m) => m.id),
        };
        groups.set(c.group, g);
        out.push(g);
      }
      groupId = g.id;
    }
    out.push({ id: c.id, name: c.name, status: c.state, description: null, position: out.length + 1, group_id: groupId, group: false, only_show_if_degraded: false, page_id: pageId, updated_at: iso(c.updatedAt) });
  }
  return out;
}

export function renderStatusJson(model: StatusPageModel, baseUrl?: string): string {
  return `${JSON.stringify(statusJson(model, baseUrl), null, 2)}\n`;
}
