// Number and IRI formatting shared by the tables.
export function localName(iri: string): string {
  const cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
  return cut >= 0 && cut < iri.length - 1 ? iri.slice(cut + 1) : iri;
}

export function kb(value: number | null | undefined): string {
  return value == null ? '—' : `${Number(value).toLocaleString('en', { maximumFractionDigits: 1 })} kB`;
}

export function count(value: number | null | undefined): string {
  return value == null ? '—' : Number(value).toLocaleString('en');
}

export function ms(value: number | null | undefined): string {
  return value == null ? 'unknown' : `${Number(value).toLocaleString('en', { maximumFractionDigits: 1 })} ms`;
}

export function percent(value: number | null | undefined): string {
  if (value == null) return '—';
  const v = Number(value);
  return `${(v <= 1 ? v * 100 : v).toFixed(1)} %`;
}

// A property of a node_json object: a scalar, or the first of several values.
export function prop(node: Record<string, unknown> | undefined, key: string): unknown {
  const v = node?.[key];
  return Array.isArray(v) ? v[0] : v;
}

export function text(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return String(o['@value'] ?? o['@id'] ?? o.value ?? JSON.stringify(o));
  }
  return String(value);
}

export function download(filename: string, body: string, type: string) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
