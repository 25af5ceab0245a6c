// Reading an incident heading: its id (`INC-…`, `ABC-12`, `#12`), a date, a severity
// marker, and what is left as the title. Also which sub-headings name a timeline, a checklist or
// action items.
import { type Policy, matchSeverity } from '../policy';
import { stripInline } from '../text';
import { parseLeadingTime } from '../time';

const INC_ID = /\bINC-\d{4}-\d{4}-\d{3,}\b/;
const GENERIC_ID = /(?:^|[\s[(])((?:[A-Z][A-Z0-9]{1,9}-\d{1,7})|(?:#\d{1,7}))(?=$|[\s\]):,.—–-])/;
const HEADING_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{4}\/\d{1,2}\/\d{1,2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b/i;

export interface HeadingFacts {
  id: string | null;
  title: string;
  severityText: string | null;
  date: string | null;
}

/** Reads an id, a date and a severity marker out of a heading, leaving the title. */
export function readHeading(raw: string, policy: Policy): HeadingFacts {
  let rest = raw;
  let id: string | null = null;
  let severityText: string | null = null;
  let date: string | null = null;

  const inc = INC_ID.exec(rest);
  if (inc) {
    id = inc[0];
    rest = rest.slice(0, inc.index) + ' ' + rest.slice(inc.index + inc[0].length);
  } else {
    const generic = GENERIC_ID.exec(rest);
    if (generic && !matchSeverity(policy, generic[1]) && !/^(SEV|P|PRIO|PRIORITY)-?\d$/i.test(generic[1])) {
      id = generic[1];
      const at = generic.index + generic[0].indexOf(generic[1]);
      rest = rest.slice(0, at) + ' ' + rest.slice(at + generic[1].length);
    }
  }
  // Severity markers: `(SEV-2)`, `[P1]`, or a bare token that names a policy severity.
  rest = rest.replace(/[[(]([^\])[(]{1,24})[\])]/g, (whole, inner: string) => {
    if (!severityText && matchSeverity(policy, inner)) {
      severityText = inner.trim();
      return ' ';
    }
    return whole;
  });
  if (!severityText) {
    const bare = /(?:^|\s)(SEV[- ]?\d|Sev[- ]?\d|P\d)(?=$|[\s:,—–-])/.exec(rest);
    if (bare && matchSeverity(policy, bare[1])) {
      severityText = bare[1];
      const at = bare.index + bare[0].indexOf(bare[1]);
      rest = rest.slice(0, at) + ' ' + rest.slice(at + bare[1].length);
    }
  }
  const dm = HEADING_DATE.exec(rest);
  if (dm) {
    const p = parseLeadingTime(rest.slice(dm.index));
    if (p && p.value) date = p.value;
    const len = p ? p.length : dm[0].length;
    rest = rest.slice(0, dm.index) + ' ' + rest.slice(dm.index + len);
  }
  const title = stripInline(
    rest
      .replace(/[[(]\s*[\])]/g, ' ')
      .replace(/^[\s:|—–\-·•,.]+/, '')
      .replace(/[\s:|—–\-·•,]+$/, '')
      .replace(/\s+[:|—–·•]\s+/g, ' — ')
      .replace(/^\s*[—–-]\s*/, ''),
  )
    .replace(/^[—–-]\s*/, '')
    .replace(/\s*[—–-]$/, '')
    .trim();
  return { id, title, severityText, date };
}

/** What a sub-heading inside an incident names, by the policy's section words. */
export function subsectionKind(text: string, policy: Policy): 'timeline' | 'checklist' | 'actionItems' | null {
  const t = stripInline(text).toLowerCase();
  if (policy.sections.timeline.some((k) => t.includes(k))) return 'timeline';
  if (policy.sections.actionItems.some((k) => t.includes(k))) return 'actionItems';
  if (policy.sections.checklist.some((k) => t.includes(k))) return 'checklist';
  return null;
}
