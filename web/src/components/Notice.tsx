// Errors, loading and empty states, so that no page is ever blank.
import type { ComponentChildren } from 'preact';

export function ErrorBox({ error, onRetry }: { error: Error | string; onRetry?: () => void }) {
  const message = typeof error === 'string' ? error : error.message;
  return (
    <div class="notice error" role="alert">
      <strong>Error:</strong> <span class="error-text">{message}</span>
      {onRetry && (
        <button type="button" class="link" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

export function Success({ children }: { children: ComponentChildren }) {
  return (
    <div class="notice ok" role="status">
      {children}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return <p class="loading" aria-busy="true">Loading {what}…</p>;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}
