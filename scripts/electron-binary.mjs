// Where the electron package keeps its binary, and whether it is there. Electron's binary comes
// from the package's own installer (node_modules/electron/install.js), which needs the internet.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './build-if-needed.mjs';

const packageDir = join(root, 'node_modules', 'electron');

export function electronBinary() {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const electronInstaller = join(packageDir, 'install.js');
