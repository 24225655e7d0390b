import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafeSecretStore, type SafeStorageLike } from './safe-secret-store';

/** A fake safeStorage: reversible, but the stored bytes never contain the plain text. */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
    decryptString: (encrypted) => Buffer.from([...encrypted].map((b) => b ^ 0x5a)).toString('utf8'),
  };
}

describe('SafeSecretStore', () => {
  it('keeps tokens encrypted in its own file, across instances, and forgets on delete', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'secrets-')), 'sync-secrets.json');
    const store = new SafeSecretStore(fakeSafeStorage(), file);
    expect(store.persistent).toBe(true);
    await store.set('ana@https://git.example.org/p.git', 'ghp_secret_token');
    expect(await readFile(file, 'utf8')).not.toContain('ghp_secret_token');
    const again = new SafeSecretStore(fakeSafeStorage(), file);
    expect(await again.get('ana@https://git.example.org/p.git')).toBe('ghp_secret_token');
    expect(await again.get('someone-else')).toBeNull();
    await again.delete('ana@https://git.example.org/p.git');
    expect(await store.get('ana@https://git.example.org/p.git')).toBeNull();
  });

  it('keeps tokens in memory only, writing nothing, when the system offers no encryption', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'secrets-')), 'sync-secrets.json');
    const store = new SafeSecretStore(fakeSafeStorage(false), file);
    expect(store.persistent).toBe(false);
    await store.set('k', 'token');
    expect(await store.get('k')).toBe('token');
    await expect(readFile(file, 'utf8')).rejects.toThrow();
  });
});
