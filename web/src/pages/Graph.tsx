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

async function loadGraph(search: string, limit: number): Promise<GraphData> {
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
  const [drawn, setDrawn] = useState({ nodes: 0, edges: 0 });
  const modelNeedle = useDebounced(modelFilter, 300).toLowerCase();

  useEffect(() => {
    if (!data.data || !box.current) return;
    let destroyed = false;
    let cy: { destroy: () => void } | null = null;
    import('cytoscape').then(({ default: cytoscape }) => {
      if (destroyed || !box.current) return;
      const elements: ElementDefinition[] = [];
      const models = new Map<string, MatchedModel>();
      for (const d of data.data!.devices) {
        elements.push({ data: { id: d.iri, label: d.title ?? localName(d.iri), kind: 'device' } });
        for (const m of data.data!.fits.get(d.iri) ?? []) {
          if (modelNeedle && !m.name.toLowerCase().includes(modelNeedle)) continue;
          models.set(m.uuid, m);
          elements.push({ data: { id: `${d.iri}|${m.uuid}`, source: m.uuid, target: d.iri } });
        }
      }
      for (const m of models.values()) elements.push({ data: { id: m.uuid, label: m.name, kind: 'model' } });
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
          layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000 },
          wheelSensitivity: 0.3,
        });
        graph.on('tap', 'node', (e) => {
          const node = e.target;
          navigate(node.data('kind') === 'model' ? ['models', node.id()] : ['devices', node.id()]);
        });
        cy = graph;
        setDrawn({ nodes: graph.nodes().length, edges: graph.edges().length });
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
      <p class="count" data-testid="graph-count">{data.data && `${drawn.nodes} nodes, ${drawn.edges} fit edges`}</p>
      <div ref={box} class="graph-box" data-testid="graph" />
    </section>
  );
}
