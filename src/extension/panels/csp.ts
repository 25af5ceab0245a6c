// The Content-Security-Policy every panel's page gets. Pure, so unit tests read it.

/**
 * Nothing by default; scripts only with the page's nonce; styles, fonts and images only from the
 * extension (`cspSource`: the built webview assets and media/), images also as data: URLs. No
 * 'unsafe-inline': Lit styles shadow roots with constructable stylesheets.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `font-src ${cspSource}`, `img-src ${cspSource} data:`].join('; ');
}

/**
 * The policy of a page that runs no script (the status page's preview): nothing by default, no
 * script at all, styles only as `styleSource` allows (the page's one inline stylesheet, by its
 * hash), images only from the extension or as data: URLs, no <base> and no form.
 */
export function staticPageContentSecurityPolicy(cspSource: string, styleSource: string): string {
  return [`default-src 'none'`, `style-src ${styleSource}`, `img-src ${cspSource} data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}
