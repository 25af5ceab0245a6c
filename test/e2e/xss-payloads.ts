// Hostile text for the webview panels' XSS suites (the checklist panel now, the review form
// next): each payload is written into a fixture log as a person could type it, and every panel
// must show it as those characters and run nothing. Payloads that would run try to set
// `__pwned` on the page and on its parents, and to reach `origin` (a local HTTP server the suite
// counts requests on) by fetch, image, stylesheet, import or navigation. Each payload is written
// twice: as typed (the log's display text drops raw HTML tags, so some of it arrives stripped)
// and with `<`/`>` as entities (so the markup characters arrive intact). What a panel must show
// is the log's display text (indexLog), character for character.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The global a payload sets when it runs. No underscores: markdown emphasis (`__x__`) would be
 * stripped from the text before it reaches the panel.
 */
export const PWNED = 'xsspwned';

/** `<` and `>` as entities: the text then reaches the panel with its markup characters. */
export const escapeMarkup = (s: string): string => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface XssPayload {
  /** What it tries (for failure messages). */
  name: string;
  /** The text as it is written into the markdown log (on one line). */
  md: string;
}

/** `origin`: e.g. http://127.0.0.1:4567, the server that must get no request. */
export function xssPayloads(origin: string): XssPayload[] {
  const pwn = (n: number) => `window.top.${PWNED}=${n};parent.${PWNED}=${n};window.${PWNED}=${n};fetch('${origin}/f${n}')`;
  const list: Array<[string, string]> = [
    // Script tags
    ['script tag', `<script>${pwn(1)}</script>`],
    ['script src', `<script src="${origin}/s2.js"></script>`],
    ['script in uppercase', `<SCRIPT>${pwn(3)}</SCRIPT>`],
    ['split script', `<scr<script>ipt>${pwn(4)}</scr</script>ipt>`],
    ['script after a closed tag', `"><script>${pwn(5)}</script>`],
    ['module import', `<script type=module>import('${origin}/m6.js')</script>`],
    // Event handlers
    ['img onerror', `<img src=x onerror="${pwn(7)}">`],
    ['img to the server', `<img src="${origin}/img8">`],
    ['svg onload', `<svg onload="${pwn(9)}"></svg>`],
    ['body onload', `<body onload="${pwn(10)}">`],
    ['details ontoggle', `<details open ontoggle="${pwn(11)}">`],
    ['input autofocus onfocus', `<input autofocus onfocus="${pwn(12)}">`],
    ['video source onerror', `<video><source onerror="${pwn(13)}"></video>`],
    ['attribute breakout', `" onmouseover="${pwn(14)}" x="`],
    ['single-quote breakout', `' onfocus='${pwn(15)}' autofocus x='`],
    ['iframe srcdoc', `<iframe srcdoc="<script>${pwn(16)}</script>"></iframe>`],
    // javascript: and data: URLs
    ['anchor javascript:', `<a href="javascript:${pwn(17)}">click</a>`],
    ['javascript: with entities', `<a href="&#106;avascript:${pwn(18)}">x</a>`],
    ['iframe javascript:', `<iframe src="javascript:${pwn(19)}"></iframe>`],
    ['data: text/html', `<iframe src="data:text/html,<script>${pwn(20)}</script>"></iframe>`],
    ['data: svg image', `<img src="data:image/svg+xml,<svg onload='${pwn(21)}'/>">`],
    ['object data:', `<object data="data:text/html;base64,PHNjcmlwdD5wYXJlbnQueHNzcHduZWQ9MjI8L3NjcmlwdD4="></object>`],
    ['bare javascript: URL', `javascript:${pwn(23)}`],
    ['meta refresh', `<meta http-equiv="refresh" content="0;url=${origin}/r24">`],
    ['form action', `<form action="${origin}/f25"><button>go</button></form>`],
    // SVG
    ['svg script', `<svg><script>${pwn(26)}</script></svg>`],
    ['svg animate href', `<svg><a><animate attributeName=href values="javascript:${pwn(27)}"/><text y=20>x</text></a></svg>`],
    ['svg image href', `<svg><image href="${origin}/svg28"/></svg>`],
    ['svg foreignObject', `<svg><foreignObject><img src=x onerror="${pwn(29)}"></foreignObject></svg>`],
    ['math breakout', `<math><mtext><table><mglyph><style><img src=x onerror="${pwn(30)}">`],
    // CSS
    ['style tag import', `<style>@import url("${origin}/css31");</style>`],
    ['style tag background', `<style>body{background:url(${origin}/bg32)}</style>`],
    ['style attribute url()', `<div style="background-image:url('${origin}/st33')">x</div>`],
    ['link stylesheet', `<link rel=stylesheet href="${origin}/l34.css">`],
    ['font-face', `<style>@font-face{font-family:x;src:url(${origin}/font35)}</style>`],
    ['style hides the page', `<style>*{display:none!important}</style>`],
    // Template and Lit binding breakers
    ['template literal', `\${${pwn(37)}}`],
    ['handlebars constructor', `{{constructor.constructor('${pwn(38)}')()}}`],
    ['angular-style expression', `{{$on.constructor('${pwn(39)}')()}}`],
    ['lit part marker', `<!--?lit$1234567$-->${pwn(40)}<!--?lit$1234567$-->`],
    ['lit attribute marker', `lit$1234567$ <?lit$1234567$> <img src=x onerror="${pwn(41)}">`],
    ['template close', `</template><img src=x onerror="${pwn(42)}"><template>`],
    ['custom element close', `</vscode-checkbox></li></ul><img src=x onerror="${pwn(43)}">`],
    ['textarea and title close', `</textarea></title></style><script>${pwn(44)}</script>`],
    // Markdown-link tricks
    ['markdown javascript: link', `[click](javascript:${pwn(45)})`],
    ['markdown data: link', `[x](data:text/html;base64,PHNjcmlwdD5wYXJlbnQueHNzcHduZWQ9NDY8L3NjcmlwdD4=)`],
    ['markdown image to the server', `![x](${origin}/md47.png)`],
    ['markdown reference link', `[x][r] [r]: javascript:${pwn(48)}`],
    ['autolink javascript:', `<javascript:${pwn(49)}>`],
    ['markdown link to the server', `[status](${origin}/md50)`],
    // HTML entities
    ['escaped script', `&lt;script&gt;${pwn(51)}&lt;/script&gt;`],
    ['numeric entities', `&#60;img src=x onerror=${pwn(52)}&#62;`],
    ['hex entities', `&#x3C;svg onload=${pwn(53)}&#x3E;`],
    ['double-escaped', `&amp;lt;script&amp;gt;${pwn(54)}&amp;lt;/script&amp;gt;`],
    // Control characters, null bytes and bidi
    ['null byte inside a tag', `<scr\u0000ipt>${pwn(55)}</scr\u0000ipt>`],
    ['bidi override', `\u202Egpj.exe\u202C <img src=x onerror="${pwn(56)}">`],
    ['bidi isolates', `\u2066<b>\u2069 \u2067${pwn(57)}\u2069`],
    ['zero-width characters', `<\u200Bscript>${pwn(58)}</\u200Bscript>`],
    ['escape sequence', `\u001b[2J\u001b]0;pwned\u0007 <img src=x onerror="${pwn(59)}">`],
    ['line separators', `a\u2028<script>${pwn(60)}</script>\u2029b`],
  ];
  return list.map(([name, md]) => ({ name, md }));
}

/**
 * A log in which payloads sit where the panels show incident text: the titles of incidents, the
 * commander and owner names, timeline entries, checklist items. The first incident (`id`) carries
 * every payload as a checklist item and as timeline text; the next ones carry one in the title.
 */
export function xssLog(id: string, payloads: readonly XssPayload[], titled = 8): string {
  const p = (i: number) => payloads[i % payloads.length].md;
  const lines = [
    '# Incident Log',
    '',
    `## ${id}: ${escapeMarkup(p(6))} ${escapeMarkup(p(0))}`,
    '- **Severity:** SEV-2',
    '- **Status:** Investigating',
    '- **Detected:** 2026-11-21 09:12 UTC',
    `- **Incident Commander:** ${escapeMarkup(p(8))}`,
    `- **Technical Lead:** ${p(36)}`,
    `- **Communications Lead:** ${p(44)}`,
    '',
    '### Timeline',
    ...payloads.map((x, i) => `- 2026-11-21 ${String(9 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} UTC — ${x.md} (@${p(i + 1).replace(/\s+/g, '')})`),
    '',
    '### Checklist',
    ...payloads.flatMap((x) => [`- [ ] ${x.md}`, `- [ ] ${escapeMarkup(x.md)}`]),
    '',
  ];
  for (let i = 1; i <= titled; i++) {
    lines.push(`## INC-2026-1120-${String(i).padStart(3, '0')}: ${escapeMarkup(p(i * 7))}`, '- **Severity:** SEV-3', '- **Status:** Resolved', '- **Detected:** 2026-11-20 10:00 UTC', '');
  }
  return lines.join('\n');
}

/** Writes `log` as docs/INCIDENT_LOG.md of a new workspace folder under `dir`. */
export function writeXssWorkspace(dir: string, log: string): string {
  mkdirSync(join(dir, 'docs'), { recursive: true });
  writeFileSync(join(dir, 'docs', 'INCIDENT_LOG.md'), log);
  return dir;
}

/** The review form's sections that take free text, by heading (Action items is a table). */
export const XSS_REVIEW_SECTIONS = ['Incident summary', 'Timeline', 'Root cause', 'Contributing factors', 'What went well', 'What could be improved', 'Lessons learned', 'Communication recap'];

/**
 * A post-incident review (docs/pir/<id>.md) with payloads where the review form shows text: the
 * front matter's title, every section's text (each payload as typed and with entities), and the
 * action items' action and owner cells. A table cell cannot hold a `|` or a line break, so
 * those payloads are left out of the table (they are in the sections).
 */
export function xssReview(id: string, payloads: readonly XssPayload[]): string {
  const quoted = (s: string) => JSON.stringify(s);
  const lines = ['---', `incident: ${quoted(id)}`, `title: ${quoted(payloads[6].md)}`, 'severity: "SEV-2"', 'detected: "2026-11-21T09:12:00Z"', 'review_due: "2026-11-25"', 'status: draft', '---', '', `# Post-incident review: ${id}`, ''];
  XSS_REVIEW_SECTIONS.forEach((heading, s) => {
    lines.push(`${heading === 'Contributing factors' ? '###' : '##'} ${heading}`, '');
    // A different slice of the payloads in each section, so that every payload is in some section.
    payloads.forEach((x, i) => {
      if (i % 4 === s % 4) lines.push(x.md, '', escapeMarkup(x.md), '');
    });
    if (heading === 'What could be improved') {
      lines.push('## Action items', '', '| Action | Owner | Due date | Status |', '| --- | --- | --- | --- |');
      const cellSafe = payloads.filter((x) => !x.md.includes('|'));
      cellSafe.slice(0, 24).forEach((x, i) => lines.push(`| ${escapeMarkup(x.md)} | ${cellSafe[(i + 5) % cellSafe.length].md} | 2026-12-${String(1 + (i % 28)).padStart(2, '0')} | Open |`));
      lines.push('');
    }
  });
  return lines.join('\n');
}
