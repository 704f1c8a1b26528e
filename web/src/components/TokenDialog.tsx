// Asks for the write token when a change needs one (token.ts decides when).
import { useEffect, useRef, useState } from 'preact/hooks';
import { setTokenAsker } from '../token';

interface Pending {
  reason: string;
  resolve: (token: string | null) => void;
}

export function TokenDialog() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setTokenAsker((reason) => new Promise((resolve) => setPending({ reason, resolve })));
  }, []);
  useEffect(() => {
    if (pending) input.current?.focus();
  }, [pending]);
  if (!pending) return null;
  const finish = (token: string | null) => {
    pending.resolve(token);
    setPending(null);
    setValue('');
  };
  return (
    <div class="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="token-title">
      <form
        class="modal"
        onSubmit={(e) => {
          e.preventDefault();
          finish(value);
        }}
      >
        <h2 id="token-title">Write token</h2>
        <p>{pending.reason}</p>
        <p class="hint">
          Create one with <code>tinykg --db DB token create --role write</code>. It is kept in this
          browser tab only.
        </p>
        <input
          ref={input}
          name="token"
          type="password"
          autocomplete="off"
          placeholder="tkg_…"
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <div class="actions">
          <button type="button" onClick={() => finish(null)}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={!value.trim()}>
            Use token
          </button>
        </div>
      </form>
    </div>
  );
}
