// Hash routes (#/models/ID): the server serves one index.html, and links
// survive reloads and bookmarks without server-side routing.
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  parts: string[]; // decoded path segments: #/devices/<iri> -> ['devices', '<iri>']
  params: URLSearchParams;
}

function current(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = hash.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

// `#/devices/<encoded iri>?x=1` from segments and parameters.
export function href(parts: string[], params?: Record<string, string>): string {
  const query = params ? new URLSearchParams(params).toString() : '';
  return `#/${parts.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
}

export function navigate(parts: string[], params?: Record<string, string>) {
  location.hash = href(parts, params);
}
