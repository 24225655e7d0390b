import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { SecretStore } from '../app/workbench';

/** The part of Electron's `safeStorage` the secret store uses (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Remote tokens for the desktop app: encrypted with the operating system's key store through
 * Electron's safeStorage and kept in the app's own data folder, never in the project folder.
 * Where the system offers no encryption, tokens are kept in memory for the session only
 * (`persistent` is then false and the Share dialog says so) rather than written in the clear.
 */
export class SafeSecretStore implements SecretStore {
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly file: string,
  ) {}

  get persistent(): boolean {
    return this.safeStorage.isEncryptionAvailable();
  }

  private async readAll(): Promise<Record<string, string>> {
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  private async writeAll(values: Record<string, string>): Promise<void> {
    const temp = `${this.file}.${randomUUID()}.tmp`;
    await writeFile(temp, JSON.stringify(values), { mode: 0o600 });
    await rename(temp, this.file);
  }

  async get(key: string): Promise<string | null> {
    if (!this.persistent) return this.memory.get(key) ?? null;
    const stored = (await this.readAll())[key];
    if (typeof stored !== 'string') return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(stored, 'base64'));
    } catch {
      // Encrypted under another user or machine key: as good as absent; the analyst types it again.
      return null;
    }
  }

  async set(key: string, value: string): Promise<void> {
    if (!this.persistent) {
      this.memory.set(key, value);
      return;
    }
    const values = await this.readAll();
    values[key] = this.safeStorage.encryptString(value).toString('base64');
    await this.writeAll(values);
  }

  async delete(key: string): Promise<void> {
    this.memory.delete(key);
    if (!this.persistent) return;
    const values = await this.readAll();
    delete values[key];
    await this.writeAll(values);
  }
}
