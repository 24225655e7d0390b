import { describe, expect, it } from 'vitest';
import { boundsOf, edgeAt, edgeEnds, parallelOffsets, fitTransform, MAX_SCALE, nodeAt, segmentDistance2, toLayout, zoomAbout } from './network-geometry';

const f64 = (...values: number[]) => Float64Array.from(values);
const i32 = (...values: number[]) => Int32Array.from(values);

describe('network geometry', () => {
  it('fits the nodes, radii included, centred in the box with its padding', () => {
    const box = boundsOf(f64(0, 100), f64(0, 50), f64(10, 10))!;
    expect(box).toEqual({ minX: -10, minY: -10, maxX: 110, maxY: 60 });
    const view = fitTransform(box, 400, 300, 20);
    // 120 × 70 into 360 × 260: width decides, scale 3.
    expect(view.scale).toBe(3);
    const left = -10 * view.scale + view.x;
    const right = 110 * view.scale + view.x;
    expect(left).toBeCloseTo(20);
    expect(right).toBeCloseTo(380);
    const top = -10 * view.scale + view.y;
    const bottom = 60 * view.scale + view.y;
    expect((top + bottom) / 2).toBeCloseTo(150);
    expect(boundsOf(f64(), f64(), f64())).toBeNull();
  });

  it('never zooms past its limits, even to fit a single node', () => {
    const view = fitTransform(boundsOf(f64(5), f64(5), f64(0.01))!, 800, 600);
    expect(view.scale).toBe(MAX_SCALE);
  });

  it('zooms about the pointer: the layout point under it stays under it', () => {
    const view = { scale: 1.5, x: 30, y: -20 };
    const before = toLayout(view, 200, 120);
    const zoomed = zoomAbout(view, 1.25, 200, 120);
    expect(zoomed.scale).toBeCloseTo(1.875);
    const after = toLayout(zoomed, 200, 120);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('finds the topmost node under the point, and none beside it', () => {
    const xs = f64(0, 8, 100);
    const ys = f64(0, 0, 100);
    const radii = f64(10, 10, 5);
    // Both discs hold (4, 0): the later one is drawn above.
    expect(nodeAt(xs, ys, radii, 4, 0)).toBe(1);
    expect(nodeAt(xs, ys, radii, -9, 0)).toBe(0);
    expect(nodeAt(xs, ys, radii, 100, 106)).toBe(-1);
    expect(nodeAt(xs, ys, radii, 100, 106, 2)).toBe(2);
  });

  it('measures the distance to a segment, its ends included', () => {
    expect(segmentDistance2(5, 3, 0, 0, 10, 0)).toBe(9);
    expect(segmentDistance2(-3, 4, 0, 0, 10, 0)).toBe(25);
    expect(segmentDistance2(13, 0, 0, 0, 10, 0)).toBe(9);
    expect(segmentDistance2(1, 1, 2, 2, 2, 2)).toBe(2);
  });

  it('picks the nearest link within the tolerance, not a loop, not one too far', () => {
    const xs = f64(0, 100, 0, 50);
    const ys = f64(0, 0, 10, 50);
    // 0: (0,0)–(100,0); 1: (0,10)–(100,0); 2: a loop on node 3.
    const sources = i32(0, 2, 3);
    const targets = i32(1, 1, 3);
    expect(edgeAt(xs, ys, sources, targets, 50, 1, 4)).toBe(0);
    expect(edgeAt(xs, ys, sources, targets, 50, 5, 4)).toBe(1);
    expect(edgeAt(xs, ys, sources, targets, 50, 50, 4)).toBe(-1);
    expect(edgeAt(xs, ys, sources, targets, 50, 20, 4)).toBe(-1);
  });

  it('sets links between the same two actors side by side, either way round, and hits each where drawn', () => {
    const xs = f64(0, 100, 0);
    const ys = f64(0, 0, 50);
    // 0 and 2 join nodes 0 and 1 (opposite ways), 1 joins 0 and 2 alone.
    const sources = i32(0, 0, 1);
    const targets = i32(1, 2, 0);
    const offsets = parallelOffsets(sources, targets, 6);
    expect([...offsets]).toEqual([-3, 0, 3]);
    const ends = new Float64Array(4);
    expect(edgeEnds(xs, ys, 0, 1, offsets[0]!, ends)).toBe(true);
    expect([...ends]).toEqual([0, -3, 100, -3]);
    // Drawn from 1 to 0, offset from the same side as seen from node 0: the other lane.
    edgeEnds(xs, ys, 1, 0, offsets[2]!, ends);
    expect([...ends]).toEqual([100, 3, 0, 3]);
    expect(edgeEnds(xs, ys, 1, 1, 0, ends)).toBe(false);
    expect(edgeAt(xs, ys, sources, targets, 50, -2.5, 2, offsets)).toBe(0);
    expect(edgeAt(xs, ys, sources, targets, 50, 2.5, 2, offsets)).toBe(2);
    // Without the offsets both lie on y = 0: the later wins a tie.
    expect(edgeAt(xs, ys, sources, targets, 50, 0, 2)).toBe(2);
  });
});
