// One model: its card facts, RAM/Flash needs against a chosen device's free
// memory, the operators it uses, its layers, and the devices it fits.
import { useState } from 'preact/hooks';
import { api, type ModelDetail, type NodeJson } from '../api';
import { deviceMemory } from '../catalog';
import { DevicePicker } from '../components/DevicePicker';
import { MemoryBar } from '../components/MemoryBar';
import { Empty, ErrorBox, Loading } from '../components/Notice';
import { SortableTable, type Column } from '../components/Table';
import { count, kb, localName, ms, text } from '../format';
import { useLoad } from '../hooks';
import { href } from '../router';

const layerColumns: Column<NodeJson>[] = [
  { key: 'index', label: '#', value: (l) => Number(l.hasIndex), numeric: true },
  { key: 'op', label: 'Operator', value: (l) => text(l.hasOperatorCode) },
  { key: 'type', label: 'Type', value: (l) => localName(text(l.hasType)) },
  { key: 'in', label: 'Input shape', value: (l) => text(l.shapeIn) },
  { key: 'out', label: 'Output shape', value: (l) => text(l.shapeOut) },
  { key: 'macs', label: 'MACs', value: (l) => (l.hasMultiplyAccumulateOps == null ? null : Number(l.hasMultiplyAccumulateOps)), render: (l) => count(l.hasMultiplyAccumulateOps as number), numeric: true },
  { key: 'quant', label: 'Quantization', value: (l) => localName(text(l.hasQuantization)) },
];

function need(detail: ModelDetail, kind: 'RAM' | 'Flash'): number | null {
  const v = detail.estimates[kind]?.minValue;
  return v == null ? null : Number(v);
}

function bytesToKb(bytes: unknown): number | null {
  return bytes == null ? null : Number(bytes) / 1000;
}

function Fact({ label, value }: { label: string; value: unknown }) {
  const shown = text(value);
  if (!shown) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{/^https?:\/\//.test(shown) ? <a href={shown} rel="noreferrer">{shown}</a> : shown}</dd>
    </>
  );
}

function FittingDevices({ identifier }: { identifier: string }) {
  const fit = useLoad(() => api.fittingDevices(identifier), [identifier]);
  if (fit.error) return <ErrorBox error={`Cannot list the fitting devices: ${fit.error.message}`} onRetry={fit.reload} />;
  if (!fit.data) return <Loading what="fitting devices" />;
  const items = fit.data.items.filter((d) => d.fits !== false);
  if (!items.length) return <Empty>No stored device can run this model.</Empty>;
  const shown = items.slice(0, 100);
  return (
    <>
      <p class="count">{items.length.toLocaleString('en')} devices can run it{items.length > shown.length && ` (first ${shown.length} shown)`}.</p>
      <ul class="columns">
        {shown.map((d) => (
          <li key={d.iri}>
            <a href={href(['devices', d.iri])}>{d.name || localName(d.iri)}</a>
            {d.latency_ms != null && <span class="hint"> · {ms(d.latency_ms)}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ModelPage({ identifier }: { identifier: string }) {
  const model = useLoad(() => api.model(identifier), [identifier]);
  const [device, setDevice] = useState('');
  const memory = useLoad(() => (device ? deviceMemory(device) : Promise.resolve(null)), [device]);
  if (model.error) return <ErrorBox error={model.error} onRetry={model.reload} />;
  if (!model.data) return <Loading what="the model" />;
  const d = model.data;
  const p = d.properties;
  const operators = [...new Set(d.layers.map((l) => text(l.hasOperatorCode)).filter(Boolean))].sort();
  return (
    <section>
      <p class="crumbs">
        <a href={href(['models'])}>Models</a> /
      </p>
      <h1>{d.name ?? identifier}</h1>
      <p class="iri">{d.iri}</p>
      <div class="cards">
        <div class="card">
          <h3>Card</h3>
          <dl>
            <Fact label="UUID" value={d.identifier} />
            <Fact label="Description" value={p.description} />
            <Fact label="Category" value={p.hasCategory ? localName(text(p.hasCategory)) : null} />
            <Fact label="MACs" value={p.hasMultiplyAccumulateOps != null ? count(Number(p.hasMultiplyAccumulateOps)) : null} />
            <Fact label="Parameters" value={p.hasParameterCount != null ? count(Number(p.hasParameterCount)) : null} />
            <Fact label="Creator" value={p.creator} />
            <Fact label="Created" value={p.dateCreated} />
            <Fact label="Data set" value={p.trainingDataset} />
            <Fact label="Runtime" value={p.runtimePlatform} />
          </dl>
        </div>
        <div class="card">
          <h3>Memory</h3>
          <DevicePicker value={device} onChange={setDevice} label="Compare with" />
          {memory.error && <ErrorBox error={memory.error} />}
          <MemoryBar label="RAM" need={need(d, 'RAM')} have={memory.data?.ram_kb ?? null} />
          <MemoryBar label="Flash" need={need(d, 'Flash')} have={memory.data?.flash_kb ?? null} />
          {need(d, 'RAM') == null && <p>No RAM estimate stored.</p>}
          {d.estimates.RAM?.hasPlannedTensorBytes != null && (
            <p class="hint">
              Arena: {kb(bytesToKb(d.estimates.RAM.hasPlannedTensorBytes))} planned tensors,{' '}
              {kb(bytesToKb(d.estimates.RAM.hasPersistentBytes))} persistent,{' '}
              {kb(bytesToKb(d.estimates.RAM.hasScratchBytes))} scratch
            </p>
          )}
        </div>
      </div>
      <h2>Operators</h2>
      {operators.length ? (
        <p class="chips" data-testid="operators">
          {operators.map((op) => <span key={op} class="chip">{op}</span>)}
        </p>
      ) : (
        <Empty>No operators stored.</Empty>
      )}
      <h2>Layers ({d.layers.length})</h2>
      {d.layers.length ? (
        <SortableTable columns={layerColumns} rows={d.layers} rowKey={(l) => String(l.iri)} initialSort={{ key: 'index', descending: false }} testId="layers-table" />
      ) : (
        <Empty>No layers stored.</Empty>
      )}
      <h2>Devices that can run it</h2>
      <FittingDevices identifier={identifier} />
    </section>
  );
}
