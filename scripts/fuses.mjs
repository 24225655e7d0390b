// The Electron fuses the packaged app ships with: switches compiled into Electron's binary that
// turn features off for good, checked by the OS's code signing once the app is signed. Written
// as plain data so a unit test can read it; scripts/set-fuses.mjs applies it with @electron/fuses.

/**
 * Fuse name (as in @electron/fuses' FuseV1Options) to the value the app needs.
 * - RunAsNode off: the app's binary cannot be used as a plain Node (ELECTRON_RUN_AS_NODE). The
 *   app never forks a Node child process (worker_threads are unaffected).
 * - EnableCookieEncryption on: cookies on disk are encrypted with the OS keychain.
 * - EnableNodeOptionsEnvironmentVariable off: NODE_OPTIONS cannot inject code or flags.
 * - EnableNodeCliInspectArguments off: --inspect cannot attach a debugger to the main process.
 * - EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar on: the app's code is read only
 *   from its signed app.asar, checked against the hash embedded at packaging (only with asar).
 * - GrantFileProtocolExtraPrivileges off: the app serves itself from app://, never file://.
 */
export const FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
});

/** Fuses that would stop an app from starting unless it is packaged as app.asar. */
export const ASAR_ONLY_FUSES = Object.freeze(['EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar']);

/** The fuses to flip for a build: all of them with an asar archive, the others without. */
export function fuseSettings({ asar }) {
  return Object.fromEntries(Object.entries(FUSES).filter(([name]) => asar || !ASAR_ONLY_FUSES.includes(name)));
}

/**
 * The configuration object flipFuses expects, keyed by @electron/fuses' own enum values. A name
 * the installed version does not know is an error, not a silently unset fuse.
 */
export function flipFusesConfig(settings, { FuseVersion, FuseV1Options }) {
  const config = { version: FuseVersion.V1 };
  for (const [name, value] of Object.entries(settings)) {
    const option = FuseV1Options[name];
    if (option === undefined) throw new Error(`@electron/fuses has no fuse named ${name}; update scripts/fuses.mjs or the package.`);
    config[option] = value;
  }
  return config;
}
