import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
          paths: [{ name: 'vscode', message: 'The webview runs in a browser: no vscode API.' }],
          patterns: [
            { group: ['**/src/extension/**', '**/src/core/**', '**/src/cli/**'], message: 'The webview gets what it shows from the host, as messages.' },
            { group: ['**/src/shared/*', '!**/src/shared/limits'], allowTypeImports: true, message: 'Import protocol types only (import type), so zod stays out of the bundle (limits.ts holds values without zod).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/shared is plain data for hosts and webviews.' }], patterns: [{ group: ['**/core/**', '**/extension/**'], message: 'src/shared imports nothing of the host or the core.' }] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core stays free of the vscode API.' }] }],
    },
  },
);
