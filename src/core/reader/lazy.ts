// Incidents read on demand: a section's body on first use, and incidents moved by an edit
// before them (re-index). Listing ids or finding one incident in a big log so costs one scan.
import type { Incident, Problem } from '../model';

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
  get reading() {
    return this.values().reading;
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
  /**
   * Where reading the body reports what it finds (impossible dates): the log's problem list,
   * set by the orchestrator. What a read adds to it is kept as this incident's reading problems.
   */
  sink: Problem[] | undefined;
  private full: Incident | undefined;
  private found: Problem[] = [];

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
    if (this.full) return this.full;
    const before = this.sink?.length ?? 0;
    this.full = this.read();
    if (this.sink) this.found = this.sink.slice(before);
    return this.full;
  }
  /**
   * This incident with its body read for one use and not kept (the body already kept when
   * there is one): for a pass that reads every incident once, as `list --json` does, so that it
   * holds one body at a time rather than all of them. What the read met is not reported: a
   * later body() reads it again and reports it.
   */
  readOnce(): Incident {
    if (this.full) return this;
    const before = this.sink?.length ?? 0;
    const full = this.read();
    if (this.sink) this.sink.length = before;
    // What this incident says itself (its id and offsets), over what the body read says.
    full.id = this.id;
    full.idWritten = this.idWritten;
    full.title = this.title;
    full.line = this.line;
    full.source = this.source;
    full.start = this.start;
    full.end = this.end;
    full.level = this.level;
    full.bodyStart = this.bodyStart;
    return full;
  }
  /** Whether the body has been read and kept. */
  isRead(): boolean {
    return this.full !== undefined;
  }
  /** The problems met reading the body (reads it if need be). */
  bodyProblems(): Problem[] {
    this.body();
    return this.found;
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
    const reading = shiftedReading(b.reading, l);
    if (reading) this.shifted.reading = reading;
    return this.shifted;
  }
  /** The base's reading notes, the line of a status read from words moved with the text. */
  override get reading(): Incident['reading'] {
    return shiftedReading(this.base.reading, this.lineDelta);
  }
  protected values(): Incident {
    return this.base;
  }
}

/**
 * What a reading rule guessed about an incident, without reading a body not read yet: a lazy
 * section's guess (a status from its words) is known only once its body is read. Prose sections
 * and table rows are never lazy, so how an incident was found is always known.
 */
export function readingIfRead(incident: Incident): Incident['reading'] {
  if (incident instanceof ShiftedIncident) return readingIfRead(incident.base);
  if (incident instanceof LazySectionIncident) return incident.isRead() ? incident.reading : undefined;
  return incident.reading;
}

function shiftedReading(reading: Incident['reading'], lineDelta: number): Incident['reading'] {
  if (!reading?.statusText || lineDelta === 0) return reading;
  return { ...reading, statusText: { ...reading.statusText, line: reading.statusText.line + lineDelta } };
}

/** Reading problems of incidents read while the log was indexed (see attachReadingProblems). */
const eagerProblems = new WeakMap<Incident, Problem[]>();

/** Records the problems met reading `incident` when it was read with the rest of the index. */
export function attachReadingProblems(incident: Incident, problems: Problem[]): void {
  eagerProblems.set(incident, problems);
}

/**
 * The problems met reading one incident's body (impossible dates), with the lines of the text it
 * now sits in. A lazy incident's body is read for this; a shifted one reuses its base's, moved.
 * Together with the index's `scanProblems` these are exactly the index's `problems`.
 */
export function readingProblems(incident: Incident): Problem[] {
  if (incident instanceof ShiftedIncident) {
    const l = incident.lineDelta;
    const base = readingProblems(incident.base);
    return l === 0 ? base : base.map((p) => ({ ...p, line: p.line + l }));
  }
  if (incident instanceof LazySectionIncident) return incident.bodyProblems();
  return eagerProblems.get(incident) ?? [];
}

/**
 * An incident with every value read, for one use: a lazy section's body is read and not kept
 * (see LazySectionIncident.readOnce); any other incident is returned as it is.
 */
export function readOnce(incident: Incident): Incident {
  return incident instanceof LazySectionIncident ? incident.readOnce() : incident;
}

/**
 * The incident whose text this one is: the base of a shifted incident (same text, moved by an
 * edit before it), else the incident itself. What is computed from an incident's text can be
 * kept under this across re-indexes.
 */
export function contentOf(incident: Incident): Incident {
  return incident instanceof ShiftedIncident ? incident.base : incident;
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
    ...(i.reading !== undefined ? { reading: i.reading } : {}),
  };
}
