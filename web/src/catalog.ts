// The SPARQL behind the device catalog: one page of devices with the
// filters applied in the query (so a 10k-device fleet never reaches the
// browser whole), then titles and sensors for just that page.
import { literal, PREFIXES, selectJson, type SelectResult } from './sparql/client';

export const SENSOR_NS = 'http://tinyml-schema.org/sosa_extend/';

export interface DeviceFilter {
  search: string;
  sensors: string[]; // local names of sensor kinds, all required
  minRam: number | null;
  minFlash: number | null;
  runtime?: string | null; // the TFLite Micro kernel library of its MCU (e.g. cmsis-nn)
}

// The MCU's kernel library (data/reference/devices, the TD's mcu.kernelLibrary).
const KERNEL_LIBRARY = 'https://tinykg.dev/ns#kernelLibrary';

export interface DeviceRow {
  iri: string;
  title: string | null;
  ram_kb: number | null;
  flash_kb: number | null;
  sensors: string[];
}

// Free RAM and Flash of ?d, as the reference boards and the TD mapping describe them.
const MEMORY = `
  ?d ssn:hasSubSystem ?mcu .
  ?mcu a s3n:MicroController ; s3n:hasSystemCapability ?cap .
  ?cap sys:hasSystemProperty ?r, ?f .
  ?r a s3x:RAM ; schema:value ?ram .
  ?f a s3x:Flash ; schema:value ?flash .`;

// Every filter is a pattern of the page query; with none, the query is a
// single index scan, which keeps the first page of a large fleet cheap.
function where(filter: DeviceFilter): string {
  const lines = ['  ?d a s3n:SmartSensor .'];
  if (filter.minRam != null || filter.minFlash != null) lines.push(MEMORY);
  filter.sensors.forEach((kind, i) => {
    lines.push(`  ?d ssn:hasSubSystem ?s${i} . ?s${i} a <${SENSOR_NS}${kind.replace(/[^A-Za-z0-9_]/g, '')}> .`);
  });
  if (filter.runtime) lines.push(`  ?d ssn:hasSubSystem ?rt . ?rt <${KERNEL_LIBRARY}> ${literal(filter.runtime)} .`);
  if (filter.minRam != null) lines.push(`  FILTER (?ram >= ${Number(filter.minRam)})`);
  if (filter.minFlash != null) lines.push(`  FILTER (?flash >= ${Number(filter.minFlash)})`);
  const needle = filter.search.trim().toLowerCase();
  if (needle) {
    lines.push('  OPTIONAL { ?d td:title ?title }');
    lines.push(
      `  FILTER (CONTAINS(LCASE(STR(?d)), ${literal(needle)}) || CONTAINS(LCASE(STR(COALESCE(?title, ""))), ${literal(needle)}))`,
    );
  }
  return lines.join('\n');
}

function num(row: SelectResult['rows'][number], name: string): number | null {
  const v = row[name]?.value;
  return v == null ? null : Number(v);
}

export async function countDevices(filter: DeviceFilter): Promise<number> {
  const r = await selectJson(`${PREFIXES}SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {\n${where(filter)}\n}`);
  return r.rows.length ? (num(r.rows[0], 'n') ?? 0) : 0;
}

// One page of devices, in the store's order (stable for a given graph; an
// ORDER BY would sort the whole fleet for every page), with their details.
export async function devicePage(filter: DeviceFilter, offset: number, limit: number): Promise<DeviceRow[]> {
  const page = await selectJson(
    `${PREFIXES}SELECT DISTINCT ?d WHERE {\n${where(filter)}\n} LIMIT ${limit} OFFSET ${offset}`,
  );
  return withDetails(page.rows.map((r) => r.d!.value));
}

// Titles, sensor kinds and memory of the given devices, in one query.
async function withDetails(iris: string[]): Promise<DeviceRow[]> {
  const rows: DeviceRow[] = iris.map((iri) => ({ iri, title: null, ram_kb: null, flash_kb: null, sensors: [] }));
  if (!rows.length) return rows;
  const details = await selectJson(`${PREFIXES}SELECT ?d ?title ?kind ?ram ?flash WHERE {
  VALUES ?d { ${iris.map((iri) => `<${iri}>`).join(' ')} }
  { ?d td:title ?title }
  UNION { ?d ssn:hasSubSystem/rdf:type ?kind . FILTER (STRSTARTS(STR(?kind), "${SENSOR_NS}")) }
  UNION { ?d ssn:hasSubSystem/s3n:hasSystemCapability/sys:hasSystemProperty ?r . ?r a s3x:RAM ; schema:value ?ram }
  UNION { ?d ssn:hasSubSystem/s3n:hasSystemCapability/sys:hasSystemProperty ?f . ?f a s3x:Flash ; schema:value ?flash }
}`);
  const byIri = new Map(rows.map((r) => [r.iri, r]));
  for (const d of details.rows) {
    const row = byIri.get(d.d!.value);
    if (!row) continue;
    if (d.title) row.title = d.title.value;
    if (d.kind && !row.sensors.includes(d.kind.value)) row.sensors.push(d.kind.value);
    row.ram_kb = num(d, 'ram') ?? row.ram_kb;
    row.flash_kb = num(d, 'flash') ?? row.flash_kb;
  }
  for (const row of rows) row.sensors = row.sensors.map((k) => k.slice(SENSOR_NS.length)).sort();
  return rows;
}

let kinds: Promise<string[]> | null = null;

// The sensor kinds present in the graph (for the filter chips); asked once.
export function sensorKinds(): Promise<string[]> {
  kinds ??= selectJson(
    `SELECT DISTINCT ?kind WHERE { ?s a ?kind FILTER (STRSTARTS(STR(?kind), "${SENSOR_NS}")) }`,
  ).then(
    (r) => r.rows.map((row) => row.kind!.value.slice(SENSOR_NS.length)).filter(Boolean).sort(),
    (e) => {
      kinds = null;
      throw e;
    },
  );
  return kinds;
}

let runtimes: Promise<string[]> | null = null;

// The kernel libraries the devices' MCUs name (for the runtime filter); asked once.
export function deviceRuntimes(): Promise<string[]> {
  runtimes ??= selectJson(`SELECT DISTINCT ?lib WHERE { ?mcu <${KERNEL_LIBRARY}> ?lib }`).then(
    (r) => r.rows.map((row) => row.lib!.value).sort(),
    (e) => {
      runtimes = null;
      throw e;
    },
  );
  return runtimes;
}

// One page of devices' IRIs and titles (the device picker, the graph), in
// one query: the details' second round trip was a tenth of the graph page.
// A device with two titles shows its first.
export async function deviceChoices(search: string, limit = 50): Promise<DeviceRow[]> {
  const filter = { search, sensors: [], minRam: null, minFlash: null };
  // where() already joins the title when it searches in it.
  const title = filter.search.trim() ? '' : '\n  OPTIONAL { ?d td:title ?title }';
  const page = await selectJson(`${PREFIXES}SELECT DISTINCT ?d ?title WHERE {\n${where(filter)}${title}\n} LIMIT ${limit}`);
  const rows = new Map<string, DeviceRow>();
  for (const r of page.rows) {
    const iri = r.d!.value;
    if (!rows.has(iri)) rows.set(iri, { iri, title: r.title?.value ?? null, ram_kb: null, flash_kb: null, sensors: [] });
  }
  return [...rows.values()];
}

// One device's free RAM and Flash (kB); null when its description has none.
export async function deviceMemory(iri: string): Promise<{ ram_kb: number | null; flash_kb: number | null }> {
  const [row] = await withDetails([iri]);
  return { ram_kb: row.ram_kb, flash_kb: row.flash_kb };
}
