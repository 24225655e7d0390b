// Proves the layer rules in eslint.config.mjs: each file below breaks (or keeps) one edge of the
// graph, is linted as if it lived at `as`, and must give exactly the expected verdict. If a rule
// is loosened or a layer is renamed, this fails, so the rules cannot rot unnoticed.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layers } from '../eslint.config.mjs';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function boundaryErrors(as, code) {
  const [result] = await eslint.lintText(code, { filePath: as });
  return result.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

/** [description, lint as, code]: every one must be refused. */
const forbidden = [
  ['shared imports main-process code', 'src-shared/domain/x.ts', "import { createRouter } from '../../src-main/api/router';"],
  ['shared imports renderer code', 'src-shared/x.ts', "import { App } from '../src-renderer/app/app';"],
  ['shared imports Node', 'src-shared/x.ts', "import { readFile } from 'node:fs/promises';"],
  ['shared imports Node without the node: prefix', 'src-shared/x.ts', "import { join } from 'path';"],
  ['shared imports React', 'src-shared/x.ts', "import { useState } from 'react';"],
  ['shared imports electron', 'src-shared/x.ts', "import { app } from 'electron';"],
  ['renderer imports main-process code', 'src-renderer/features/x.tsx', "import { ProjectStore } from '../../src-main/store/project-store';"],
  ['renderer imports Node', 'src-renderer/x.ts', "import { readFileSync } from 'node:fs';"],
  ['renderer imports electron', 'src-renderer/x.ts', "import { ipcRenderer } from 'electron';"],
  ['store imports a service', 'src-main/store/x.ts', "import { History } from '../services/history';"],
  ['store imports the router', 'src-main/store/x.ts', "import { createRouter } from '../api/router';"],
  ['store imports the router with import()', 'src-main/store/x.ts', "export const load = () => import('../api/router');"],
  ['store requires a service', 'src-main/store/x.ts', "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const h = require('../services/history');"],
  ['store re-exports a service', 'src-main/store/x.ts', "export { History } from '../services/history';"],
  ['store imports electron', 'src-main/store/x.ts', "import { app } from 'electron';"],
  ['store imports a package not on its list', 'src-main/store/x.ts', "import React from 'react';"],
  ['store speaks Git (only the services may)', 'src-main/store/x.ts', "import git from 'isomorphic-git';"],
  ['the router speaks Git (only the services may)', 'src-main/api/x.ts', "import http from 'isomorphic-git/http/node';"],
  ['a service imports the router', 'src-main/services/x.ts', "import { createRouter } from '../api/router';"],
  ['a service imports the composition root', 'src-main/services/x.ts', "import { openWorkbench } from '../app/workbench';"],
  ['a service imports electron', 'src-main/services/x.ts', "import { dialog } from 'electron';"],
  ['a service imports the web host', 'src-main/services/x.ts', "import { startWebHost } from '../host/web-host';"],
  ['a worker imports the store', 'src-main/workers/x.ts', "import { ProjectStore } from '../store/project-store';"],
  ['a service imports a benchmark', 'src-main/services/x.ts', "import { suite } from '../../bench/edit-suite/suite';"],
  ['the import layer imports a service', 'src-main/import/x.ts', "import { createHandlers } from '../services';"],
  ['the router imports the store', 'src-main/api/x.ts', "import { ProjectStore } from '../store/project-store';"],
  ['the web host imports a service', 'src-main/host/x.ts', "import { createHandlers } from '../services';"],
  ['the web host imports the store', 'src-main/host/x.ts', "import { ProjectStore } from '../store/project-store';"],
  ['the web host imports electron', 'src-main/host/x.ts', "import { app } from 'electron';"],
  ['the shell imports the store', 'src-main/electron/x.ts', "import { ProjectStore } from '../store/project-store';"],
  ['the shell imports a service', 'src-main/electron/x.ts', "import { createHandlers } from '../services';"],
  ['the shell imports renderer code', 'src-main/preload/x.ts', "import { App } from '../../src-renderer/app/app';"],
  ['the composition root imports the renderer', 'src-main/app/x.ts', "import { App } from '../../src-renderer/app/app';"],
  ['the composition root imports the shell', 'src-main/app/x.ts', "import { createWindow } from '../electron/main';"],
];

/** Edges the graph allows: none may be refused (so the rules are not simply "refuse everything"). */
const allowed = [
  ['renderer imports shared', 'src-renderer/x.ts', "import { contract } from '../src-shared/contract';"],
  ['store imports shared and lowdb', 'src-main/store/x.ts', "import { Low } from 'lowdb';\nimport { z } from 'zod';\nimport { join } from 'node:path';\nimport { contract } from '../../src-shared/contract';"],
  ['a service imports the store and the import layer', 'src-main/services/x.ts', "import { ProjectStore } from '../store/project-store';\nimport { extractFile } from '../import/extract';"],
  ['a service speaks Git over HTTP', 'src-main/services/x.ts', "import git from 'isomorphic-git';\nimport http from 'isomorphic-git/http/node';"],
  ['the router imports the services', 'src-main/api/x.ts', "import type { Handlers } from '../services/handlers';"],
  ['the web host imports the router and the composition root', 'src-main/host/x.ts', "import { createRouter } from '../api/router';\nimport { openWorkbench } from '../app/workbench';"],
  ['the shell imports electron, the router and the composition root', 'src-main/electron/x.ts', "import { app } from 'electron';\nimport { createRouter } from '../api/router';\nimport { openWorkbench } from '../app/workbench';"],
  ['a service test drives the router', 'src-main/services/x.test.ts', "import { createRouter } from '../api/router';\nimport { describe } from 'vitest';"],
  ['a shared test reads fixtures with Node', 'src-shared/x.test.ts', "import { readFileSync } from 'node:fs';\nimport { it } from 'vitest';"],
];

describe('the layer graph is enforced by lint', () => {
  it.each(forbidden)('refuses: %s', async (_name, as, code) => {
    expect(await boundaryErrors(as, code)).not.toEqual([]);
  });
  it.each(allowed)('allows: %s', async (_name, as, code) => {
    expect(await boundaryErrors(as, code)).toEqual([]);
  });
  it('covers every layer with at least one forbidden edge', () => {
    const folders = { shared: 'src-shared/', renderer: 'src-renderer/', store: 'src-main/store/', import: 'src-main/import/', workers: 'src-main/workers/', services: 'src-main/services/', api: 'src-main/api/', app: 'src-main/app/', host: 'src-main/host/', shell: 'src-main/electron/' };
    for (const layer of Object.keys(layers).filter((name) => name !== 'resources' && name !== 'bench')) {
      expect(forbidden.some(([, as]) => as.startsWith(folders[layer])), layer).toBe(true);
    }
  });
});
