// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The layer graph, as an allow-list (docs/architecture.md draws the same graph). Every local import,
 * `export … from`, `import()` and `require()` between two layers must be listed here; anything else
 * fails the lint. `scripts/layering.test.mjs` lints files that break each edge and expects the error.
 */
export const layers = {
  shared: { pattern: 'src-shared', may: [] },
  renderer: { pattern: 'src-renderer', may: ['shared'] },
  store: { pattern: 'src-main/store', may: ['shared'] },
  import: { pattern: 'src-main/import', may: ['shared'] },
  // Code that runs in a worker thread: pure work on data the service hands it.
  workers: { pattern: 'src-main/workers', may: ['shared'] },
  services: { pattern: 'src-main/services', may: ['store', 'import', 'workers', 'shared'] },
  api: { pattern: 'src-main/api', may: ['services', 'shared'] },
  // The composition root: opens a project and wires store, services and router for both shells.
  app: { pattern: 'src-main/app', may: ['api', 'services', 'store', 'shared', 'resources'] },
  host: { pattern: 'src-main/host', may: ['api', 'app', 'shared'] },
  shell: { pattern: 'src-main/{electron,preload}', may: ['api', 'app', 'import', 'shared'] },
  resources: { pattern: 'resources', may: [] },
  // Benchmarks and their fixtures (the edit suite): only tests may use them.
  bench: { pattern: 'bench', may: [] },
};

/** Packages each layer may use (Node's built-ins are `core`). A new dependency is added here on purpose. */
const packages = {
  // compromise: its English lexicon feeds the suggestion engine's name finder (src-shared/suggest, pure JS, no Node or DOM).
  // franc-min: trigram language detection (src-shared/text/detect-language.ts); pure ESM, its only
  // dependencies (trigram-utils, n-gram, collapse-white-space) touch neither Node nor the DOM.
  shared: ['zod', 'approx-string-match', 'mdast', 'mdast-util-*', 'compromise', 'compromise/two', 'franc-min'],
  renderer: ['react', 'react-dom', '@tanstack/*'],
  main: ['core', 'zod', 'lowdb', 'lowdb/*', 'minisearch', 'minisearch/SearchableMap', 'approx-string-match', '@mozilla/readability', 'linkedom', 'mammoth', 'pdfjs-dist', 'pdfjs-dist/*'],
  shell: ['core', 'zod', 'electron', '@electron/*'],
};
// The sync service speaks Git through isomorphic-git (pure JavaScript): no other layer may.
packages.services = [...packages.main, 'isomorphic-git', 'isomorphic-git/*'];
const layerOfPackages = { shared: 'shared', renderer: 'renderer', store: 'main', import: 'main', workers: 'main', services: 'services', api: 'main', app: 'main', host: 'main', shell: 'shell', resources: 'shared', bench: 'shared' };
/** Tests may also use the test tools, Node, and the main-process layers they drive (a service test goes through the router). */
const testPackages = ['vitest', 'vite', 'core', 'ajv', 'ajv-*', 'docx', 'pdf-lib', 'mermaid', 'linkedom'];
const mainLayers = ['store', 'import', 'workers', 'services', 'api', 'app', 'host'];

const boundaryPolicies = Object.entries(layers).flatMap(([type, { may }]) => {
  const external = packages[layerOfPackages[type]];
  return [
    {
      from: { element: { type } },
      allow: { to: { element: { types: { anyOf: [type, ...may] } } } },
      message: `${type} may import only ${[type, ...may].join(', ')} (the layer graph in docs/architecture.md).`,
    },
    ...external.filter((name) => name !== 'core').map((name) => ({ from: { element: { type } }, allow: { to: { module: { origin: 'external', source: name } } } })),
    ...(external.includes('core') ? [{ from: { element: { type } }, allow: { to: { module: { origin: 'core' } } } }] : []),
  ];
});
const testPolicies = [
  ...testPackages.map((name) =>
    name === 'core'
      ? { from: { file: { categories: 'test' } }, allow: { to: { module: { origin: 'core' } } } }
      : { from: { file: { categories: 'test' } }, allow: { to: { module: { origin: 'external', source: name } } } },
  ),
  ...mainLayers.map((type) => ({ from: { element: { type }, file: { categories: 'test' } }, allow: { to: { element: { types: { anyOf: [...mainLayers, 'shared', 'resources', 'bench'] } } } } })),
];

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
    },
  },
  {
    files: ['src-shared/**/*.{ts,tsx}', 'src-main/**/*.{ts,tsx}', 'src-renderer/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
      'boundaries/elements': Object.entries(layers).map(([type, { pattern }]) => ({ type, pattern })),
      'boundaries/files': [{ category: 'test', pattern: ['**/*.test.ts', '**/*.test.tsx', '**/test-*.ts'] }],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', checkAllOrigins: true, checkUnknownLocals: true, policies: [...boundaryPolicies, ...testPolicies] }],
    },
  },
);
