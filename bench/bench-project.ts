import { createRouter, type Router } from '../src-main/api/router';
import { createHandlers } from '../src-main/services';
import { ProjectStore } from '../src-main/store/project-store';

/** A project opened the way the app opens one, with a `call` that throws on a refused request. */
export async function openBenchProject(dir: string): Promise<{ store: ProjectStore; router: Router; call: <T>(channel: string, input: unknown) => Promise<T> }> {
  const store = await ProjectStore.open(dir);
  const router = createRouter(createHandlers(store));
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await router.handle(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  return { store, router, call };
}
