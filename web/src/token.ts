// The write token (`tinykg token create --role write`) lives in
// sessionStorage: it survives reloads but not the browser tab. Writes ask
// for it when the session has none, and again when the server refuses it.
const KEY = 'tinykg.token';

type Asker = (reason: string) => Promise<string | null>;
let asker: Asker = async () => null;

// The TokenDialog component registers how to ask the user.
export function setTokenAsker(ask: Asker) {
  asker = ask;
}

export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}

async function askForToken(reason: string): Promise<string | null> {
  const token = (await asker(reason))?.trim();
  if (!token) return null;
  sessionStorage.setItem(KEY, token);
  return token;
}

function withBearer(init: RequestInit, token: string): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` } };
}

export async function authorizedFetch(path: string, init: RequestInit): Promise<Response> {
  const token = storedToken() ?? (await askForToken('This change needs a write token.'));
  if (!token) throw new Error('no token given: nothing was changed');
  const res = await fetch(path, withBearer(init, token));
  if (res.status !== 401 && res.status !== 403) return res;
  // A revoked or read-only token: ask once more rather than fail silently.
  forgetToken();
  const again = await askForToken(
    res.status === 401 ? 'The server does not know that token.' : 'That token may only read.',
  );
  return again ? fetch(path, withBearer(init, again)) : res;
}
