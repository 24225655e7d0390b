import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { gradeOf, VERIFICATION_LABELS } from '../../../src-shared/domain/claim';
import { useNavigation } from '../../app/navigation';
import { useWorkbench } from '../../app/workbench-context';
import '../network/network.css';
import { ticks, timelineModel, zoomWindow, type TimelineMark } from './timeline-layout';

type Entry = ChannelOutput<'claims:table'>[number];

const LANE = 40;
const AXIS = 26;
const GUTTER = 150;

/**
 * Claims by date of publication, one lane per speaker: marks coloured and shaped by
 * verification, labelled with their grade, links between claims drawn as arcs (contradictions
 * dashed red). Wheel or +/− zoom, drag or arrow keys pan, 0 resets; a mark opens its passage.
 */
export function ClaimsTimeline({ entries, label = 'Claims timeline' }: { entries: readonly Entry[]; label?: string }) {
  const nav = useNavigation();
  const { actorsById } = useWorkbench();
  const model = useMemo(() => timelineModel(entries, (id) => actorsById.get(id)?.name ?? 'Unknown speaker'), [entries, actorsById]);
  const [view, setView] = useState<[number, number]>(model.domain);
  const [width, setWidth] = useState(800);
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; view: [number, number] } | null>(null);
  const [dragging, setDragging] = useState(false);

  // A new set of claims (a filter, a new claim) starts from the whole range again.
  const domainKey = model.domain.join();
  useEffect(() => setView(model.domain), [domainKey]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth || 800));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const plot = Math.max(100, width - GUTTER - 16);
  const x = (t: number) => GUTTER + ((t - view[0]) / (view[1] - view[0])) * plot;
  // Marks of one lane and day sit side by side, far enough apart that their grades do not run together.
  const markX = (m: TimelineMark) => x(m.time) + m.stack * 17;
  const y = (lane: number) => AXIS + lane * LANE + LANE / 2;
  const height = AXIS + model.lanes.length * LANE + 8;

  const zoom = (factor: number, anchor = 0.5) => setView((v) => zoomWindow(v, factor, anchor));
  const pan = (fraction: number) => setView(([a, b]) => [a + (b - a) * fraction, b + (b - a) * fraction]);

  function onWheel(e: WheelEvent<SVGSVGElement>) {
    const rect = e.currentTarget.getBoundingClientRect();
    const anchor = Math.min(1, Math.max(0, (e.clientX - rect.left - GUTTER) / plot));
    zoom(e.deltaY > 0 ? 1.2 : 1 / 1.2, anchor);
  }
  function onPointerDown(e: PointerEvent<SVGSVGElement>) {
    if ((e.target as Element).closest('.mark')) return;
    drag.current = { x: e.clientX, view };
    e.currentTarget.setPointerCapture(e.pointerId);
    setDragging(true);
  }
  function onPointerMove(e: PointerEvent<SVGSVGElement>) {
    const start = drag.current;
    if (!start) return;
    const shift = ((start.x - e.clientX) / plot) * (start.view[1] - start.view[0]);
    setView([start.view[0] + shift, start.view[1] + shift]);
  }
  const endDrag = () => {
    drag.current = null;
    setDragging(false);
  };
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if ((e.target as Element).closest('button')) return;
    const actions: Record<string, () => void> = { '+': () => zoom(1 / 1.5), '=': () => zoom(1 / 1.5), '-': () => zoom(1.5), ArrowLeft: () => pan(-0.2), ArrowRight: () => pan(0.2), '0': () => setView(model.domain) };
    const action = actions[e.key];
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    e.stopPropagation();
    action();
  }

  const open = (m: TimelineMark) => nav.open({ articleId: m.entry.articleId, annotationId: m.entry.annotation.id });
  const speaker = (m: TimelineMark) => model.lanes[m.lane]?.label ?? '';

  if (model.marks.length === 0) {
    return <p className="muted">{model.undated ? `No dated claims to draw on a timeline (${model.undated} without a publication date).` : 'No claims to draw on a timeline.'}</p>;
  }

  return (
    <div className="claims-timeline" ref={box} role="group" aria-label={label} tabIndex={0} onKeyDown={onKeyDown} aria-keyshortcuts="+ - 0 ArrowLeft ArrowRight">
      <div className="timeline-bar">
        <h2>{label}</h2>
        <span>
          {model.marks.length} {model.marks.length === 1 ? 'claim' : 'claims'}
          {model.undated > 0 && ` · ${model.undated} undated, not drawn`}
        </span>
        <button type="button" aria-label="Zoom in on the timeline" onClick={() => zoom(1 / 1.5)}>
          +
        </button>
        <button type="button" aria-label="Zoom out of the timeline" onClick={() => zoom(1.5)}>
          −
        </button>
        <button type="button" aria-label="Earlier" onClick={() => pan(-0.3)}>
          ←
        </button>
        <button type="button" aria-label="Later" onClick={() => pan(0.3)}>
          →
        </button>
        <button type="button" onClick={() => setView(model.domain)}>
          Reset
        </button>
      </div>
      <svg
        className={`timeline-svg${dragging ? ' dragging' : ''}`}
        width={width}
        height={height}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <defs>
          <clipPath id="timeline-plot">
            <rect x={GUTTER - 8} y={0} width={plot + 24} height={height} />
          </clipPath>
        </defs>
        {ticks(view, Math.max(2, Math.floor(plot / 90)))
          .filter((t) => x(t.time) >= GUTTER - 8)
          .map((t) => (
            <g key={t.time}>
              <line className="axis-tick" x1={x(t.time)} x2={x(t.time)} y1={AXIS - 6} y2={AXIS + model.lanes.length * LANE} />
              {/* A label that would run past the right edge is left out rather than cut. */}
              {x(t.time) + 3 + t.label.length * 6.8 <= width && (
                <text className="axis-label" x={x(t.time) + 3} y={AXIS - 10}>
                  {t.label}
                </text>
              )}
            </g>
          ))}
        {model.lanes.map((lane, i) => (
          <g key={lane.id}>
            <line className="lane-line" x1={GUTTER - 8} x2={width} y1={y(i) + LANE / 2} y2={y(i) + LANE / 2} />
            <text className="lane-label" x={8} y={y(i) + 4}>
              {lane.label.length > 20 ? `${lane.label.slice(0, 19)}…` : lane.label}
              <title>{lane.label}</title>
            </text>
          </g>
        ))}
        <g clipPath="url(#timeline-plot)">
          {model.links.map(({ from, to, type }) => {
            const [x1, y1, x2, y2] = [markX(from), y(from.lane), markX(to), y(to.lane)];
            const lift = from.lane === to.lane ? 22 : 0;
            return <path key={`${from.key}>${to.key}`} className={type === 'contradicts' ? 'contradiction' : 'support'} d={`M${x1},${y1} C${x1},${y1 - lift - 10} ${x2},${y2 - lift - 10} ${x2},${y2}`} />;
          })}
          {model.marks.map((m) => {
            const c = m.entry.annotation.claim!;
            const cx = markX(m);
            const cy = y(m.lane);
            const grade = gradeOf(c);
            const name = `${m.entry.published}, ${speaker(m)}: “${m.entry.annotation.target.exact.slice(0, 80)}” (${VERIFICATION_LABELS[c.verification]}${grade === '–' ? '' : `, graded ${grade}`}). Open in article`;
            return (
              <g
                key={m.key}
                className="mark"
                role="button"
                tabIndex={0}
                aria-label={name}
                data-date={m.entry.published}
                onClick={() => open(m)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    e.stopPropagation();
                    open(m);
                  }
                }}
              >
                <title>{name}</title>
                {c.verification === 'false' ? (
                  <rect className="verification-false" x={cx - 6} y={cy - 6} width={12} height={12} transform={`rotate(45 ${cx} ${cy})`} />
                ) : c.verification === 'contested' ? (
                  <rect className="verification-contested" x={cx - 6} y={cy - 6} width={12} height={12} rx={2} />
                ) : (
                  <circle className={`verification-${c.verification}`} cx={cx} cy={cy} r={6.5} />
                )}
                <circle className="focus-ring" cx={cx} cy={cy} r={10} />
                {grade !== '–' && (
                  <text className="grade" x={cx} y={cy + 17} textAnchor="middle">
                    {grade}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <div className="timeline-legend" aria-hidden="true">
        <span>
          <svg width="14" height="14"><circle cx="7" cy="7" r="5" className="verification-corroborated" style={{ fill: 'var(--verification-corroborated)' }} /></svg> {VERIFICATION_LABELS.corroborated}
        </span>
        <span>
          <svg width="14" height="14"><rect x="2" y="2" width="10" height="10" rx="2" style={{ fill: 'var(--verification-contested)' }} /></svg> {VERIFICATION_LABELS.contested}
        </span>
        <span>
          <svg width="14" height="14"><rect x="3" y="3" width="8" height="8" transform="rotate(45 7 7)" style={{ fill: 'var(--verification-false)' }} /></svg> {VERIFICATION_LABELS.false}
        </span>
        <span>
          <svg width="14" height="14"><circle cx="7" cy="7" r="5" style={{ fill: 'none', stroke: 'var(--verification-unverified)', strokeWidth: 2 }} /></svg> {VERIFICATION_LABELS.unverified}
        </span>
        <span>
          <svg width="24" height="10"><path d="M1,5 L23,5" style={{ stroke: 'var(--net-contradicts)', strokeDasharray: '5 3', strokeWidth: 1.5 }} /></svg> contradicts
        </span>
        <span>B2 = grade (source reliability, information credibility) · wheel or +/− zoom, drag or ←/→ pan, 0 resets</span>
      </div>
    </div>
  );
}
