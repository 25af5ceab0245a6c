// Incidents read on demand: a section's body on first use, and incidents moved by an edit
// before them (re-index). Listing ids or finding one incident in a big log so costs one scan.
import type { Incident } from '../model';

/**
 * An incident whose values come from elsewhere on demand: `values()` for what an edit cannot
 * move (severity, roles, ...), `body()` for what carries offsets and line numbers. The values
 * live behind prototype getters, so code that copies incidents must read properties (or
 * JSON.stringify, which uses toJSON), not spread them.
 */
abstract class DeferredIncident implements Incident {
  abstract readonly id: string;
  abstract readonly idWritten: boolean;
  abstract readonly title: string;
  abstract readonly line: number;
  abstract readonly source: Incident['source'];
  abstract readonly start: number;
  abstract readonly end: number;
  abstract readonly level: number;
  abstract readonly bodyStart: number;
  abstract body(): Incident;
  protected abstract values(): Incident;

  get severity() {
    return this.values().severity;
  }
  get status() {
    return this.values().status;
  }
  get detected() {
    return this.values().detected;
  }
  get resolved() {
    return this.values().resolved;
  }
  get roles() {
    return this.values().roles;
  }
  get fields() {
    return this.body().fields;
  }
  get timeline() {
    return this.body().timeline;
  }
  get checklist() {
    return this.body().checklist;
  }
  get actionItems() {
    return this.body().actionItems;
  }
  get timelineSlot() {
    return this.body().timelineSlot;
  }
  get fieldSlot() {
    return this.body().fieldSlot;
  }
  toJSON(): Incident {
    return plainIncident(this);
  }
}

/**
 * An incident whose heading gave its id and title: its body (fields, timeline, checklist,
 * action items) is read on first access and kept.
 */
export class LazySectionIncident extends DeferredIncident {
  readonly idWritten = true;
  readonly source = 'section' as const;
  private full: Incident | undefined;

  constructor(
    public id: string,
    readonly title: string,
    readonly line: number,
    readonly start: number,
    readonly end: number,
    readonly level: number,
    readonly bodyStart: number,
    private readonly read: () => Incident,
  ) {
    super();
  }

  body(): Incident {
    return (this.full ??= this.read());
  }
  protected values(): Incident {
    return this.body();
  }
}

/**
 * An incident moved by an edit before it: same text, offsets and line numbers shifted. Its body
 * is shifted on first access, so re-indexing after a one-line edit does not read 2,000 bodies.
 */
export class ShiftedIncident extends DeferredIncident {
  readonly id: string;
  readonly idWritten: boolean;
  readonly title: string;
  readonly line: number;
  readonly source: Incident['source'];
  readonly file?: string;
  readonly start: number;
  readonly end: number;
  readonly level: number;
  readonly bodyStart: number;
  private shifted: Incident | undefined;

  constructor(
    readonly base: Incident,
    readonly delta: number,
    readonly lineDelta: number,
  ) {
    super();
    this.id = base.id;
    this.idWritten = base.idWritten;
    this.title = base.title;
    this.line = base.line + lineDelta;
    this.source = base.source;
    if (base.file !== undefined) this.file = base.file;
    this.start = base.start + delta;
    this.end = base.end + delta;
    this.level = base.level;
    this.bodyStart = base.bodyStart + delta;
  }

  body(): Incident {
    if (this.shifted) return this.shifted;
    const b = this.base;
    const d = this.delta;
    const l = this.lineDelta;
    this.shifted = {
      ...plainIncident(b),
      fields: b.fields.map((f) => ({ ...f, line: f.line + l, valueStart: f.valueStart + d, valueEnd: f.valueEnd + d })),
      timeline: b.timeline.map((e) => ({ ...e, line: e.line + l })),
      checklist: b.checklist.map((c) => ({ ...c, line: c.line + l })),
      actionItems: b.actionItems.map((a) => ({ ...a, line: a.line + l })),
      timelineSlot: b.timelineSlot ? { ...b.timelineSlot, insertAt: b.timelineSlot.insertAt + d } : undefined,
      fieldSlot: b.fieldSlot ? { ...b.fieldSlot, insertAt: b.fieldSlot.insertAt + d } : undefined,
    };
    return this.shifted;
  }
  protected values(): Incident {
    return this.base;
  }
}

/** A plain-object copy of an incident (safe to spread, post to a webview or structured-clone). */
export function plainIncident(i: Incident): Incident {
  return {
    id: i.id,
    idWritten: i.idWritten,
    title: i.title,
    severity: i.severity,
    status: i.status,
    detected: i.detected,
    resolved: i.resolved,
    roles: i.roles,
    fields: i.fields,
    timeline: i.timeline,
    checklist: i.checklist,
    actionItems: i.actionItems,
    line: i.line,
    source: i.source,
    ...(i.file !== undefined ? { file: i.file } : {}),
    start: i.start,
    end: i.end,
    level: i.level,
    bodyStart: i.bodyStart,
    timelineSlot: i.timelineSlot,
    fieldSlot: i.fieldSlot,
  };
}
