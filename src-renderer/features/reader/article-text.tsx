import { memo, useMemo } from 'react';
import { segmentRange, type Span } from '../../../src-shared/anchoring/segments';
import type { Annotation } from '../../../src-shared/domain/annotation';
import { paragraphsOf, type Paragraph } from '../../../src-shared/text/canonical';

interface Props {
  text: string;
  annotations: readonly Annotation[];
  selectedId: string | null;
}

/**
 * The article as paragraphs, with each annotated run wrapped in a <mark>. Paragraphs are
 * memoised on the annotations that touch them, so adding one highlight re-renders one paragraph.
 */
export function ArticleText({ text, annotations, selectedId }: Props) {
  const paragraphs = useMemo(() => paragraphsOf(text), [text]);
  const byParagraph = useMemo(() => groupByParagraph(paragraphs, annotations), [paragraphs, annotations]);
  return (
    <>
      {paragraphs.map((paragraph, index) => {
        const spans = byParagraph[index]!;
        const selected = selectedId !== null && spans.some((s) => s.id === selectedId) ? selectedId : null;
        return <ParagraphView key={paragraph.start} text={text} paragraph={paragraph} spans={spans} spansKey={keyOf(spans)} selectedId={selected} />;
      })}
    </>
  );
}

interface KindedSpan extends Span {
  kind: Annotation['kind'];
}

function groupByParagraph(paragraphs: readonly Paragraph[], annotations: readonly Annotation[]): KindedSpan[][] {
  const groups: KindedSpan[][] = paragraphs.map(() => []);
  for (const annotation of annotations) {
    const { start, end } = annotation.target;
    // Binary search would do; articles have hundreds of paragraphs, not millions.
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i]!;
      if (p.start >= end) break;
      if (p.end > start) groups[i]!.push({ id: annotation.id, start, end, kind: annotation.kind });
    }
  }
  return groups;
}

function keyOf(spans: readonly KindedSpan[]): string {
  return spans.map((s) => `${s.id}:${s.start}:${s.end}:${s.kind}`).join('|');
}

interface ParagraphProps {
  text: string;
  paragraph: Paragraph;
  spans: readonly KindedSpan[];
  spansKey: string;
  selectedId: string | null;
}

const ParagraphView = memo(
  function ParagraphView({ text, paragraph, spans, selectedId }: ParagraphProps) {
    const kinds = new Map(spans.map((s) => [s.id, s.kind]));
    const segments = segmentRange(paragraph.start, paragraph.end, spans);
    return (
      <p data-start={paragraph.start} data-end={paragraph.end} data-paragraph={paragraph.number}>
        {segments.map((segment) => {
          const content = text.slice(segment.start, segment.end);
          if (segment.ids.length === 0) return content;
          const innermost = segment.ids[segment.ids.length - 1]!;
          const classes = ['hl', `hl-${kinds.get(innermost)}`, `depth-${Math.min(segment.ids.length, 3)}`];
          if (selectedId && segment.ids.includes(selectedId)) classes.push('hl-selected');
          return (
            <mark key={segment.start} className={classes.join(' ')} data-ids={segment.ids.join(' ')}>
              {content}
            </mark>
          );
        })}
      </p>
    );
  },
  (a, b) => a.text === b.text && a.paragraph.start === b.paragraph.start && a.spansKey === b.spansKey && a.selectedId === b.selectedId,
);
