/**
 * DossierApi over HTTP, for `parley serve`: POST /api/<method> with the arguments as a JSON array and the
 * token in the X-Parley-Token header; the server answers {ok:true,value} or {ok:false,error:{code,message}}.
 * Also Import Draft's reading of a picked file (WebImport): POST /api/import-file with the file's bytes.
 *
 * The token arrives once in the page address (?token=…). It is kept in sessionStorage (so a reload still works)
 * and removed from the address bar so that it does not linger in history or get copied along with the URL.
 */
import { ApiError, type DossierApi } from '../src/api.js';
import type { WebImport } from './imported-file.js';

const STORAGE_KEY = 'parley.token';

/** Take the token from the address (and hide it), or from this tab's session. */
export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

export function createHttpApi(token: string | null, base = ''): DossierApi & WebImport {
  const call = <T>(method: keyof DossierApi, args: unknown[]): Promise<T> => post<T>(`/api/${method}`, 'application/json', JSON.stringify(args));
  async function post<T>(path: string, contentType: string, payload: BodyInit): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': contentType, 'X-Parley-Token': token ?? '' },
        body: payload,
      });
    } catch {
      throw new ApiError('offline', 'Parley cannot reach its local server. Is `parley serve` still running?');
    }
    let body: { ok: boolean; value?: T; error?: { code: string; message: string } };
    try {
      body = await response.json();
    } catch {
      throw new ApiError('bad-response', `The local server answered ${response.status} ${response.statusText} without a readable reply.`);
    }
    if (!body.ok) {
      const error = body.error ?? { code: 'unknown', message: `The local server answered ${response.status}.` };
      throw new ApiError(error.code, error.message);
    }
    return body.value as T;
  }
  return {
    summary: () => call('summary', []),
    readDraft: (ref) => call('readDraft', [ref]),
    saveWorking: (draft) => call('saveWorking', [draft]),
    autosaveWorking: (draft) => call('autosaveWorking', [draft]),
    tableVersion: (request) => call('tableVersion', [request]),
    compare: (oldRef, newRef) => call('compare', [oldRef, newRef]),
    wordRedline: (oldRef, newRef, options) => call('wordRedline', options ? [oldRef, newRef, options] : [oldRef, newRef]),
    inheritIds: (draft) => call('inheritIds', [draft]),
    clauseHistory: (clauseId) => call('clauseHistory', [clauseId]),
    threeWay: (base, first, second) => call('threeWay', [base, first, second]),
    importFile: (name, bytes) => post(`/api/import-file?name=${encodeURIComponent(name)}`, 'application/octet-stream', bytes),
  };
}
