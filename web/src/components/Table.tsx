// A table whose columns sort on click (numbers numerically, text by locale);
// wide tables scroll inside their box instead of widening the page.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => string | number | null | undefined;
  render?: (row: T) => ComponentChildren;
  numeric?: boolean;
}

interface Props<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  initialSort?: { key: string; descending: boolean };
  rowClass?: (row: T) => string;
  testId?: string;
}

function compare(a: string | number | null | undefined, b: string | number | null | undefined): number {
  // Unknown values sort last whichever the direction.
  if (a == null || a === '') return b == null || b === '' ? 0 : 1;
  if (b == null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

export function SortableTable<T>({ columns, rows, rowKey, initialSort, rowClass, testId }: Props<T>) {
  const [sort, setSort] = useState(initialSort ?? { key: columns[0].key, descending: false });
  const column = columns.find((c) => c.key === sort.key) ?? columns[0];
  const sorted = [...rows].sort((x, y) => {
    const a = column.value(x), b = column.value(y);
    const unknown = a == null || a === '' || b == null || b === '';
    const order = compare(a, b);
    return sort.descending && !unknown ? -order : order;
  });
  const toggle = (key: string) =>
    setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  return (
    <div class="table-scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                class={c.numeric ? 'num' : ''}
                aria-sort={c.key === sort.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button type="button" class="sort" onClick={() => toggle(c.key)}>
                  {c.label}
                  {c.key === sort.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} class={rowClass?.(row)} data-key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} class={c.numeric ? 'num' : ''} data-col={c.key}>
                  {c.render ? c.render(row) : (c.value(row) ?? '—')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
