import { describe, expect, it, vi } from 'vitest';
import { takeToken } from './http-client';

function fakes(hash: string, stored: string | null = null) {
  const store = new Map<string, string>(stored ? [['workbench-token', stored]] : []);
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  const history = { replaceState: vi.fn() } as unknown as History;
  const location = { hash, pathname: '/', search: '' } as Location;
  return { storage, history, location, store };
}

describe('takeToken', () => {
  it('takes the token from the fragment, keeps it for the session and clears the address bar', () => {
    const { storage, history, location, store } = fakes('#token=abc_DEF-123');
    expect(takeToken(location, storage, history)).toBe('abc_DEF-123');
    expect(store.get('workbench-token')).toBe('abc_DEF-123');
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/');
  });

  it('falls back to the token kept for this tab after a reload', () => {
    const { storage, history, location } = fakes('', 'kept');
    expect(takeToken(location, storage, history)).toBe('kept');
    expect(history.replaceState).not.toHaveBeenCalled();
  });

  it('returns null when there is none', () => {
    const { storage, history, location } = fakes('#other=1');
    expect(takeToken(location, storage, history)).toBeNull();
  });
});
