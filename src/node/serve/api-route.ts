/**
 * `POST /api/<method>`: one DossierApi call over HTTP.
 *
 * Request: a JSON array of the method's arguments (`[]`, `[3]`, `[1, "working"]`, `[draft]`), header
 * X-Parley-Token. Response, status 200: `{ "ok": true, "value": … }` or `{ "ok": false, "error": { "code",
 * "message" } }` — an ApiError is an answer, not a transport failure. Status 400 (same error shape) for a body
 * that is not a JSON array or an unknown method; 413 for a body over the limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type ApiErrorData, type DossierApi } from '../../api.js';
import { toApiError } from '../dossier-api.js';
import { isDossierApiMethod } from './api-methods.js';

/** A 2,000-article draft is a few megabytes of JSON; this leaves ample room and still bounds memory. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type ApiReply = { ok: true; value: unknown } | { ok: false; error: ApiErrorData };

export async function handleApiCall(api: DossierApi, method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!isDossierApiMethod(method)) {
    return sendJson(response, 400, failure('unknown-method', `"${method}" is not a Parley API method.`));
  }
  const bytes = await readBody(request, MAX_BODY_BYTES);
  if (!bytes) return sendJson(response, 413, failure('too-large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
  const body = bytes.toString('utf8');
  let args: unknown;
  try {
    args = JSON.parse(body);
  } catch (error) {
    return sendJson(response, 400, failure('bad-request', `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (!Array.isArray(args)) {
    return sendJson(response, 400, failure('bad-request', 'The request body must be a JSON array of the method\'s arguments.'));
  }
  let reply: ApiReply;
  try {
    const call = api[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await call.apply(api, args);
    reply = { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    reply = { ok: false, error: toApiError(error, `carry out ${method}`).toJSON() };
  }
  sendJson(response, 200, reply);
}

function failure(code: string, message: string): ApiReply {
  return { ok: false, error: new ApiError(code, message).toJSON() };
}

export function sendJson(response: ServerResponse, status: number, data: unknown): void {
  // Encoded once: measuring the string's UTF-8 length and then writing it encodes it twice, which for a
  // 2,000-article draft (4.8 MB of JSON) was 45 ms of the page's opening.
  const body = Buffer.from(JSON.stringify(data), 'utf8');
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  response.end(body);
}

/**
 * A request's body, or null past `limit`: the rest is read and dropped rather than the connection cut, so that
 * the client (still sending) receives the answer that says why. The API calls' and the import route's.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | null = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) chunks = null;
      else chunks?.push(chunk);
    });
    request.on('end', () => resolve(chunks && Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
