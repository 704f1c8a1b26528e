// The paper's Figure 4: choose a device, and the models that fit it appear
// in a sortable table (the match query runs on the server); select models
// to delete them or to deploy one. Refused models can be shown with why.
import { useState } from 'preact/hooks';
import { api, type MatchedModel } from '../api';
import { DevicePicker } from '../components/DevicePicker';
import { Empty, ErrorBox, Loading, Success } from '../components/Notice';
import { SortableTable, type Column } from '../components/Table';
import { count, kb, localName, ms, percent } from '../format';
import { useLoad } from '../hooks';
import { href, navigate } from '../router';
import { DeployDialog } from './DeployDialog';

function columns(selected: Set<string>, toggle: (uuid: string) => void): Column<MatchedModel>[] {
  return [
    {
      key: 'select',
      label: '✓',
      value: (m) => (selected.has(m.uuid) ? 1 : 0),
      render: (m) => (
        <input
          type="checkbox"
          aria-label={`select ${m.name}`}
          checked={selected.has(m.uuid)}
          onChange={() => toggle(m.uuid)}
        />
      ),
    },
    { key: 'uuid', label: 'UUID', value: (m) => m.uuid, render: (m) => <code class="uuid">{m.uuid}</code> },
    { key: 'name', label: 'Name', value: (m) => m.name, render: (m) => <a href={href(['models', m.uuid])}>{m.name}</a> },
    { key: 'category', label: 'Category', value: (m) => (m.category ? localName(m.category) : null) },
    { key: 'accuracy', label: 'Accuracy', value: (m) => m.accuracy, render: (m) => percent(m.accuracy), numeric: true },
    { key: 'macs', label: 'MACs', value: (m) => m.macs, render: (m) => count(m.macs), numeric: true },
    { key: 'ram', label: 'RAM', value: (m) => m.ram_kb, render: (m) => kb(m.ram_kb), numeric: true },
    { key: 'flash', label: 'Flash', value: (m) => m.flash_kb, render: (m) => kb(m.flash_kb), numeric: true },
    { key: 'latency', label: 'Est. latency', value: (m) => m.latency_ms, render: (m) => ms(m.latency_ms), numeric: true },
  ];
}

const refusedColumns: Column<MatchedModel>[] = [
  { key: 'name', label: 'Name', value: (m) => m.name, render: (m) => <a href={href(['models', m.uuid])}>{m.name}</a> },
  { key: 'ram', label: 'RAM', value: (m) => m.ram_kb, render: (m) => kb(m.ram_kb), numeric: true },
  { key: 'flash', label: 'Flash', value: (m) => m.flash_kb, render: (m) => kb(m.flash_kb), numeric: true },
  {
    key: 'reasons',
    label: 'Why not',
    value: (m) => (m.fits === null ? 'unknown' : (m.reasons ?? []).join('; ')),
    render: (m) => (m.fits === null ? 'cannot tell: ' : '') + ((m.reasons ?? []).join('; ') || 'no reason given'),
  },
];

export function FitModels({ device }: { device: string }) {
  const [choice, setChoice] = useState(device);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [showRefused, setShowRefused] = useState(false);
  const [deploying, setDeploying] = useState<MatchedModel | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const match = useLoad(() => (device ? api.fittingModels(device) : Promise.resolve(null)), [device]);
  const items = match.data?.items ?? [];
  const fitting = items.filter((m) => m.fits === true);
  const refused = items.filter((m) => m.fits !== true);
  const chosen = fitting.filter((m) => selected.has(m.uuid));

  const toggle = (uuid: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(uuid)) next.delete(uuid);
      else next.add(uuid);
      return next;
    });

  const search = () => {
    setSelected(new Set());
    setMessage(null);
    if (choice === device) match.reload();
    else navigate(['fit'], choice ? { device: choice } : undefined);
  };

  const remove = async () => {
    const names = chosen.map((m) => m.name).join(', ');
    if (!confirm(`Delete ${chosen.length} model(s) from the knowledge graph: ${names}?`)) return;
    try {
      for (const m of chosen) await api.deleteModel(m.uuid);
      setMessage({ ok: true, text: `Deleted ${names}.` });
      setSelected(new Set());
      match.reload();
    } catch (e) {
      setMessage({ ok: false, text: `Delete failed: ${(e as Error).message}` });
      match.reload();
    }
  };

  return (
    <section>
      <h1>Fitting models for a device</h1>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <DevicePicker value={choice} onChange={setChoice} />
        <div class="buttons">
          <button type="submit" class="primary" disabled={!choice}>
            Search
          </button>
          <button type="button" class="danger" disabled={chosen.length === 0} onClick={remove}>
            Delete
          </button>
          <button
            type="button"
            disabled={chosen.length !== 1}
            title={chosen.length !== 1 ? 'Select exactly one model to deploy' : ''}
            onClick={() => setDeploying(chosen[0])}
          >
            Deploy
          </button>
        </div>
      </form>
      {message && (message.ok ? <Success>{message.text}</Success> : <ErrorBox error={message.text} />)}
      {!device && <Empty>Choose a device and press Search to list the models that fit it.</Empty>}
      {device && match.error && <ErrorBox error={match.error} onRetry={match.reload} />}
      {device && match.loading && <Loading what="the models that fit" />}
      {device && match.data && (
        <>
          <p class="count" data-testid="fit-count">
            {fitting.length} of {items.length} models fit <a href={href(['devices', device])}>{localName(device)}</a>
          </p>
          {fitting.length === 0 ? (
            <Empty>No model fits this device.</Empty>
          ) : (
            <SortableTable
              columns={columns(selected, toggle)}
              rows={fitting}
              rowKey={(m) => m.uuid}
              initialSort={{ key: 'accuracy', descending: true }}
              rowClass={(m) => (selected.has(m.uuid) ? 'selected' : '')}
              testId="fit-table"
            />
          )}
          {refused.length > 0 && (
            <label class="check">
              <input type="checkbox" checked={showRefused} onChange={() => setShowRefused(!showRefused)} />
              Show the {refused.length} models that do not fit, with the reason
            </label>
          )}
          {showRefused && (
            <SortableTable columns={refusedColumns} rows={refused} rowKey={(m) => m.uuid} testId="refused-table" />
          )}
        </>
      )}
      {deploying && <DeployDialog model={deploying} device={device} onClose={() => setDeploying(null)} />}
    </section>
  );
}
