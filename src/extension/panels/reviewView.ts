// What the post-incident review form shows, computed from the review file's text alone (its
// front matter and sections, read by the core). Pure: no vscode import, so unit tests call it.
import { reviewOverdue } from '../../core/review/review';
import { readReviewActionItems } from '../../core/review/reviewActions';
import { REVIEW_SECTIONS, type ReviewDoc, findReviewSection, readReview, sectionContent } from '../../core/review/reviewFile';
import { formatDisplayTime } from '../../core/format/time';
import { ACTION_COLUMNS, REVIEW_FORM_SECTIONS, type ReviewFormSection, type ReviewSectionHandled, type ReviewSectionView, type ReviewView } from '../../shared/protocol';

/** Sections the form always shows; the others only when the file has them (a sub-heading of the template's). */
const ALWAYS: ReadonlySet<ReviewFormSection> = new Set(['summary', 'timeline', 'rootCause', 'wentWell', 'couldImprove', 'lessons', 'communication']);

/** The day `now` is in `zone` is after `due` (YYYY-MM-DD); false for anything else. */
function pastDue(due: string, now: Date, zone: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(due.trim()) && reviewOverdue(due.trim(), now, zone);
}

export interface ReviewViewOptions {
  incident: string;
  file: string;
  now: Date;
  zone: string;
  defaultOwner: string | null;
  /** The last write of each section the host has acted on (see ReviewView.handled). */
  handled?: Partial<Record<ReviewFormSection, ReviewSectionHandled>>;
}

/** The sections the form shows, each without the template's hints (which it gives apart). */
function formSections(doc: ReviewDoc): ReviewSectionView[] {
  return REVIEW_FORM_SECTIONS.flatMap((key) => {
    const section = findReviewSection(doc, key);
    if (!section && !ALWAYS.has(key)) return [];
    const heading = section?.heading ?? REVIEW_SECTIONS.find((s) => s.key === key)!.heading;
    const content = sectionContent(section?.text ?? '');
    return [{ key, heading, text: content.text, hint: content.hints.join('\n') || null, placeholder: content.prompts.join('\n') || null, present: !!section }];
  });
}

/** A section's text as the form shows it (without the template's hints): what its `base` is compared with. */
export function shownSectionText(text: string, key: ReviewFormSection): string {
  const section = findReviewSection(readReview(text), key);
  return sectionContent(section?.text ?? '').text;
}

/** The headings of the sections the form shows that hold nothing but the template (or nothing at all). */
export function emptyReviewSections(text: string): string[] {
  return formSections(readReview(text))
    .filter((s) => s.text.trim() === '')
    .map((s) => s.heading);
}

export function reviewView(text: string, o: ReviewViewOptions): ReviewView {
  const doc = readReview(text);
  const fm = doc.frontMatter?.values ?? {};
  const value = (k: string) => {
    const v = fm[k];
    if (v === null || v === undefined || v === '') return null;
    // YAML reads a bare 2026-11-26 as a timestamp at midnight: the form shows the day as written.
    const line = doc.frontMatter?.lines.find((l) => l.key === k);
    const raw = line ? text.slice(line.valueStart, line.valueEnd).replace(/^(["'])(.*)\1$/, '$2') : '';
    return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : v;
  };
  // Times read as everywhere else: `2026-12-05 13:05 UTC` in the display zone; a plain day as written.
  const time = (v: string | null) => (v === null ? null : formatDisplayTime(v, o.zone));
  const status = value('status');
  const final = (status ?? '').trim().toLowerCase() === 'final';
  const reviewDue = value('review_due');
  const { items, table } = readReviewActionItems(text);
  const columns = table ? ACTION_COLUMNS.filter((c) => table.columns.includes(c)) : [...ACTION_COLUMNS];
  return {
    incident: o.incident,
    file: o.file,
    facts: {
      title: value('title'),
      severity: value('severity'),
      detected: time(value('detected')),
      resolved: time(value('resolved')),
      duration: value('duration'),
      reviewDue: time(reviewDue),
      overdue: !final && reviewDue !== null && reviewOverdue(reviewDue, o.now, o.zone),
      status,
    },
    final,
    sections: formSections(doc),
    actionItems: items.map((i) => ({ line: i.line, kind: i.kind, action: i.action, owner: i.owner, due: i.due, status: i.status, done: i.done, overdue: !i.done && i.dueDate !== null && pastDue(i.dueDate, o.now, o.zone) })),
    columns,
    defaultOwner: o.defaultOwner,
    readOnly: /^(?:<{7}|>{7})(?: |$)/m.test(text) ? 'The review has merge conflict markers: resolve them in the file first.' : null,
    handled: { ...o.handled },
  };
}
