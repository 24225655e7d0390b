import { describe, expect, it } from 'vitest';
import { ASAR_ONLY_FUSES, flipFusesConfig, FUSES, fuseSettings } from './fuses.mjs';

// The enum as @electron/fuses 2.x defines it (a fuse's position in the binary's fuse wire).
const FuseV1Options = {
  RunAsNode: 0,
  EnableCookieEncryption: 1,
  EnableNodeOptionsEnvironmentVariable: 2,
  EnableNodeCliInspectArguments: 3,
  EnableEmbeddedAsarIntegrityValidation: 4,
  OnlyLoadAppFromAsar: 5,
  LoadBrowserProcessSpecificV8Snapshot: 6,
  GrantFileProtocolExtraPrivileges: 7,
};
const FuseVersion = { V1: '1' };

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
    expect(flipFusesConfig(fuseSettings({ asar: true }), { FuseVersion, FuseV1Options })).toEqual({
      version: '1',
      0: false,
      1: true,
      2: false,
      3: false,
      4: true,
      5: true,
      7: false,
    });
  });

  it('refuses a fuse name the package does not know instead of skipping it', () => {
    expect(() => flipFusesConfig({ RunAsNodes: false }, { FuseVersion, FuseV1Options })).toThrow(/no fuse named RunAsNodes/);
  });
});
