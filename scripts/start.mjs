// `npm start`: build if needed, then open the desktop app. Without Electron's binary, fetch it
// with the electron package's own installer; if that fails too (no internet), say so in one
// line and run the same workbench in the system browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildIfNeeded, root } from './build-if-needed.mjs';
import { electronBinary, electronInstaller } from './electron-binary.mjs';

buildIfNeeded();
const args = process.argv.slice(2);

let binary = electronBinary();
if (!binary) {
  process.stderr.write("Electron's binary is not installed; fetching it with the electron package's installer…\n");
  const install = spawnSync(process.execPath, [electronInstaller], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 90_000 });
  binary = install.status === 0 ? electronBinary() : null;
}

if (binary) {
  const child = spawn(binary, [join(root, 'out/main/index.js'), ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    "Electron's binary is missing and could not be downloaded (no internet?), so the workbench opens in your browser instead; to get the desktop app, run `node node_modules/electron/install.js` once you are online.",
  );
  const host = spawn(process.execPath, [join(root, 'out/main/host.js'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
  host.on('exit', (code) => process.exit(code ?? 0));
  createInterface({ input: host.stdout }).on('line', (line) => {
    console.log(line);
    const url = /https?:\/\/\S+/.exec(line)?.[0];
    if (url && process.env.BROWSER !== 'none') openBrowser(url);
  });
}

function openBrowser(url) {
  const command = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const opener = spawn(command[0], command[1], { stdio: 'ignore', detached: true });
  opener.on('error', () => console.error(`Open ${url} in your browser.`));
  opener.unref();
}
