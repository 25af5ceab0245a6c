// The status page as one document, for a preview that runs no script (VS Code's webview): the
// index page as the site's renderer writes it, with each listed incident's own page (the same
// renderer's) inlined after it as a section, and the index's links to those pages turned into
// links to the sections. A webview follows in-page anchors by itself; a relative link to
// another file of the site would lead nowhere, so none is left pointing to an incident page.
// Only the renderer's own markup is rewritten here: every string from the log was escaped by
// it (`"`, `<` and `>` included), so no text of the log can look like the tags and attributes
// matched below.
import { renderIncidentPage, renderIndex } from './html';
import type { StatusPageModel } from './model';
import { CONTENT_SECURITY_POLICY } from './style';
import { esc } from './words';

/** The anchor of an incident's section: its page name (`incidents/X.html` → `incident-X`). */
export function previewAnchor(page: string): string {
  return `incident-${page.replace(/^incidents\//, '').replace(/\.html$/, '')}`;
}

const MAIN_OPEN = '<main id="main">\n';
const MAIN_CLOSE = '\n</main>';

/** The part of a page the renderer put inside `<main>`. */
function mainOf(html: string): string {
  const start = html.indexOf(MAIN_OPEN);
  const end = html.lastIndexOf(MAIN_CLOSE);
  if (start < 0 || end < start) throw new Error('The status page renderer wrote a page without its <main> element.');
  return html.slice(start + MAIN_OPEN.length, end);
}

/** An incident's page as a section of the preview: its headings one level down, its ids kept apart from the others'. */
function incidentSection(html: string, anchor: string): string {
  const body = mainOf(html)
    .replace(/ id="([\w-]+)"/g, ` id="${anchor}-$1"`)
    .replace(/ aria-labelledby="([\w-]+)"/g, ` aria-labelledby="${anchor}-$1"`)
    .replace(/<(\/?)h2\b/g, '<$1h3')
    .replace('<h1>', `<h2 id="${anchor}-title">`)
    .replace('</h1>', '</h2>')
    .replace('<a href="../index.html">', '<a href="#now">');
  return `<section id="${anchor}" aria-labelledby="${anchor}-title">\n${body}\n</section>`;
}

/**
 * The preview: index.html with the incident pages inlined as sections and linked by anchor,
 * under `contentSecurityPolicy` instead of the site's own (a webview's origin is not the site's).
 */
export function renderPreview(model: StatusPageModel, contentSecurityPolicy: string): string {
  let html = renderIndex(model);
  const sections: string[] = [];
  for (const incident of [...model.active, ...model.resolved]) {
    const anchor = previewAnchor(incident.page);
    html = html.split(`<a href="${esc(incident.page)}">`).join(`<a href="#${anchor}">`);
    sections.push(incidentSection(renderIncidentPage(incident, model), anchor));
  }
  const policy = `content="${esc(CONTENT_SECURITY_POLICY)}"`;
  if (!html.includes(policy)) throw new Error('The status page renderer wrote a page without its Content-Security-Policy.');
  html = html.replace(policy, `content="${esc(contentSecurityPolicy)}"`).replace('<a href="index.html">', '<a href="#main">');
  const end = html.lastIndexOf(MAIN_CLOSE);
  return sections.length ? `${html.slice(0, end)}\n${sections.join('\n')}${html.slice(end)}` : html;
}
