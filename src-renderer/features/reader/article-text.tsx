import { memo, useMemo, type CSSProperties } from 'react';
import { segmentRange, type Span } from '../../../src-shared/anchoring/segments';
import type { Annotation } from '../../../src-shared/domain/annotation';
import { paragraphsOf, type Paragraph } from '../../../src-shared/text/canonical';

interface Props {
  text: string;
  annotations: readonly Annotation[];
  selectedId: string | null;
  /** Tag colours by tag id; a highlight or claim takes its first tag's colour. */
  tagColors: ReadonlyMap<string, string>;
  /**
   * Each paragraph runs the way its own first letters do (dir="auto": mixed text), rather than
   * the article's fixed direction. True when the article stores no direction ("Auto").
   */
  autoParagraphs: boolean;
}

/**
 * The article as paragraphs, with each annotated run wrapped in a <mark>. Paragraphs are
 * memoised on the annotations that touch them, so adding one highlight re-renders one paragraph.
 */
export function ArticleText({ text, annotations, selectedId, tagColors, autoParagraphs }: Props) {
  const paragraphs = useMemo(() => paragraphsOf(text), [text]);
  const byParagraph = useMemo(() => groupByParagraph(paragraphs, annotations, tagColors), [paragraphs, annotations, tagColors]);
  return (
    <>
      {paragraphs.map((paragraph, index) => {
        const spans = byParagraph[index]!;
        const selected = selectedId !== null && spans.some((s) => s.id === selectedId) ? selectedId : null;
        return <ParagraphView key={paragraph.start} text={text} paragraph={paragraph} spans={spans} spansKey={keyOf(spans)} selectedId={selected} auto={autoParagraphs} />;
      })}
    </>
  );
}

interface KindedSpan extends Span {
  kind: Annotation['kind'];
  color: string | null;
  /** Part of the agreed set (curation): drawn apart from analysts' own annotations. */
  curated: boolean;
}

function groupByParagraph(paragraphs: readonly Paragraph[], annotations: readonly Annotation[], tagColors: ReadonlyMap<string, string>): KindedSpan[][] {
  const groups: KindedSpan[][] = paragraphs.map(() => []);
  for (const annotation of annotations) {
    if (annotation.anchor === 'orphan') continue;
    const { start, end } = annotation.target;
    const color = annotation.kind === 'actor' ? null : (annotation.tags.map((t) => tagColors.get(t)).find(Boolean) ?? null);
    for (let i = firstEndingAfter(paragraphs, start); i < paragraphs.length; i++) {
      const p = paragraphs[i]!;
      if (p.start >= end) break;
      groups[i]!.push({ id: annotation.id, start, end, kind: annotation.kind, color, curated: annotation.curated === true });
    }
  }
  return groups;
}

/** Index of the first paragraph that ends after `offset` (binary search). */
function firstEndingAfter(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (paragraphs[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function keyOf(spans: readonly KindedSpan[]): string {
  return spans.map((s) => `${s.id}:${s.start}:${s.end}:${s.kind}:${s.color}:${s.curated}`).join('|');
}

interface ParagraphProps {
  text: string;
  paragraph: Paragraph;
  spans: readonly KindedSpan[];
  spansKey: string;
  selectedId: string | null;
  auto: boolean;
}

const ParagraphView = memo(
  function ParagraphView({ text, paragraph, spans, selectedId, auto }: ParagraphProps) {
    const byId = new Map(spans.map((s) => [s.id, s]));
    const segments = segmentRange(paragraph.start, paragraph.end, spans);
    return (
      <p dir={auto ? 'auto' : undefined} data-start={paragraph.start} data-end={paragraph.end} data-paragraph={paragraph.number}>
        {segments.map((segment) => {
          const content = text.slice(segment.start, segment.end);
          if (segment.ids.length === 0) return content;
          const covering = segment.ids.map((id) => byId.get(id)!);
          // Every kind present stays visible: a claim's tint under an actor's underline.
          const classes = ['hl', ...new Set(covering.map((s) => `hl-${s.kind}`)), `depth-${Math.min(segment.ids.length, 3)}`];
          if (selectedId && segment.ids.includes(selectedId)) classes.push('hl-selected');
          if (covering.some((s) => s.curated)) classes.push('hl-curated');
          const color = [...covering].reverse().find((s) => s.color)?.color;
          if (color) classes.push('hl-tagged');
          return (
            <mark key={segment.start} className={classes.join(' ')} data-ids={segment.ids.join(' ')} style={color ? ({ '--tag-color': color } as CSSProperties) : undefined}>
              {content}
            </mark>
          );
        })}
      </p>
    );
  },
  (a, b) => a.text === b.text && a.paragraph.start === b.paragraph.start && a.spansKey === b.spansKey && a.selectedId === b.selectedId && a.auto === b.auto,
);
