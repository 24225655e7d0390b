// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node's built-in modules by exact name (a glob would also catch our own folders, e.g. "domain"). */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Layering, enforced here so that a wrong import fails `npm test` (see docs/architecture.md). */
const layer = (message, { names = [], regexes = [] }) => ({
  'no-restricted-imports': ['error', { paths: names.map((name) => ({ name, message })), patterns: regexes.map((regex) => ({ regex, message })) }],
});

export default tseslint.config(
  { ignores: ['shot*.mjs', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src-main/**/*.ts', 'scripts/**/*.mjs', 'e2e/**/*.ts', 'bench/**/*.{ts,mjs}', '*.config.{ts,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Browser benchmarks run part of their code inside the page (page.evaluate).
    files: ['bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...layer('The renderer talks to the main process only through ApiClient; it never imports electron, Node or main-process code.', {
        names: ['electron', ...nodeBuiltins],
        regexes: ['(^|/)src-main(/|$)', '^node:'],
      }),
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    ...{
      rules: layer('src-shared is pure: no electron, Node, DOM, React, or code from either process.', {
        names: ['electron', 'react', 'react-dom', ...nodeBuiltins],
        regexes: ['^node:', '(^|/)src-(main|renderer)(/|$)'],
      }),
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/preload/**'],
    rules: layer('Only the Electron shell (src-main/electron, src-main/preload) may import electron; services and the store are plain Node.', {
      names: ['electron'],
      regexes: ['(^|/)src-renderer(/|$)', '(^|/)electron/(main|ipc|menu|protocol)$'],
    }),
  },
  {
    files: ['src-main/electron/**/*.ts', 'src-main/preload/**/*.ts'],
    rules: layer('The Electron shell never imports renderer code.', { regexes: ['(^|/)src-renderer(/|$)'] }),
  },
);
