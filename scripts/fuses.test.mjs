import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { ASAR_ONLY_FUSES, flipFusesConfig, FUSES, fuseSettings } from './fuses.mjs';

describe('the fuse configuration', () => {
  it('turns off running as Node, NODE_OPTIONS and --inspect, and turns on cookie encryption and asar checks', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    expect(Object.isFrozen(FUSES)).toBe(true);
  });

  it('leaves the asar fuses out for a package without app.asar, and keeps every other one', () => {
    const without = fuseSettings({ asar: false });
    for (const name of ASAR_ONLY_FUSES) expect(without).not.toHaveProperty(name);
    expect(without).toMatchObject({ RunAsNode: false, EnableNodeOptionsEnvironmentVariable: false, EnableNodeCliInspectArguments: false, EnableCookieEncryption: true });
    expect(fuseSettings({ asar: true })).toEqual(FUSES);
  });

  it('maps names to the positions flipFuses expects', () => {
    // Against the installed package's own enum, so a renumbering there fails here.
    expect(flipFusesConfig(fuseSettings({ asar: true }), { FuseVersion, FuseV1Options })).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('refuses a fuse name the package does not know instead of skipping it', () => {
    expect(() => flipFusesConfig({ RunAsNodes: false }, { FuseVersion, FuseV1Options })).toThrow(/no fuse named RunAsNodes/);
  });
});
