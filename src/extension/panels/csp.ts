// The Content-Security-Policy every panel's page gets. Pure, so unit tests read it.

/**
 * Nothing by default; scripts only with the page's nonce; styles, fonts and images only from the
 * extension (`cspSource`: the built webview assets and media/), images also as data: URLs. No
 * 'unsafe-inline': Lit styles shadow roots with constructable stylesheets.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `font-src ${cspSource}`, `img-src ${cspSource} data:`].join('; ');
}
