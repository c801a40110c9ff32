// Guardrails `npm test` runs (issue 14.10). Deliberately few rules — each one guards a seam of the design, none is
// about style — so that work landing in parallel is not buried in lint noise:
//   - no promise left floating (an unhandled failure the user never sees);
//   - shared/ imports neither Node nor the DOM (it runs on both sides);
//   - SQL only under electron/db (queries/, plus the connection's own infrastructure);
//   - the renderer never imports electron/ (it reaches the back end through api/client.ts only).
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

const NODE_MODULES = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'stream', 'buffer', 'events', 'worker_threads'];
const BACK_END = ['better-sqlite3', 'electron', 'exceljs', 'docx', 'jszip', 'papaparse', 'commander'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  {
    // Type-aware, so limited to .ts files: the back end, shared/, the renderer's stores and client, the tests.
    // (.vue files are parsed for the import rule below but not type-checked here: vue-tsc does that.)
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: ['./tsconfig.json', './renderer/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // .vue script blocks type-aware too (through the renderer's tsconfig), for the one rule that needs types
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, sourceType: 'module', project: ['./renderer/tsconfig.json'], tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.vue'] },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_MODULES, message: 'shared/ runs in the renderer too: no Node modules.' },
            { group: BACK_END, message: 'shared/ is pure: libraries with I/O belong to electron/.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'fetch', 'process', 'Buffer', 'require'].map((name) => ({
          name,
          message: 'shared/ runs on both sides: no DOM or Node globals.',
        })),
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    // the generated national-scale dataset writes its rows in bulk, the way the benchmark's floors do
    ignores: ['electron/db/**', 'electron/demo/nationalScale.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(prepare|pragma)$/]",
          message: 'SQL lives in electron/db/queries (one module per table group); call a query function from there.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/electron'], message: 'The renderer reaches the back end only through renderer/api/client.ts.' },
            { group: [...NODE_MODULES, ...BACK_END.filter((m) => m !== 'electron')], message: 'The renderer runs in a sandboxed page: no Node or back-end libraries.' },
          ],
        },
      ],
    },
  },
);
