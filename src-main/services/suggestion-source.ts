import { createHash } from 'node:crypto';
import { AppError } from '../../src-shared/result';
import { pendingSuggestions } from '../../src-shared/suggest/pending';
import type { RegistryActor, Suggestion } from '../../src-shared/suggest/suggestion';
import type { ArticleFile } from '../store/file-schemas';
import type { ProjectStore } from '../store/project-store';
import type { Suggester } from './suggester';

/** What the engine said for one article, or why it said nothing. */
export interface Computed {
  suggestions: Suggestion[];
  problem: string | null;
}

interface Entry extends Computed {
  text: string;
  registry: string;
}

/**
 * The engine's answers per article, remembered while the text stays the same: the list is
 * filtered against the file (rejections, annotations) at every read, which is cheap, and the
 * engine runs again only when the text or (for `fresh` reads) the registry changed.
 */
export class SuggestionSource {
  private readonly known = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<Entry>>();

  constructor(
    private readonly store: ProjectStore,
    private readonly suggester: Suggester,
  ) {}

  /** The article's file, or `not-found`. */
  async file(articleId: string): Promise<Readonly<ArticleFile>> {
    const file = await this.store.readArticle(articleId);
    if (!file) throw new AppError('not-found', 'That article is no longer in the project. Reload the library.');
    return file;
  }

  /**
   * The engine's suggestions for the article's current text. `fresh` recomputes them when the
   * registry changed since (the open article's list); otherwise a remembered answer for the
   * same text is used with references to actors no longer in the registry dropped.
   */
  async computed(file: Readonly<ArticleFile>, fresh: boolean): Promise<Computed> {
    const id = file.article.id;
    const text = textKey(file.article.text);
    const registry = this.registry();
    const entry = this.known.get(id);
    if (entry && entry.text === text && (!fresh || entry.registry === registry.key)) return entry.registry === registry.key ? entry : sanitise(entry, registry.ids);
    const key = `${id}\n${text}\n${registry.key}`;
    let job = this.running.get(key);
    if (!job) {
      job = this.compute(file, text, registry).finally(() => this.running.delete(key));
      this.running.set(key, job);
    }
    return job;
  }

  /** Pending suggestions: computed, less rejections and what is already annotated. */
  async pending(file: Readonly<ArticleFile>, fresh: boolean): Promise<Computed> {
    const { suggestions, problem } = await this.computed(file, fresh);
    return { suggestions: pendingSuggestions(suggestions, file.annotations, new Set(file.rejectedSuggestions ?? [])), problem };
  }

  /** Articles whose suggestions are remembered, for the Review view. */
  knownArticles(): string[] {
    return [...this.known.keys()];
  }

  /** Forgets an article's answer (it was deleted, or its text changed). */
  forget(articleId: string): void {
    this.known.delete(articleId);
  }

  private async compute(file: Readonly<ArticleFile>, text: string, registry: Registry): Promise<Entry> {
    let computed: Computed;
    try {
      const suggestions = await this.suggester.run({ text: file.article.text, language: file.article.language || null, actors: registry.actors });
      computed = { suggestions, problem: null };
    } catch (error) {
      // A text the engine cannot handle is a result to show, not a failure of the request.
      if (!(error instanceof AppError)) throw error;
      computed = { suggestions: [], problem: error.message };
    }
    const entry: Entry = { ...computed, text, registry: registry.key };
    this.known.set(file.article.id, entry);
    return entry;
  }

  private registry(): Registry {
    const actors: RegistryActor[] = this.store.project.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind, aliases: a.aliases }));
    return { actors, ids: new Set(actors.map((a) => a.id)), key: digest(JSON.stringify(actors)) };
  }
}

interface Registry {
  actors: RegistryActor[];
  ids: ReadonlySet<string>;
  key: string;
}

/** A remembered answer made with an older registry: actors since deleted are proposed anew. */
function sanitise(entry: Entry, ids: ReadonlySet<string>): Computed {
  const known = (id: string | null) => (id && ids.has(id) ? id : null);
  const suggestions = entry.suggestions.map((s): Suggestion => {
    if (s.type === 'actor') return s.existingActorId && !ids.has(s.existingActorId) ? { ...s, existingActorId: null } : s;
    return s.speaker?.existingActorId && !ids.has(s.speaker.existingActorId) ? { ...s, speaker: { ...s.speaker, existingActorId: known(s.speaker.existingActorId) } } : s;
  });
  return { suggestions, problem: entry.problem };
}

/** The text's identity: its length and SHA-1 (native, a few ms for 5 MB). */
function textKey(text: string): string {
  return `${text.length}:${digest(text)}`;
}

function digest(value: string): string {
  return createHash('sha1').update(value).digest('hex');
}
