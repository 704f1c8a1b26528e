// Picks one device out of a possibly huge fleet: type to narrow the list
// (the query returns at most 50 names), then choose.
import { useState } from 'preact/hooks';
import { deviceChoices } from '../catalog';
import { localName } from '../format';
import { useDebounced, useLoad } from '../hooks';
import { ErrorBox } from './Notice';

interface Props {
  value: string;
  onChange: (iri: string) => void;
  label?: string;
}

export function DevicePicker({ value, onChange, label = 'Device' }: Props) {
  const [search, setSearch] = useState('');
  const settled = useDebounced(search, 250);
  const choices = useLoad(() => deviceChoices(settled), [settled]);
  const options = choices.data ?? [];
  const known = options.some((d) => d.iri === value);
  return (
    <div class="picker">
      <input
        type="search"
        placeholder="Filter devices"
        aria-label="Filter devices"
        value={search}
        onInput={(e) => setSearch(e.currentTarget.value)}
      />
      <label>
        {label}{' '}
        <select name="device" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">— choose a device —</option>
          {value && !known && <option value={value}>{localName(value)}</option>}
          {options.map((d) => (
            <option key={d.iri} value={d.iri}>
              {d.title ? `${d.title} (${localName(d.iri)})` : localName(d.iri)}
            </option>
          ))}
        </select>
      </label>
      {choices.error && <ErrorBox error={choices.error} onRetry={choices.reload} />}
    </div>
  );
}
