// A SPARQL editor: a plain textarea (so typing, undo, paste and mobile
// keyboards behave natively) over a highlighted copy of its text. The
// error line, when there is one, is marked in the copy.
import type { JSX } from 'preact';
import { useRef } from 'preact/hooks';
import { tokenize } from './highlight';

interface Props {
  value: string;
  onChange: (text: string) => void;
  onRun: () => void;
  errorLine: number | null;
}

export function SparqlEditor({ value, onChange, onRun, errorLine }: Props) {
  const mirror = useRef<HTMLPreElement>(null);
  const lines: JSX.Element[][] = [[]];
  tokenize(value).forEach((t, i) => {
    const pieces = t.text.split('\n');
    pieces.forEach((piece, j) => {
      if (j > 0) lines.push([]);
      if (piece) lines[lines.length - 1].push(<span key={`${i}.${j}`} class={`tok-${t.kind}`}>{piece}</span>);
    });
  });
  return (
    <div class="editor">
      <pre ref={mirror} class="editor-mirror" aria-hidden="true">
        {lines.map((line, n) => (
          <div key={n} class={n + 1 === errorLine ? 'error-line' : ''}>
            {line.length ? line : ' '}
          </div>
        ))}
      </pre>
      <textarea
        class="editor-input"
        aria-label="SPARQL query"
        spellcheck={false}
        autocapitalize="off"
        autocomplete="off"
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
        onScroll={(e) => {
          if (mirror.current) {
            mirror.current.scrollTop = e.currentTarget.scrollTop;
            mirror.current.scrollLeft = e.currentTarget.scrollLeft;
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onRun();
          }
        }}
      />
    </div>
  );
}
