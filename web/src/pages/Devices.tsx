// Devices: a searchable, filterable catalog (paged in the query, so it stays
// fast on a large fleet) and two ways to add a device.
import { useEffect, useState } from 'preact/hooks';
import { countDevices, devicePage, deviceRuntimes, sensorKinds, type DeviceFilter, type DeviceRow } from '../catalog';
import { Empty, ErrorBox, Loading } from '../components/Notice';
import { SortableTable, type Column } from '../components/Table';
import { kb, localName } from '../format';
import { useDebounced, useLoad } from '../hooks';
import { href } from '../router';
import { AddDevice } from './AddDevice';

const PAGE = 50;

const columns: Column<DeviceRow>[] = [
  {
    key: 'name',
    label: 'Device',
    value: (d) => d.title ?? localName(d.iri),
    render: (d) => <a href={href(['devices', d.iri])}>{d.title ?? localName(d.iri)}</a>,
  },
  { key: 'sensors', label: 'Sensors', value: (d) => d.sensors.sort().join(', ') },
  { key: 'ram', label: 'Free RAM', value: (d) => d.ram_kb, render: (d) => kb(d.ram_kb), numeric: true },
  { key: 'flash', label: 'Free Flash', value: (d) => d.flash_kb, render: (d) => kb(d.flash_kb), numeric: true },
  {
    key: 'fit',
    label: 'Models',
    value: () => null,
    render: (d) => <a href={href(['fit'], { device: d.iri })}>fitting models</a>,
  },
];

function numberOrNull(text: string): number | null {
  return text.trim() === '' || Number.isNaN(Number(text)) ? null : Number(text);
}

export function Devices() {
  const [search, setSearch] = useState('');
  const [sensors, setSensors] = useState<string[]>([]);
  const [minRam, setMinRam] = useState('');
  const [minFlash, setMinFlash] = useState('');
  const [runtime, setRuntime] = useState('');
  const [offset, setOffset] = useState(0);
  const filter: DeviceFilter = {
    search: useDebounced(search, 250),
    sensors,
    minRam: numberOrNull(useDebounced(minRam, 250)),
    minFlash: numberOrNull(useDebounced(minFlash, 250)),
    runtime: runtime || null,
  };
  const key = JSON.stringify(filter);
  useEffect(() => setOffset(0), [key]);
  const kinds = useLoad(sensorKinds, []);
  const runtimes = useLoad(deviceRuntimes, []);
  const total = useLoad(() => countDevices(filter), [key]);
  const page = useLoad(() => devicePage(filter, offset, PAGE), [key, offset]);
  const toggle = (kind: string) =>
    setSensors((s) => (s.includes(kind) ? s.filter((k) => k !== kind) : [...s, kind]));

  return (
    <section>
      <h1>Devices</h1>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <input
          type="search"
          placeholder="Search by name or IRI"
          aria-label="Search devices"
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
        <label>
          Free RAM ≥ <input type="number" min="0" inputMode="numeric" value={minRam} onInput={(e) => setMinRam(e.currentTarget.value)} /> kB
        </label>
        <label>
          Free Flash ≥ <input type="number" min="0" inputMode="numeric" value={minFlash} onInput={(e) => setMinFlash(e.currentTarget.value)} /> kB
        </label>
        <label>
          Runtime{' '}
          <select aria-label="Runtime" value={runtime} onChange={(e) => setRuntime(e.currentTarget.value)}>
            <option value="">any</option>
            {runtimes.data?.map((lib) => (
              <option key={lib} value={lib}>
                {lib}
              </option>
            ))}
          </select>
        </label>
        <div class="chips" aria-label="Sensor kinds">
          {kinds.error && <ErrorBox error={kinds.error} onRetry={kinds.reload} />}
          {runtimes.error && <ErrorBox error={runtimes.error} onRetry={runtimes.reload} />}
          {kinds.data?.map((kind) => (
            <button
              type="button"
              key={kind}
              class={`chip ${sensors.includes(kind) ? 'on' : ''}`}
              aria-pressed={sensors.includes(kind)}
              onClick={() => toggle(kind)}
            >
              {kind}
            </button>
          ))}
        </div>
      </form>
      <p class="count" data-testid="device-count">
        {total.data != null ? `${total.data.toLocaleString('en')} devices` : total.error ? '' : 'counting…'}
      </p>
      {total.error && <ErrorBox error={total.error} onRetry={total.reload} />}
      {page.error && <ErrorBox error={page.error} onRetry={page.reload} />}
      {page.loading && !page.data && <Loading what="devices" />}
      {page.data && page.data.length === 0 && <Empty>No device matches these filters.</Empty>}
      {page.data && page.data.length > 0 && (
        <SortableTable columns={columns} rows={page.data} rowKey={(d) => d.iri} testId="devices-table" />
      )}
      <nav class="pager" aria-label="Pages">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          ← Previous
        </button>
        <span>
          {total.data ? `${offset + 1}–${Math.min(offset + PAGE, total.data)} of ${total.data.toLocaleString('en')}` : ''}
        </span>
        <button
          type="button"
          disabled={total.data == null || offset + PAGE >= total.data}
          onClick={() => setOffset(offset + PAGE)}
        >
          Next →
        </button>
      </nav>
      <AddDevice onAdded={() => {
        total.reload();
        page.reload();
      }} />
    </section>
  );
}
