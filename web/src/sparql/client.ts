// SPARQL 1.1 Protocol client: POST application/sparql-query, JSON results.
import { ApiError } from '../api';

export interface Term {
  type: 'uri' | 'literal' | 'bnode';
  value: string;
  datatype?: string;
  'xml:lang'?: string;
}

export interface SelectResult {
  vars: string[];
  rows: Record<string, Term | undefined>[];
  boolean?: boolean;
  truncated: string | null;
}

// Where a parse error is, from the engine's "parse error at line L, column C: ...".
export function errorPosition(message: string): { line: number; column: number } | null {
  const m = /line (\d+), column (\d+)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}

export async function select(query: string, accept = 'application/sparql-results+json'): Promise<Response> {
  let res: Response;
  try {
    res = await fetch('/sparql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/sparql-query', Accept: accept },
      body: query,
    });
  } catch (e) {
    throw new ApiError(0, `cannot reach the tinykg server (${(e as Error).message})`);
  }
  if (!res.ok) {
    const text = await res.text();
    let detail = text;
    try {
      detail = (JSON.parse(text) as { detail?: string }).detail ?? text;
    } catch {
      /* not a problem document: show the raw text */
    }
    throw new ApiError(res.status, detail || `HTTP ${res.status}`);
  }
  return res;
}

export async function selectJson(query: string): Promise<SelectResult> {
  const res = await select(query);
  const body = (await res.json()) as {
    head: { vars?: string[] };
    results?: { bindings: Record<string, Term>[] };
    boolean?: boolean;
  };
  return {
    vars: body.head.vars ?? [],
    rows: body.results?.bindings ?? [],
    boolean: body.boolean,
    truncated: res.headers.get('Tinykg-Result-Truncated'),
  };
}

// A string as a SPARQL literal (for values typed by the user).
export function literal(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

export const PREFIXES = `PREFIX s3n: <http://w3id.org/s3n/>
PREFIX ssn: <http://www.w3.org/ns/ssn/>
PREFIX sys: <http://www.w3.org/ns/ssn/systems/>
PREFIX schema: <https://schema.org/>
PREFIX nnet: <http://tinyml-schema.org/networkschema#>
PREFIX s3x: <http://tinyml-schema.org/s3n_extend/>
PREFIX sox: <http://tinyml-schema.org/sosa_extend/>
PREFIX ssx: <http://tinyml-schema.org/ssn_extend/>
PREFIX td: <https://www.w3.org/2019/wot/td#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
`;
