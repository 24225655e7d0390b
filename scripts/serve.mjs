// `npm run serve -- [--project DIR] [--port N]`: the workbench in a browser, on 127.0.0.1.
// Prints one line on stdout (the address with its token); never opens a browser by itself.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfNeeded, root } from './build-if-needed.mjs';

buildIfNeeded();
await import(pathToFileURL(join(root, 'out/main/host.js')).href);
