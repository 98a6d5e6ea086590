/**
 * `POST /api/import-file?name=FILE`: a draft file the user picked in the browser, sent as its bytes, read as
 * the desktop application's Import Draft reads a file from disk (importedFileFromBytes: a Word document
 * converted, its numbering computed; anything else checked as a UTF-8 text draft).
 *
 * Request: the file's bytes as the body (any content type), header X-Parley-Token (checked by the server).
 * Response, status 200: `{ "ok": true, "value": ImportedDraftFile }`, or `{ "ok": false, "error": { "code":
 * "unreadable", "message" } }` with a sentence naming the file; 413 (same shape) for a body larger than a
 * draft can be.
 * Nothing is written: the page puts the text into its editor, and the user saves it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../../api.js';
import { toApiError } from '../dossier-api.js';
import { importedFileFromBytes } from '../desktop/import-file.js';
import { MAX_DRAFT_BYTES, UserError } from '../read-draft-file.js';
import { readBody, sendJson, type ApiReply } from './api-route.js';

export const IMPORT_FILE_PATH = '/api/import-file';

export async function handleImportFile(url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const fileName = displayName(url.searchParams.get('name'));
  const bytes = await readBody(request, MAX_DRAFT_BYTES);
  if (!bytes) {
    const message = `${fileName} is larger than ${MAX_DRAFT_BYTES / 1024 / 1024} MB; Parley reads drafts of up to that size (a 2,000-article treaty is about 3.4 MB). Is this the right file?`;
    return sendJson(response, 413, { ok: false, error: new ApiError('too-large', message).toJSON() } satisfies ApiReply);
  }
  let reply: ApiReply;
  try {
    reply = { ok: true, value: importedFileFromBytes(fileName, bytes) };
  } catch (error) {
    const failure = error instanceof UserError ? new ApiError('unreadable', error.message) : toApiError(error, `read ${fileName}`);
    reply = { ok: false, error: failure.toJSON() };
  }
  sendJson(response, 200, reply);
}

/** The name the file is called by in messages: the last part of what the page sent, never a path. */
function displayName(name: string | null): string {
  const last = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f]/g, '').trim();
  return last ? last.slice(0, 255) : 'the imported file';
}
