import type { ActorKind } from '../../domain/actor';
import type { QuoteForm, RegistryActor } from '../suggestion';

/**
 * The gold set's file format (bench/suggest-gold/README.md): a header, `---`, then the article
 * with inline marks `[surface|kind|Canonical]` for actor mentions and `{q Speaker; form; medium}…{/q}`
 * for claims. Parsed here, in pure code, so the benchmark and the regression test read it alike.
 */

/** One actor mention an analyst marked. */
export interface GoldMention {
  start: number;
  end: number;
  kind: 'person' | 'organization' | 'state';
  /** The actor's full name. */
  canonical: string;
}

/** One claim an analyst marked. */
export interface GoldClaim {
  start: number;
  end: number;
  /** Canonical speaker name, or null when the text names nobody. */
  speaker: string | null;
  form: QuoteForm;
  medium: string | null;
}

/** A parsed gold article. */
export interface GoldArticle {
  name: string;
  title: string;
  text: string;
  registry: RegistryActor[];
  mentions: GoldMention[];
  claims: GoldClaim[];
}

const KINDS: Record<string, GoldMention['kind']> = { person: 'person', org: 'organization', organization: 'organization', state: 'state' };
const MARK = /\[([^|\]\n]+)\|([a-z]+)(?:\|([^\]\n]+))?\]|\{q ([^}\n]*)\}|\{\/q\}/g;

/** Parses one gold file; throws with the file's name on a malformed mark (the gold set is ours). */
export function parseGold(name: string, source: string): GoldArticle {
  const split = source.indexOf('\n---\n');
  if (split < 0) throw new Error(`${name}: no "---" line after the header`);
  const header = source.slice(0, split);
  const body = source.slice(split + 5).replace(/\s+$/, '');
  const title = /^title:\s*(.*)$/m.exec(header)?.[1] ?? name;
  const registry = parseRegistry(/^registry:\s*(.*)$/m.exec(header)?.[1] ?? '');
  let text = '';
  let last = 0;
  const mentions: GoldMention[] = [];
  const claims: GoldClaim[] = [];
  let open: { start: number; speaker: string | null; form: QuoteForm; medium: string | null } | null = null;
  MARK.lastIndex = 0;
  for (let m = MARK.exec(body); m !== null; m = MARK.exec(body)) {
    text += body.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      const kind = KINDS[m[2]!];
      if (kind === undefined) throw new Error(`${name}: unknown kind "${m[2]}" in ${m[0]}`);
      mentions.push({ start: text.length, end: text.length + m[1].length, kind, canonical: (m[3] ?? m[1]).trim() });
      text += m[1];
    } else if (m[4] !== undefined) {
      if (open !== null) throw new Error(`${name}: {q} inside {q}`);
      const [speaker = '-', form = '', medium] = m[4].split(';').map((s) => s.trim());
      if (form !== 'direct' && form !== 'indirect' && form !== 'mixed') throw new Error(`${name}: form "${form}" in ${m[0]}`);
      open = { start: text.length, speaker: speaker === '-' ? null : speaker, form, medium: medium ?? null };
    } else {
      if (open === null) throw new Error(`${name}: {/q} without {q}`);
      claims.push({ ...open, end: text.length });
      open = null;
    }
  }
  text += body.slice(last);
  if (open !== null) throw new Error(`${name}: {q} not closed`);
  return { name, title, text, registry, mentions, claims };
}

function parseRegistry(line: string): RegistryActor[] {
  return line
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, i) => {
      const [name = '', kind = 'person', aliases = ''] = entry.split('|').map((s) => s.trim());
      return { id: `gold-actor-${i + 1}`, name, kind: kind as ActorKind, aliases: aliases.split(',').map((a) => a.trim()).filter((a) => a !== '') };
    });
}
