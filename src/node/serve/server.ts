/**
 * The local web server behind `parley serve`: the same user interface as the desktop application, in an
 * ordinary browser, over the same DossierApi.
 *
 * HTTP contract (renderer/transport-http.ts codes against it):
 *   GET /?token=T                the page (dist/renderer/index.html); sets the cookie parley_token_<port>=T
 *   GET /<file>                  other files of dist/renderer/ (app.js, app.css …); token by cookie or ?token=
 *   POST /api/<method>           a DossierApi call; body: JSON array of arguments; header X-Parley-Token: T
 *                                → 200 { ok: true, value } | { ok: false, error: { code, message } }
 *                                → 400 for malformed JSON or an unknown method
 *   POST /api/import-file?name=F  a draft file picked in the page, its bytes as the body (import-route.ts)
 *                                → 200 { ok: true, value: ImportedDraftFile } | { ok: false, error }; 413 too large
 *   anything else                404 (405 for a wrong HTTP method)
 * Refused with 403 (plain text): a Host header other than 127.0.0.1:<port> or localhost:<port>, a foreign
 * Origin, a missing or wrong token. The page reads the token for its API calls from its own URL
 * (`new URLSearchParams(location.search).get('token')`).
 * It listens on 127.0.0.1 only; see security.ts for why each check exists.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDossierApi, type DossierApiOptions, type LocalDossierApi } from '../dossier-api.js';
import { handleApiCall } from './api-route.js';
import { handleImportFile, IMPORT_FILE_PATH } from './import-route.js';
import {
  cookieValue, hostIsAllowed, newToken, originIsAllowed, sameToken, setSecurityHeaders, tokenCookie, tokenCookieName, TOKEN_HEADER,
} from './security.js';
import { defaultRendererDir, readStaticFile } from './static-files.js';

export interface ServeOptions extends DossierApiOptions {
  /** TCP port on 127.0.0.1; default 0 (a free port chosen by the system). */
  port?: number;
  /** The built user interface; default dist/renderer/ of the project. */
  rendererDir?: string;
  /** Fixed token, for tests only; default a fresh random one. */
  token?: string;
}

export interface RunningServer {
  /** The URL to open, carrying the token: http://127.0.0.1:PORT/?token=TOKEN */
  url: string;
  port: number;
  token: string;
  /** The dossier folder, resolved. */
  dir: string;
  api: LocalDossierApi;
  /** Stop listening and close the dossier (releases its write lock). */
  close(): Promise<void>;
}

export async function startServer(dir: string, options: ServeOptions = {}): Promise<RunningServer> {
  const api = await openDossierApi(dir, options);
  const token = options.token ?? newToken();
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      // A bug in this file, not in a request: answer so the browser does not hang, and keep serving.
      if (!response.headersSent) sendPlain(response, 500, `Parley could not answer: ${error instanceof Error ? error.message : String(error)}`);
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    if (!hostIsAllowed(request, port) || !originIsAllowed(request, port)) {
      return sendPlain(response, 403, 'Forbidden: this server answers only to http://127.0.0.1 on its own port.');
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      const given = request.headers[TOKEN_HEADER];
      if (!sameToken(Array.isArray(given) ? given[0] : given, token)) return sendPlain(response, 403, 'Forbidden: missing or wrong X-Parley-Token header.');
      if (request.method !== 'POST') return sendPlain(response, 405, 'API calls are POST requests.', { Allow: 'POST' });
      if (url.pathname === IMPORT_FILE_PATH) return handleImportFile(url, request, response);
      return handleApiCall(api, url.pathname.slice('/api/'.length), request, response);
    }

    const queryToken = url.searchParams.get('token');
    if (!sameToken(queryToken, token) && !sameToken(cookieValue(request, tokenCookieName(port)), token)) {
      return sendPlain(response, 403, 'Forbidden: open the address printed by `parley serve`, with its token.');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendPlain(response, 405, 'Only GET is served here.', { Allow: 'GET, HEAD' });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        return sendPlain(response, 503, `The user interface is not built (${rendererDir} has no index.html): run \`npm run build:renderer\`.`);
      }
      return sendPlain(response, 404, 'Not found.');
    }
    if (sameToken(queryToken, token)) response.setHeader('Set-Cookie', tokenCookie(port, token));
    response.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  try {
    await listen(server, options.port ?? 0);
  } catch (error) {
    await api.close();
    const reason = (error as { code?: string }).code === 'EADDRINUSE' ? `port ${options.port} is in use; choose another with --port, or leave it out` : String(error);
    throw new Error(`Parley could not start serving ${api.dir}: ${reason}.`);
  }
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    dir: api.dir,
    api,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await api.close();
      })();
      return closing;
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 only: never reachable from another machine, whatever the firewall.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function sendPlain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}
