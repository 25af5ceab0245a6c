// Templates and placeholders: what a log holds before its first incident, or a section copied
// to be filled in. A row or section whose values are all dashes, empty, or bracketed
// placeholders (`[À COMPLÉTER]`, `<date>`, `YYYY-MM-DD`) is not an incident.
import type { Field } from '../model';
import { stripInline } from './text';

/** Titles that name a log's template or starting entry rather than an incident. */
const TEMPLATE_TITLES = /^(?:baseline(?: entry| incident)?|template|incident template|example(?: incident| entry)?|sample(?: incident| entry)?|placeholder|new incident|entry template)$/i;

/** Whether a title names a template or a log's starting entry (`Baseline Entry`, `Template`). */
export function isTemplateTitle(title: string): boolean {
  // The longest of them (`baseline incident`) has 17 characters: a longer title is none.
  if (title.length > TEMPLATE_TITLE_MAX && title.trim().length > TEMPLATE_TITLE_MAX) return false;
  return TEMPLATE_TITLES.test(title.trim());
}

const TEMPLATE_TITLE_MAX = 17;

/** A value that says nothing yet: empty, dashes, an ellipsis, `TBD`, `[bracketed]`, `<angled>`, `YYYY-MM-DD`. */
export function isPlaceholderValue(value: string): boolean {
  const raw = value.trim();
  if (!raw) return true;
  // A link is a value, whatever its text says.
  if (raw.includes('](')) return false;
  const t = stripInline(raw).trim();
  if (!t) return true;
  if (t.length <= 40 && /^[-—–_.…*~=\s?]+$/.test(t)) return true;
  if (/^(?:n\/?a|tbd|tba|todo|xx+|\?+|-)$/i.test(t)) return true;
  if (t.length <= 200 && ((t[0] === '[' && t[t.length - 1] === ']') || (t[0] === '<' && t[t.length - 1] === '>') || (t.startsWith('{{') && t.endsWith('}}')))) return true;
  if (/^(?:YYYY|AAAA|JJJJ)[-/.](?:MM)[-/.](?:DD|JJ|TT)(?:[ T](?:HH|hh):(?:MM|mm)(?::SS)?)?(?:\s{1,3}[A-Z]{2,5})?$/.test(t)) return true;
  if (/^(?:HH|hh):(?:MM|mm)(?:\s{1,3}[A-Z]{2,5})?$/.test(t)) return true;
  return false;
}

/**
 * Whether a section is a template, not an incident: a template's title (`Baseline Entry`) with
 * no id; a placeholder title (`[Short description]`) whose fields are all placeholders; or
 * fields, all placeholders, with neither a title nor a date of its own.
 */
export function isPlaceholderSection(title: string, id: string | null, headingDate: string | null, fields: readonly Field[]): boolean {
  const t = title.trim();
  if (!id && TEMPLATE_TITLES.test(t)) return true;
  if (!fields.every((f) => isPlaceholderValue(f.value))) return false;
  if (t !== '' && isPlaceholderValue(t)) return true;
  return fields.length > 0 && !headingDate && t === '';
}

/** Fields that carry a value (placeholders left out): what decides whether a section is an incident. */
export function filledFields(fields: readonly Field[]): Field[] {
  return fields.filter((f) => !isPlaceholderValue(f.value));
}
