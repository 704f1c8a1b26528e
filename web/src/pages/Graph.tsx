// Graph: devices, models and "fits" edges drawn with cytoscape (loaded only
// on this page). The edges come from the match API, one request per device
// shown, so the view is capped at a number of devices the user chooses.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ElementDefinition } from 'cytoscape';
import { api, type MatchedModel } from '../api';
import { deviceChoices, type DeviceRow } from '../catalog';
import { ErrorBox, Loading } from '../components/Notice';
import { localName } from '../format';
import { useDebounced, useLoad } from '../hooks';
import { navigate } from '../router';

interface GraphData {
  devices: DeviceRow[];
  fits: Map<string, MatchedModel[]>; // device IRI -> models that fit it
}

// Force-directed layout (cose) reads best but grows with the square of the
// nodes: on a fleet, 12 devices fit ~400 models and cose took seconds, and
// even 100 nodes cost ~300 ms. Larger graphs get a linear layout instead
// (ringPositions).
const FORCE_LAYOUT_MAX_NODES = 40;

type Point = { x: number; y: number };

// A device of a fleet fits hundreds of models; a graph of all of them is
// neither readable nor quick to draw. Each device shows its most accurate
// ones (the model filter reaches the others).
const MODELS_PER_DEVICE = 15;

function mostAccurate(models: MatchedModel[], n: number): MatchedModel[] {
  if (models.length <= n) return models;
  return [...models].sort((a, b) => (b.accuracy ?? -1) - (a.accuracy ?? -1)).slice(0, n);
}

// Devices evenly on an inner circle; each model outside, in the direction of
// the devices it fits (the mean of their angles), so the models of one
// device gather behind it. Models keep that order but are spread evenly
// over three staggered outer rings, so none overlap.
function ringPositions(devices: string[], fits: Map<string, string[]>): Map<string, Point> {
  const at = new Map<string, Point>();
  const inner = Math.max(120, devices.length * 14);
  const angle = new Map<string, number>();
  devices.forEach((d, i) => {
    const a = (2 * Math.PI * i) / devices.length;
    angle.set(d, a);
    at.set(d, { x: inner * Math.cos(a), y: inner * Math.sin(a) });
  });
  const models = [...fits.entries()].map(([model, ds]) => {
    let x = 0;
    let y = 0;
    for (const d of ds) {
      x += Math.cos(angle.get(d) ?? 0);
      y += Math.sin(angle.get(d) ?? 0);
    }
    return { model, direction: Math.atan2(y, x) };
  });
  models.sort((a, b) => a.direction - b.direction);
  const outer = Math.max(inner * 2, (models.length * 22) / (2 * Math.PI * 3));
  models.forEach(({ model }, j) => {
    const a = (2 * Math.PI * j) / models.length;
    const r = outer + (j % 3) * 28;
    at.set(model, { x: r * Math.cos(a), y: r * Math.sin(a) });
  });
  return at;
}

function layoutFor(elements: ElementDefinition[]) {
  const devices: string[] = [];
  const fits = new Map<string, string[]>(); // model id -> device ids
  for (const { data } of elements) {
    if (data.source && data.target) fits.set(data.source, [...(fits.get(data.source) ?? []), data.target]);
    else if (data.kind === 'device') devices.push(data.id!);
    else if (!fits.has(data.id!)) fits.set(data.id!, []);
  }
  if (devices.length + fits.size <= FORCE_LAYOUT_MAX_NODES) {
    return { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000 };
  }
  const positions = ringPositions(devices, fits);
  return { name: 'preset', positions: (node: { id: () => string }) => positions.get(node.id()) ?? { x: 0, y: 0 } };
}

// The cytoscape chunk, fetched and compiled once, starting together with
// the graph's data rather than after it.
const importCytoscape = () => import('cytoscape');
let cytoscapeChunk: ReturnType<typeof importCytoscape> | null = null;
const loadCytoscape = () => (cytoscapeChunk ??= importCytoscape());

async function loadGraph(search: string, limit: number): Promise<GraphData> {
  void loadCytoscape().catch(() => (cytoscapeChunk = null)); // failures are shown when drawing
  const devices = await deviceChoices(search, limit);
  const answers = await Promise.all(devices.map((d) => api.fittingModels(d.iri, false)));
  const fits = new Map<string, MatchedModel[]>();
  devices.forEach((d, i) => fits.set(d.iri, answers[i].items.filter((m) => m.fits === true)));
  return { devices, fits };
}

export function Graph() {
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(12);
  const [modelFilter, setModelFilter] = useState('');
  const settled = useDebounced(search, 300);
  const data = useLoad(() => loadGraph(settled, limit), [settled, limit]);
  const box = useRef<HTMLDivElement>(null);
  const [drawError, setDrawError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState({ nodes: 0, edges: 0, hidden: 0 });
  const [hovered, setHovered] = useState('');
  const modelNeedle = useDebounced(modelFilter, 300).toLowerCase();

  useEffect(() => {
    if (!data.data || !box.current) return;
    let destroyed = false;
    let cy: { destroy: () => void } | null = null;
    loadCytoscape().then(({ default: cytoscape }) => {
      if (destroyed || !box.current) return;
      const elements: ElementDefinition[] = [];
      const models = new Map<string, MatchedModel>();
      let hidden = 0;
      for (const d of data.data!.devices) {
        elements.push({ data: { id: d.iri, label: d.title ?? localName(d.iri), kind: 'device' } });
        const named = (data.data!.fits.get(d.iri) ?? []).filter((m) => !modelNeedle || m.name.toLowerCase().includes(modelNeedle));
        const shown = mostAccurate(named, MODELS_PER_DEVICE);
        hidden += named.length - shown.length;
        for (const m of shown) {
          models.set(m.uuid, m);
          elements.push({ data: { id: `${d.iri}|${m.uuid}`, source: m.uuid, target: d.iri } });
        }
      }
      // A dense graph names its models on hover only: measuring and drawing
      // hundreds of labels nobody can read at that zoom was half the page's
      // load time on the fleet.
      const dense = data.data!.devices.length + models.size > FORCE_LAYOUT_MAX_NODES;
      for (const m of models.values()) {
        elements.push({ data: { id: m.uuid, label: dense ? '' : m.name, name: m.name, kind: 'model' } });
      }
      try {
        const graph = cytoscape({
          container: box.current,
          elements,
          style: [
            { selector: 'node', style: { label: 'data(label)', 'font-size': 9, color: '#223', 'text-valign': 'bottom', 'text-margin-y': 3 } },
            { selector: 'node[kind = "device"]', style: { shape: 'round-rectangle', 'background-color': '#2f7d6d', width: 26, height: 18 } },
            { selector: 'node[kind = "model"]', style: { shape: 'ellipse', 'background-color': '#4a62c9', width: 16, height: 16 } },
            { selector: 'edge', style: { width: 1, 'line-color': '#b9c0cc', 'curve-style': 'haystack' } },
          ],
          layout: layoutFor(elements),
          wheelSensitivity: 0.3,
        });
        graph.on('mouseover', 'node', (e) => setHovered(e.target.data('name') ?? e.target.data('label')));
        graph.on('mouseout', 'node', () => setHovered(''));
        graph.on('tap', 'node', (e) => {
          const node = e.target;
          navigate(node.data('kind') === 'model' ? ['models', node.id()] : ['devices', node.id()]);
        });
        cy = graph;
        setDrawn({ nodes: graph.nodes().length, edges: graph.edges().length, hidden });
        setDrawError(null);
      } catch (e) {
        setDrawError((e as Error).message);
      }
    }, (e: Error) => setDrawError(`cannot load the graph view: ${e.message}`));
    return () => {
      destroyed = true;
      cy?.destroy();
    };
  }, [data.data, modelNeedle]);

  return (
    <section class="graph-page">
      <h1>Graph</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <input type="search" placeholder="Devices matching" aria-label="Filter devices" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        <input type="search" placeholder="Models matching" aria-label="Filter models" value={modelFilter} onInput={(e) => setModelFilter(e.currentTarget.value)} />
        <label>
          Devices shown{' '}
          <select value={String(limit)} onChange={(e) => setLimit(Number(e.currentTarget.value))}>
            {[6, 12, 25, 50].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      </form>
      <p class="legend">
        <span class="dot device" /> device <span class="dot model" /> model — a line: the model fits the device. Click a node to open it.
      </p>
      {data.error && <ErrorBox error={data.error} onRetry={data.reload} />}
      {drawError && <ErrorBox error={drawError} />}
      {data.loading && <Loading what="the graph" />}
      <p class="count" data-testid="graph-count">
        {data.data && `${drawn.nodes} nodes, ${drawn.edges} fit edges`}
        {data.data && drawn.hidden > 0 && ` (the ${MODELS_PER_DEVICE} most accurate models per device; ${drawn.hidden} more fit edges hidden, filter by model to see them)`}
        {hovered && ` — ${hovered}`}
      </p>
      <div ref={box} class="graph-box" data-testid="graph" />
    </section>
  );
}
