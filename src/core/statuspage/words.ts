// The words and escaping every renderer of the status page shares.
import type { ComponentState, PublicStatus } from './model';
import { stripTextControls } from '../format/controlCharacters';

/** What XML 1.0 cannot hold beside the C0 controls: lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters an XML 1.0 document (or an HTML page) may not hold; tabs and line breaks kept. */
function clean(text: string): string {
  return stripTextControls(text).replace(NOT_XML, '');
}

/** Text safe in XML content and in a double-quoted attribute. */
export function xmlText(text: string): string {
  return clean(text).replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Text safe in HTML content and in a double- or single-quoted attribute. */
export function esc(text: string): string {
  return clean(text).replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

export const STATE_LABELS: Record<ComponentState, string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

/** The page's one-line summary of the overall state. */
export const OVERALL_LABELS: Record<ComponentState, string> = {
  operational: 'All systems operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

export const STATUS_LABELS: Record<PublicStatus, string> = { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' };

