// Flips the app's Electron fuses (scripts/fuses.mjs) in a packaged app's Electron binary.
//
//   node scripts/set-fuses.mjs <path to the packaged app or its Electron binary> [--no-asar]
//
// Run it on the packaged copy, after packaging and before code signing (electron-builder:
// an afterPack hook can call setFuses; Electron Forge: its fuses plugin with the same FUSES).
// Never on node_modules/electron: that binary is shared by `npm start`, `npm run dev` and the
// tests, which load the app from out/ and not from an asar archive. --no-asar leaves out the
// fuses that require app.asar, for a package built without one.
import { fileURLToPath } from 'node:url';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { flipFusesConfig, fuseSettings } from './fuses.mjs';

/** Applies the fuses to one binary; `asar` says whether the package has an app.asar. */
export async function setFuses(binaryPath, { asar = true } = {}) {
  const settings = fuseSettings({ asar });
  // macOS arm64 refuses to start a binary whose ad-hoc signature no longer matches.
  await flipFuses(binaryPath, { ...flipFusesConfig(settings, { FuseVersion, FuseV1Options }), resetAdHocDarwinSignature: process.platform === 'darwin' && process.arch === 'arm64' });
  return settings;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const target = args.find((arg) => !arg.startsWith('--'));
  if (!target) {
    console.error('Usage: node scripts/set-fuses.mjs <packaged app or Electron binary> [--no-asar]');
    process.exit(2);
  }
  setFuses(target, { asar: !args.includes('--no-asar') }).then(
    (settings) => console.log(`Fuses set in ${target}: ${Object.entries(settings).map(([name, on]) => `${name}=${on ? 'on' : 'off'}`).join(', ')}`),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
