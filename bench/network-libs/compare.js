/* global window, document, performance, requestAnimationFrame */
// The same network drawn by Cytoscape.js (canvas) and by sigma.js (WebGL, on graphology), to
// choose the Network view's library by measurement (bench/network-libs.mjs drives it).
import cytoscape from 'cytoscape';
import Graph from 'graphology';
import Sigma from 'sigma';


/** 2,000 actors, edges from 20,000 claims (each naming one or two actors, one in ten linked), skewed like real coverage. */
function makeNetwork(actors, claims) {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = () => Math.min(actors - 1, Math.floor(actors * random() ** 2.5));
  const nodes = Array.from({ length: actors }, (_, i) => ({ id: `n${i}`, x: 30 * Math.sqrt(i) * Math.cos(i * 2.39996), y: 30 * Math.sqrt(i) * Math.sin(i * 2.39996), size: 4 + 12 / Math.sqrt(i + 1), kind: i % 5 }));
  const seen = new Set();
  const edges = [];
  for (let c = 0; c < claims; c++) {
    const speaker = pick();
    for (let k = 0; k < (random() < 0.5 ? 1 : 2) + (random() < 0.1 ? 1 : 0); k++) {
      const target = pick();
      const type = k === 2 ? 1 + Math.floor(random() * 3) : 0;
      const key = `${type}:${speaker}:${target}`;
      if (target === speaker || seen.has(key)) continue;
      seen.add(key);
      edges.push({ source: `n${speaker}`, target: `n${target}`, type });
    }
  }
  return { nodes, edges };
}

const COLORS = ['#2457c5', '#b3261e', '#1b7f3b', '#8a5a00', '#5f6b78'];
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Milliseconds from nothing to the first frame painted with the whole graph. */
async function draw(lib, net, variant) {
  const stage = document.getElementById('stage');
  const t0 = performance.now();
  if (lib === 'cytoscape') {
    const cy = cytoscape({
      container: stage,
      elements: [
        ...net.nodes.map((n) => ({ data: { id: n.id, size: n.size * 2, color: COLORS[n.kind] }, position: { x: n.x, y: n.y } })),
        ...net.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, color: e.type === 2 ? '#b3261e' : '#9aa5b1' } })),
      ],
      layout: { name: 'preset' },
      style: [
        { selector: 'node', style: { width: 'data(size)', height: 'data(size)', 'background-color': 'data(color)' } },
        { selector: 'edge', style: { width: 1, 'line-color': 'data(color)', 'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(color)', 'curve-style': 'haystack' } },
      ],
      // Cytoscape's own advice for large graphs ('tuned'): edges hidden and a texture moved while panning.
      hideEdgesOnViewport: variant === 'tuned',
      textureOnViewport: variant === 'tuned',
      pixelRatio: 1,
    });
    await frame();
    await frame();
    return { ms: performance.now() - t0, pan: (dx) => cy.panBy({ x: dx, y: 0 }), destroy: () => cy.destroy() };
  }
  const graph = new Graph({ multi: true, type: 'directed' });
  for (const n of net.nodes) graph.addNode(n.id, { x: n.x, y: -n.y, size: n.size, color: COLORS[n.kind], label: n.id });
  net.edges.forEach((e, i) => graph.addEdgeWithKey(`e${i}`, e.source, e.target, { color: e.type === 2 ? '#b3261e' : '#9aa5b1', size: 1, type: 'arrow' }));
  const sigma = new Sigma(graph, stage, { renderLabels: true, labelRenderedSizeThreshold: 12 });
  await frame();
  await frame();
  const camera = sigma.getCamera();
  return {
    ms: performance.now() - t0,
    pan: (dx) => {
      const s = camera.getState();
      camera.setState({ ...s, x: s.x + dx / 1200 });
    },
    destroy: () => sigma.kill(),
  };
}

async function run(lib, variant) {
  const net = makeNetwork(2000, 20000);
  const drawn = await draw(lib, net, variant);
  const times = [];
  let last = await frame();
  for (let i = 0; i < 120; i++) {
    drawn.pan(i % 60 < 30 ? 8 : -8);
    const now = await frame();
    times.push(now - last);
    last = now;
  }
  drawn.destroy();
  times.sort((a, b) => a - b);
  return { lib, variant, nodes: net.nodes.length, edges: net.edges.length, drawMs: Math.round(drawn.ms), panP50: +times[60].toFixed(1), panP95: +times[113].toFixed(1) };
}

window.runBench = run;
