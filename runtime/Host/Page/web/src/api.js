// The brain's API as the page calls it. Every URL is relative ("./api/…", never "/api/…"): behind Home Assistant
// ingress the page lives under /api/hassio_ingress/<token>/ and the brain sees un-prefixed paths
// (homeassistant/components/hassio/ingress.py in home-assistant/core), so only relative URLs reach it from both the ingress prefix and the plain port.

const TOKEN_KEY = 'poh-api-token';

/** An API call that failed: the HTTP status (0 when the brain was not reached) and the brain's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The API token kept in this browser (standalone mode with tokens configured), or null. */
export function storedToken() {
  try { return localStorage.getItem(TOKEN_KEY); } catch { return null; }
}

/** Keeps (or, with an empty value, forgets) the API token. */
export function storeToken(token) {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token); else localStorage.removeItem(TOKEN_KEY);
  } catch { /* private mode: the token lasts this page only */ }
}

/** Calls the API at the relative `path` (e.g. "api/status") and returns its JSON (null for 204). */
export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  const token = storedToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(`./${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, `the brain did not answer (${e.message})`);
  }
  if (response.status === 204) return null;
  let data = null;
  try { data = await response.json(); } catch { /* not JSON: the status says enough */ }
  if (!response.ok) throw new ApiError(response.status, (data && data.error) || `${response.status} ${response.statusText}`);
  return data;
}

/** The query string for `params`, skipping undefined values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) search.set(k, v);
  return search.toString();
}
