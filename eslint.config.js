// Lint = types + layering. The layer rules are those of docs/architecture.md#layers:
// shared/ is pure, renderer/ never touches Node or Electron, wrapped libraries are imported in one place only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';


export default tseslint.config(
  {
    ignores: [
      'node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'test-results/**',
      'playwright-report/**', 'coverage/**', 'bench/out/**', 'data/**', 'vendor-assets/**', '.scratch/**', 'renderer/public/vendor/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', '*.cjs', 'scripts/*.mjs', 'build/*.cjs', 'build/*.mjs'],
          // The plain-JS build and tool scripts (about a dozen small files) are linted in the default project.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 20,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './shared', from: ['./renderer', './electron', './server', './cli', './bench', './test'], message: 'shared/ is pure: it imports nothing from the other layers.' },
            { target: './renderer', from: ['./electron', './server', './cli'], message: 'renderer/ talks to Electron only through window.desktop (renderer/platform).' },
            { target: './electron', from: ['./renderer', './server', './cli'], message: 'electron/ imports only shared/.' },
            { target: './electron/preload', from: ['./shared'], except: ['./ipc'], message: 'The preload imports only shared/ipc.' },
            { target: './server', from: ['./renderer', './electron', './cli'], message: 'server/ imports shared/ only.' },
            { target: './cli', from: ['./renderer', './electron', './server'], message: 'cli/ imports shared/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['react', 'react-dom', 'react/*', 'dexie', 'dexie-*', 'electron', 'zustand', 'tesseract.js'], message: 'shared/ is pure TypeScript: no UI, storage or platform libraries.' },
      ] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'process', 'Buffer', 'require'],
    },
  },
  {
    // SheetJS is wrapped in one module (its own rule name, so the per-layer no-restricted-imports lists stay as they are).
    // Tests and test fixtures may use it to build files the app's own writer never makes (.xls, date cells, merges),
    // so the readers are tested against files they did not write.
    ignores: ['shared/reconcile/sheet/xlsx-io.ts', '**/*.test.ts', 'test/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        { group: ['xlsx', 'xlsx/*', '@e965/xlsx', '@e965/xlsx/*'], message: 'Only shared/reconcile/sheet/xlsx-io.ts imports xlsx; use shared/reconcile/sheet (readWorkbook, writeWorkbook).' },
      ] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/db/**', 'renderer/workers/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['dexie', 'dexie/*'], message: 'Only renderer/db imports dexie; use its repositories and hooks.' },
        { group: ['tesseract.js'], message: 'Only renderer/workers imports tesseract.js.' },
        { group: ['electron'], message: 'The renderer never imports electron; use renderer/platform.' },
      ] }],
    },
  },
  {
    files: ['renderer/db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['tesseract.js'], message: 'Only renderer/workers imports tesseract.js.' },
        { group: ['electron'], message: 'The renderer never imports electron; use renderer/platform.' },
      ] }],
    },
  },
  {
    files: ['renderer/workers/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['dexie', 'dexie/*'], message: 'Only renderer/db imports dexie; use its repositories and hooks.' },
        { group: ['electron'], message: 'The renderer never imports electron; use renderer/platform.' },
      ] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/platform/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'desktop', message: 'window.desktop is used only in renderer/platform.' }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc-handle.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.object.name='ipcMain'][callee.property.name=/^(handle|on|handleOnce|once)$/]",
        message: 'Register IPC handlers through handle() in electron/main/ipc-handle.ts (sender check + zod).',
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', 'scripts/**', 'build/**'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
