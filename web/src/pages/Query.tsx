// Query: write SPARQL (or start from a case-study template), run it, read
// the results, download them as CSV or JSON; parse errors point at the line.
import { useState } from 'preact/hooks';
import { ErrorBox } from '../components/Notice';
import { download } from '../format';
import { errorPosition, select, type SelectResult, type Term } from '../sparql/client';
import { SparqlEditor } from '../sparql/Editor';
import { offsetOf } from '../sparql/highlight';

// The case studies' queries, bundled from data/queries/ at build time.
const files = import.meta.glob('../../../data/queries/*.rq', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
export const TEMPLATES = Object.entries(files)
  .map(([path, text]) => ({
    file: path.slice(path.lastIndexOf('/') + 1),
    title: (/^#\s*(.*)/.exec(text)?.[1] ?? path).replace(/^Case study (\d):/, 'Case $1:'),
    text,
  }))
  .sort((a, b) => a.file.localeCompare(b.file));

const SHOWN_ROWS = 1000;
const START = TEMPLATES[0]?.text ?? 'SELECT * WHERE { ?s ?p ?o } LIMIT 10';

function cell(term: Term | undefined): string {
  if (!term) return '';
  return term.type === 'uri' ? `<${term.value}>` : term.type === 'bnode' ? `_:${term.value}` : term.value;
}

export function Query() {
  const [text, setText] = useState(START);
  const [template, setTemplate] = useState(TEMPLATES[0]?.file ?? '');
  const [result, setResult] = useState<(SelectResult & { json: string; ms: number }) | null>(null);
  const [error, setError] = useState<{ message: string; line: number | null } | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    setError(null);
    const started = performance.now();
    try {
      const res = await select(text);
      const json = await res.text();
      const body = JSON.parse(json) as { head: { vars?: string[] }; results?: { bindings: SelectResult['rows'] }; boolean?: boolean };
      setResult({
        vars: body.head.vars ?? [],
        rows: body.results?.bindings ?? [],
        boolean: body.boolean,
        truncated: res.headers.get('Tinykg-Result-Truncated'),
        json,
        ms: performance.now() - started,
      });
    } catch (e) {
      const message = (e as Error).message;
      const at = errorPosition(message);
      setError({ message, line: at?.line ?? null });
      setResult(null);
      if (at) {
        const area = document.querySelector<HTMLTextAreaElement>('.editor-input');
        const offset = offsetOf(text, at.line, at.column);
        area?.focus();
        area?.setSelectionRange(offset, offset);
      }
    } finally {
      setRunning(false);
    }
  };

  const csv = async () => {
    try {
      const res = await select(text, 'text/csv');
      download('results.csv', await res.text(), 'text/csv');
    } catch (e) {
      setError({ message: (e as Error).message, line: null });
    }
  };

  return (
    <section>
      <h1>Query</h1>
      <div class="toolbar">
        <label>
          Template{' '}
          <select
            aria-label="Template"
            value={template}
            onChange={(e) => {
              const t = TEMPLATES.find((x) => x.file === e.currentTarget.value);
              setTemplate(e.currentTarget.value);
              if (t) {
                setText(t.text);
                setError(null);
              }
            }}
          >
            <option value="">— your own query —</option>
            {TEMPLATES.map((t) => (
              <option key={t.file} value={t.file}>{t.title}</option>
            ))}
          </select>
        </label>
        <div class="buttons">
          <button type="button" class="primary" onClick={run} disabled={running}>
            {running ? 'Running…' : 'Run (Ctrl+Enter)'}
          </button>
          <button type="button" disabled={!result} onClick={csv}>Download CSV</button>
          <button type="button" disabled={!result} onClick={() => result && download('results.json', result.json, 'application/sparql-results+json')}>
            Download JSON
          </button>
        </div>
      </div>
      <SparqlEditor
        value={text}
        onChange={(t) => {
          setText(t);
          if (template) setTemplate('');
        }} onRun={run} errorLine={error?.line ?? null} />
      {error && (
        <div data-testid="query-error">
          <ErrorBox error={error.line ? `Line ${error.line}: ${error.message}` : error.message} />
        </div>
      )}
      {result && result.boolean !== undefined && (
        <p class="count" data-testid="query-count">ASK: <strong>{String(result.boolean)}</strong></p>
      )}
      {result && result.boolean === undefined && (
        <>
          <p class="count" data-testid="query-count">
            {result.rows.length.toLocaleString('en')} rows in {result.ms.toFixed(0)} ms
            {result.truncated && ` (cut by the server: ${result.truncated})`}
            {result.rows.length > SHOWN_ROWS && `; the first ${SHOWN_ROWS} shown, downloads have all`}
          </p>
          <div class="table-scroll">
            <table data-testid="query-results">
              <thead>
                <tr>{result.vars.map((v) => <th key={v}>?{v}</th>)}</tr>
              </thead>
              <tbody>
                {result.rows.slice(0, SHOWN_ROWS).map((row, i) => (
                  <tr key={i}>{result.vars.map((v) => <td key={v}>{cell(row[v])}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
