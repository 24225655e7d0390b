/**
 * Where a remote's token is kept: never in the project folder. The desktop shell passes one backed
 * by Electron's safeStorage; the web host keeps tokens in memory for the session only.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Whether a token survives the app closing (false: the analyst types it again next session). */
  readonly persistent: boolean;
}

/** Tokens held in memory only, lost when the process ends (the web host). */
export class MemorySecretStore implements SecretStore {
  readonly persistent = false;
  private readonly values = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}
