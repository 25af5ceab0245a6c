// The status page's feeds, Atom 1.0 and RSS 2.0, with the same entries: one per public update
// (and one for each resolution), newest first. Written by hand, with XML escaping and the
// characters XML 1.0 cannot hold removed. Ids are `tag:` URIs built from the site's host, the update's day, the incident's page
// name and the update's time, so they stay the same across rebuilds. Links are relative to the
// feed without --base-url (valid Atom, resolved against the feed's own address) and absolute with it.
import type { PublicIncident, StatusPageModel } from './model';
import { STATUS_LABELS, xmlText } from './words';

export interface FeedOptions {
  /** The site's public address (`https://status.example.com/`): links become absolute, and its host names the ids. */
  baseUrl?: string;
}

interface Entry {
  id: string;
  title: string;
  at: Date;
  link: string;
  content: string;
}

/** `tag:status.example.com,2026-11-21:INC-2026-1121-001/2026-11-21T00:20:00.000Z`. */
function tagId(authority: string, at: Date, incident: PublicIncident, key: string): string {
  const name = incident.page.slice('incidents/'.length, -'.html'.length);
  return `tag:${authority},${at.toISOString().slice(0, 10)}:${name}/${key}`;
}

function entriesOf(incident: PublicIncident, authority: string, link: string): Entry[] {
  const out: Entry[] = incident.updates.map((u) => ({
    id: tagId(authority, u.at, incident, u.key),
    title: `${incident.title}: ${STATUS_LABELS[u.status]}`,
    at: u.at,
    link,
    content: u.body,
  }));
  const last = incident.updates[incident.updates.length - 1];
  if (!incident.active && incident.resolvedAt && last?.status !== 'resolved') {
    out.push({ id: tagId(authority, incident.resolvedAt, incident, 'resolved'), title: `${incident.title}: Resolved`, at: incident.resolvedAt, link, content: 'This incident has been resolved.' });
  }
  return out;
}

/** The site's address with a final `/` (empty without --base-url), its host for the ids, and every entry, newest first. */
function feedEntries(model: StatusPageModel, options: FeedOptions): { base: string; authority: string; entries: Entry[] } {
  const base = options.baseUrl ? (options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`) : '';
  const authority = base ? new URL(base).hostname.toLowerCase() : 'localhost';
  const entries = [...model.active, ...model.resolved].flatMap((i) => entriesOf(i, authority, `${base}${i.page}`));
  entries.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { base, authority, entries };
}

export function renderAtom(model: StatusPageModel, options: FeedOptions = {}): string {
  const { base, authority, entries } = feedEntries(model, options);
  const updated = entries.length ? entries[0].at : model.now;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `<id>tag:${authority},2026:status</id>`,
    `<title>${xmlText(model.title)}</title>`,
    `<updated>${updated.toISOString()}</updated>`,
    `<author><name>${xmlText(model.title)}</name></author>`,
    `<link rel="alternate" type="text/html" href="${xmlText(base)}index.html"/>`,
    ...(base ? [`<link rel="self" type="application/atom+xml" href="${xmlText(base)}feed.atom"/>`] : []),
    `<generator>incident statuspage</generator>`,
  ];
  for (const e of entries) {
    lines.push(
      `<entry>`,
      `<id>${xmlText(e.id)}</id>`,
      `<title>${xmlText(e.title)}</title>`,
      `<updated>${e.at.toISOString()}</updated>`,
      `<published>${e.at.toISOString()}</published>`,
      `<link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
      `<content type="text">${xmlText(e.content)}</content>`,
      `</entry>`,
    );
  }
  lines.push(`</feed>`, '');
  return lines.join('\n');
}

/**
 * The same entries as RSS 2.0, for readers that take no Atom: each item's guid is its Atom id
 * (not a link), dates in RFC 822 as the format asks (`Sat, 21 Nov 2026 09:15:00 GMT`).
 */
export function renderRss(model: StatusPageModel, options: FeedOptions = {}): string {
  const { base, entries } = feedEntries(model, options);
  const updated = entries.length ? entries[0].at : model.now;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<rss version="2.0"${base ? ' xmlns:atom="http://www.w3.org/2005/Atom"' : ''}>`,
    `<channel>`,
    `<title>${xmlText(model.title)}</title>`,
    `<link>${xmlText(base)}index.html</link>`,
    `<description>${xmlText(`Status updates: ${model.title}`)}</description>`,
    `<lastBuildDate>${updated.toUTCString()}</lastBuildDate>`,
    ...(base ? [`<atom:link rel="self" type="application/rss+xml" href="${xmlText(base)}feed.rss"/>`] : []),
    `<generator>incident statuspage</generator>`,
  ];
  for (const e of entries) {
    lines.push(
      `<item>`,
      `<title>${xmlText(e.title)}</title>`,
      `<link>${xmlText(e.link)}</link>`,
      `<guid isPermaLink="false">${xmlText(e.id)}</guid>`,
      `<pubDate>${e.at.toUTCString()}</pubDate>`,
      `<description>${xmlText(e.content)}</description>`,
      `</item>`,
    );
  }
  lines.push(`</channel>`, `</rss>`, '');
  return lines.join('\n');
}
