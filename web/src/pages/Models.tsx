// Models: the catalog (filtered by name and memory on the server) and the
// upload of a .tflite by drag and drop with an optional model card.
import { useState } from 'preact/hooks';
import { api, type ModelSummary } from '../api';
import { Empty, ErrorBox, Loading } from '../components/Notice';
import { SortableTable, type Column } from '../components/Table';
import { count, kb } from '../format';
import { useDebounced, useLoad } from '../hooks';
import { href } from '../router';
import { UploadModel } from './UploadModel';

const PAGE = 100;

const columns: Column<ModelSummary>[] = [
  { key: 'name', label: 'Name', value: (m) => m.name, render: (m) => <a href={href(['models', m.identifier])}>{m.name}</a> },
  { key: 'uuid', label: 'UUID', value: (m) => m.identifier, render: (m) => <code class="uuid">{m.identifier}</code> },
  { key: 'macs', label: 'MACs', value: (m) => m.macs, render: (m) => count(m.macs), numeric: true },
  { key: 'ram', label: 'RAM', value: (m) => m.ram_kb, render: (m) => kb(m.ram_kb), numeric: true },
  { key: 'flash', label: 'Flash', value: (m) => m.flash_kb, render: (m) => kb(m.flash_kb), numeric: true },
];

export function Models() {
  const [name, setName] = useState('');
  const [maxRam, setMaxRam] = useState('');
  const [maxFlash, setMaxFlash] = useState('');
  const [offset, setOffset] = useState(0);
  const query = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  const settled = { name: useDebounced(name, 250), ram: useDebounced(maxRam, 250), flash: useDebounced(maxFlash, 250) };
  if (settled.name) query.set('name', settled.name);
  if (settled.ram) query.set('max_ram_kb', settled.ram);
  if (settled.flash) query.set('max_flash_kb', settled.flash);
  const list = useLoad(() => api.models(`?${query}`), [query.toString()]);
  const total = list.data?.total ?? 0;
  return (
    <section>
      <h1>Models</h1>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <input
          type="search"
          placeholder="Name contains"
          aria-label="Search models"
          value={name}
          onInput={(e) => {
            setName(e.currentTarget.value);
            setOffset(0);
          }}
        />
        <label>
          RAM ≤ <input type="number" min="0" value={maxRam} onInput={(e) => { setMaxRam(e.currentTarget.value); setOffset(0); }} /> kB
        </label>
        <label>
          Flash ≤ <input type="number" min="0" value={maxFlash} onInput={(e) => { setMaxFlash(e.currentTarget.value); setOffset(0); }} /> kB
        </label>
      </form>
      {list.data && <p class="count" data-testid="model-count">{total.toLocaleString('en')} models</p>}
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading what="models" />}
      {list.data && list.data.items.length === 0 && <Empty>No model matches.</Empty>}
      {list.data && list.data.items.length > 0 && (
        <SortableTable columns={columns} rows={list.data.items} rowKey={(m) => m.identifier} testId="models-table" />
      )}
      {total > PAGE && (
        <nav class="pager" aria-label="Pages">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>← Previous</button>
          <span>{offset + 1}–{Math.min(offset + PAGE, total)} of {total.toLocaleString('en')}</span>
          <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>Next →</button>
        </nav>
      )}
      <UploadModel onUploaded={list.reload} />
    </section>
  );
}
