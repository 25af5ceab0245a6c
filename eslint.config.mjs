import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layering (README, Layout): src/core is plain TypeScript under the CLI and the extension;
// src/cli runs without VS Code; the webview is browser code that talks to the host in messages.
// A folder is matched by its name at any depth, so a relative path (../extension/x,
// ../../shared/y) is refused as well as one through src/.
const folders = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);
const NO_VSCODE = (why) => ({ name: 'vscode', message: why });
// no-restricted-imports reads import and export declarations only: a lazy import('…') or a
// require('…') of a refused module is caught here. (esquery reads a regular expression up to
// its first slash, so the slash is written \u002F.)
const noDynamicImport = (names, message, ...more) => {
  const target = `/${['^vscode$', `(^|\\u002F)(${names.join('|')})(\\u002F|$)`, ...more].join('|')}/`;
  return [
    { selector: `ImportExpression[source.value=${target}]`, message },
    { selector: `CallExpression[callee.name='require'][arguments.0.value=${target}]`, message },
  ];
};

export default tseslint.config(
  { ignores: ['dist/**', 'packages/*/dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'artifacts/**', 'samples/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', __dirname: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The panels' browser code: no extension host code, no vscode API, no core (the host computes
    // what the page shows); message types come from src/shared/protocol.ts, as types only.
    files: ['webview/**/*.ts'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', customElements: 'readonly' } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [NO_VSCODE('The webview runs in a browser: no vscode API.')],
          patterns: [
            { group: [...folders('extension', 'core', 'cli'), '**/src/*', '!**/src/shared', '!**/src/shared/**'], message: 'The webview gets what it shows from the host, as messages (of src/shared only).' },
            { group: ['**/src/shared/*', '!**/src/shared/limits'], allowTypeImports: true, message: 'Import protocol types only (import type), so zod stays out of the bundle (limits.ts holds values without zod).' },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...noDynamicImport(['extension', 'core', 'cli'], 'The webview gets what it shows from the host, as messages.', '(^|\\u002F)src\\u002F(?!shared(\\u002F|$))')],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/shared is plain data for hosts and webviews.' }], patterns: [{ regex: '(^|/)(extension/|core/(?!format/controlCharacters$))', message: 'src/shared imports nothing of the host or the core but the control-character classes (pure, no imports), which the pages check text with too.' }] }],
    },
  },
  {
    // The core is read by the CLI, the extension and the tests alike: it knows none of them.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [NO_VSCODE('src/core stays free of the vscode API.')],
          patterns: [{ group: folders('cli', 'extension', 'shared'), message: 'src/core imports nothing of the CLI, the extension or the webview protocol (src/shared).' }],
        },
      ],
      'no-restricted-syntax': ['error', ...noDynamicImport(['cli', 'extension', 'shared'], 'src/core imports neither vscode nor the CLI, the extension or src/shared.')],
    },
  },
  {
    // The CLI runs in a terminal, without VS Code.
    files: ['src/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [NO_VSCODE('The CLI runs without VS Code: no vscode API.')],
          patterns: [{ group: folders('extension'), message: 'The CLI imports nothing of the extension (shared code belongs in src/core).' }],
        },
      ],
      'no-restricted-syntax': ['error', ...noDynamicImport(['extension'], 'The CLI imports neither vscode nor the extension.')],
    },
  },
);
