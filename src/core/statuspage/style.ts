// The status page's one stylesheet, inline in every page and allowed by its hash in the page's
// Content-Security-Policy (nothing else may load: no script, no font, no other origin). Light
// and dark through prefers-color-scheme; every colour pair meets WCAG AA (4.5:1) on its
// background; one column that reads on a 375 px phone.
import { createHash } from 'node:crypto';

export const STYLE = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1b1b1f;--muted:#4f5561;--line:#d5d8de;--card:#f6f7f9;--link:#0b57d0;
--ok:#126b36;--minor:#7a5300;--partial:#9c3d00;--major:#b3261e}
@media (prefers-color-scheme:dark){:root{--bg:#121316;--fg:#e6e7ea;--muted:#aeb3bd;--line:#3a3d44;--card:#1c1e22;--link:#9ec1ff;
--ok:#6fd493;--minor:#f0c054;--partial:#ffa870;--major:#ff8f85}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
a{color:var(--link)}
a:focus-visible{outline:2px solid var(--link);outline-offset:2px}
.skip{position:absolute;left:-9999px}
.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.25rem .5rem}
header,main,footer{max-width:48rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
header p{margin:0;font-weight:600}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:2rem 0 .75rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.05rem;margin:0 0 .25rem}
ul.plain,ol.plain{list-style:none;margin:0;padding:0}
.banner{border:1px solid var(--line);border-left:.5rem solid currentColor;border-radius:.375rem;background:var(--card);padding:.75rem 1rem;margin:0 0 .5rem;font-size:1.15rem;font-weight:600}
.components li{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem 1rem;padding:.5rem 0;border-bottom:1px solid var(--line)}
.group{margin-top:1rem}
.card{border:1px solid var(--line);border-radius:.375rem;background:var(--card);padding:.75rem 1rem;margin:0 0 .75rem}
.meta{color:var(--muted);margin:.25rem 0}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0;color:var(--fg)}
.updates li{padding:.5rem 0;border-bottom:1px solid var(--line)}
.updates li:last-child{border-bottom:0}
.updates p{margin:.25rem 0}
.stage{font-weight:600}
.state-operational{color:var(--ok)}
.state-degraded_performance{color:var(--minor)}
.state-partial_outage{color:var(--partial)}
.state-major_outage{color:var(--major)}
.banner .label,.components .label{color:var(--fg)}
.state{font-weight:600}
footer{margin-top:2rem;padding-bottom:2rem;color:var(--muted);border-top:1px solid var(--line)}
footer p{margin:.75rem 0 0}
`.trim();

/** The CSP source that allows exactly STYLE: `'sha256-…'`. */
export const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`;

/** The Content-Security-Policy of every page: nothing but the inline style and same-origin or data: images. */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${STYLE_HASH}; img-src 'self' data:; base-uri 'none'; form-action 'none'`;
