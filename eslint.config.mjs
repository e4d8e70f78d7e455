// Lint: TypeScript's recommended rules, plus the core's purity (no host, UI or Node import in src/core).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'reports/**', '.stryker-tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML in the task pane.' }],
    },
  },
  {
    // Office.js is known only to its host: everything else reaches Excel through hosts/host.ts.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/hosts/office/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Office', 'Excel', 'OfficeExtension'].map((name) => ({ name, message: 'Office.js belongs to src/hosts/office; use the WorkbookHost interface.' })),
      ],
    },
  },
  {
    // The core, the application layer and the exports run in the pane and in the CLI alike.
    files: ['src/core/**/*.ts', 'src/app/**/*.ts', 'src/exports/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'navigator', 'localStorage', 'process', 'Buffer', 'Office', 'Excel'].map((name) => ({ name, message: 'Runs in the pane and in the CLI: the caller does I/O.' })),
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', '@fluentui/*', '@microsoft/*', 'exceljs', 'yauzl', 'pdfkit', 'papaparse', 'iconv-lite'], message: 'src/core stays pure: hosts do I/O.' },
            { group: ['fs', 'path', 'os', 'util', 'child_process', 'zlib', 'stream', 'crypto', 'node:*'], message: 'src/core stays pure: no Node API.' },
            { group: ['../hosts/*', '../../hosts/*', '../taskpane/*', '../cli/*'], message: 'src/core does not depend on its shells.' },
          ],
        },
      ],
    },
  },
);
