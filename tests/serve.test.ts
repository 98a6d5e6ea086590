import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, Paragraph } from '../src/model/draft.js';
import { openDossier } from '../src/node/dossier/store.js';
import { startServer, type RunningServer } from '../src/node/serve/server.js';
import { copySampleDossier, SAMPLE_DOSSIER } from './support/fixture-copy.js';
import { bundleServeCli } from './support/serve-cli.js';
import { wordDraftOfVersion } from './support/word-document.js';
import { MAX_IMPORT_BYTES } from '../renderer/imported-file.js';
import { MAX_DRAFT_BYTES } from '../src/node/read-draft-file.js';

const URL_LINE = /^Parley is serving (.+) at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{32}))$/;

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** node:http rather than fetch: fetch will not send a forged Host header, which is what a rebinding attack does. */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => { body += chunk; }).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function call(server: { port: number; token: string }, method: string, args: unknown[], headers: Record<string, string> = {}): Promise<Reply> {
  return send(server.port, `/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Parley-Token': server.token, ...headers },
    body: JSON.stringify(args),
  });
}

async function value<T>(server: { port: number; token: string }, method: string, ...args: unknown[]): Promise<T> {
  const reply = await call(server, method, args);
  expect(reply.status).toBe(200);
  const data = JSON.parse(reply.body) as { ok: boolean; value?: T; error?: unknown };
  if (!data.ok) throw new Error(`${method} failed: ${JSON.stringify(data.error)}`);
  return data.value as T;
}

async function apiError(server: { port: number; token: string }, method: string, ...args: unknown[]): Promise<{ code: string; message: string }> {
  const reply = await call(server, method, args);
  expect(reply.status).toBe(200);
  const data = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
  expect(data.ok).toBe(false);
  return data.error;
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let rendererDir: string;
beforeAll(async () => {
  // A stand-in for dist/renderer/, so these tests do not depend on the renderer build.
  rendererDir = await mkdtemp(join(tmpdir(), 'parley-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Parley</title><script src="app.js"></script>');
  await writeFile(join(rendererDir, 'app.js'), 'console.log("parley")');
  await writeFile(join(rendererDir, 'app.css'), 'body { margin: 0 }');
});
afterAll(() => rm(rendererDir, { recursive: true, force: true }));

async function sample(): Promise<string> {
  const copy = await copySampleDossier();
  cleanups.push(copy.dispose);
  return copy.dir;
}

async function serve(dir: string): Promise<RunningServer> {
  const server = await startServer(dir, { rendererDir });
  cleanups.push(() => server.close());
  return server;
}

describe('startServer', () => {
  it('listens on 127.0.0.1 behind a 32-character random token', async () => {
    const server = await serve(await sample());
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const other = await serve(await sample());
    expect(other.token).not.toBe(server.token);
    expect(other.port).not.toBe(server.port);
  });

  it('serves the page with its token, a cookie for the other files, and strict headers', async () => {
    const server = await serve(await sample());
    const page = await send(server.port, `/?token=${server.token}`, { headers: { Host: `127.0.0.1:${server.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Parley</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain(`parley_token_${server.port}=${server.token}`);
    expect(cookie).toContain('HttpOnly');

    const script = await send(server.port, '/app.js', { headers: { Cookie: `parley_token_${server.port}=${server.token}` } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const style = await send(server.port, '/app.css', { headers: { Cookie: `parley_token_${server.port}=${server.token}` } });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    const localhost = await send(server.port, `/?token=${server.token}`, { headers: { Host: `localhost:${server.port}` } });
    expect(localhost.status).toBe(200);
  });

  it('refuses requests without the right token with 403', async () => {
    const server = await serve(await sample());
    expect((await send(server.port, '/')).status).toBe(403);
    expect((await send(server.port, '/?token=wrong')).status).toBe(403);
    expect((await send(server.port, '/app.js')).status).toBe(403);
    expect((await send(server.port, '/app.js', { headers: { Cookie: `parley_token_${server.port}=nope` } })).status).toBe(403);
    expect((await call({ port: server.port, token: 'x'.repeat(32) }, 'summary', [])).status).toBe(403);
    const noHeader = await send(server.port, `/api/summary?token=${server.token}`, { method: 'POST', body: '[]' });
    expect(noHeader.status).toBe(403);
    // The cookie alone never authorises an API call: a foreign page could make the browser send it.
    const cookieOnly = await send(server.port, '/api/summary', { method: 'POST', body: '[]', headers: { Cookie: `parley_token_${server.port}=${server.token}` } });
    expect(cookieOnly.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) or Origin with 403, even with the token', async () => {
    const server = await serve(await sample());
    const page = await send(server.port, `/?token=${server.token}`, { headers: { Host: `evil.example:${server.port}` } });
    expect(page.status).toBe(403);
    const otherPort = await send(server.port, `/?token=${server.token}`, { headers: { Host: `127.0.0.1:${server.port + 1}` } });
    expect(otherPort.status).toBe(403);
    const api = await call(server, 'summary', [], { Host: `evil.example:${server.port}` });
    expect(api.status).toBe(403);
    const origin = await call(server, 'summary', [], { Origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    expect((await call(server, 'summary', [], { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('serves only files inside the renderer folder', async () => {
    const server = await serve(await sample());
    const headers = { Cookie: `parley_token_${server.port}=${server.token}` };
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%2e%2e%2f%2e%2e%2fetc/passwd', '/.hidden', '/nothing.js']) {
      const reply = await send(server.port, path, { headers });
      expect(reply.status, path).toBe(404);
    }
  });

  it('round-trips summary, readDraft, saveWorking and tableVersion over HTTP', async () => {
    const dir = await sample();
    const server = await serve(dir);
    const summary = await value<{ title: string; versions: unknown[]; readOnly: boolean }>(server, 'summary');
    expect(summary.title).toMatch(/^Memorandum of Understanding/);
    expect(summary.readOnly).toBe(false);
    const count = summary.versions.length;

    const working = await value<{ ref: string; draft: Draft }>(server, 'readDraft', 'working');
    expect(working.ref).toBe('working');
    const draft = structuredClone(working.draft);
    const paragraph = draft.clauses.flatMap((c) => c.body).find((b): b is Paragraph => b.type === 'paragraph')!;
    const last = paragraph.children.at(-1)!;
    if (last.type !== 'text') throw new Error('expected text');
    last.value += ' Saved over HTTP.';
    const saved = await value<{ savedAt: string }>(server, 'saveWorking', draft);
    expect(Date.parse(saved.savedAt)).not.toBeNaN();
    expect(await readFile(join(dir, 'working.md'), 'utf8')).toContain('Saved over HTTP.');
    expect((await value<{ draft: Draft }>(server, 'readDraft', 'working')).draft).toEqual(draft);

    expect(await value(server, 'autosaveWorking', draft)).toBeNull();
    const entry = await value<{ version: number; label: string }>(server, 'tableVersion', { label: 'Tabled over HTTP', by: 'US' });
    expect(entry).toMatchObject({ version: count + 1, label: 'Tabled over HTTP' });
    expect((await value<{ versions: unknown[] }>(server, 'summary')).versions).toHaveLength(count + 1);
    expect(await readFile(join(dir, 'versions', `v${count + 1}.md`), 'utf8')).toContain('Saved over HTTP.');
  });

  it('compares two versions over HTTP with the comparison engine', async () => {
    const server = await serve(await sample());
    const versions = (await value<{ versions: { label: string }[] }>(server, 'summary')).versions;
    const comparison = await value<{ old: { label: string }; new: { label: string }; changes: unknown[] }>(server, 'compare', 1, 2);
    expect(comparison.old.label).toBe(versions[0]!.label);
    expect(comparison.new.label).toBe(versions[1]!.label);
    expect(comparison.changes.length).toBeGreaterThan(0);
    expect((await apiError(server, 'compare', 1, 'latest')).code).toBe('invalid-input');
  });

  it('answers API errors as data, and malformed requests with 400', async () => {
    const server = await serve(await sample());
    const missing = await apiError(server, 'readDraft', 99);
    expect(missing.code).toBe('missing-file');
    expect(missing.message).toMatch(/no version 99/);
    expect((await apiError(server, 'saveWorking', 'not a draft')).code).toBe('invalid-input');

    const malformed = await send(server.port, '/api/summary', { method: 'POST', headers: { 'X-Parley-Token': server.token }, body: '{not json' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const notArray = await send(server.port, '/api/summary', { method: 'POST', headers: { 'X-Parley-Token': server.token }, body: '{}' });
    expect(notArray.status).toBe(400);
    const unknown = await call(server, 'deleteEverything', []);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect((await call(server, 'close', [])).status).toBe(400);
    expect((await send(server.port, '/api/summary', { headers: { 'X-Parley-Token': server.token } })).status).toBe(405);
  });

  it('reads a draft file the page sends as Import Draft reads one: a Word document converted, what is not a draft refused', async () => {
    const dir = await sample();
    const server = await serve(dir);
    const workingBefore = await readFile(join(dir, 'working.md'), 'utf8');
    const upload = (name: string, body: Uint8Array, token = server.token) =>
      send(server.port, `/api/import-file?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-Parley-Token': token }, body });
    // The name is only ever a name: a path sent along is cut to its last part.
    const word = await upload('C:\\Users\\eu\\..\\us counter-proposal.docx', await wordDraftOfVersion(SAMPLE_DOSSIER, 2));
    expect(word.status).toBe(200);
    const read = JSON.parse(word.body) as { ok: boolean; value: { fileName: string; format: string; text: string; paragraphs: number[] } };
    expect(read.ok).toBe(true);
    expect(read.value).toMatchObject({ fileName: 'us counter-proposal.docx', format: 'markdown' });
    // Word's numbering, computed on the server ("Paragraph %1" is not in the text of the heading).
    expect(read.value.text).toContain('## Paragraph 4 — No export bans');
    expect(read.value.paragraphs.length).toBeGreaterThan(20);
    expect(read.value).not.toHaveProperty('notes');
    // With tracked changes, which are read as accepted, the page is given a sentence to show.
    const marked = await upload('eu-markup.docx', await wordDraftOfVersion(SAMPLE_DOSSIER, 2, { tracked: [{ find: 'will not impose', replace: 'shall not impose', author: 'EU' }] }));
    expect(JSON.parse(marked.body).value.notes).toEqual([expect.stringMatching(/^eu-markup\.docx: 2 tracked changes by EU read as accepted, the first in paragraph \d+ of the document; `parley diff --tracked eu-markup\.docx`/)]);

    const doc = await upload('old.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect(doc.status).toBe(200);
    expect(JSON.parse(doc.body)).toMatchObject({ ok: false, error: { code: 'unreadable', message: expect.stringMatching(/^old\.doc is a binary file .*save an older Word \(\.doc\)/) } });
    const tooLarge = await upload('scan.txt', new Uint8Array(33 * 1024 * 1024).fill(65));
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/^scan\.txt is larger than 32 MB/) } });
    expect((await upload('x.md', new TextEncoder().encode('# X'), 'wrong-token')).status).toBe(403);
    // The page refuses a file past the same size before sending it.
    expect(MAX_IMPORT_BYTES).toBe(MAX_DRAFT_BYTES);
    // Reading is all it does: the page puts the text into its editor, and the user saves it or not.
    expect(await readFile(join(dir, 'working.md'), 'utf8')).toBe(workingBefore);
  });

  it('a second server on the same dossier opens it read-only and cannot write', async () => {
    const dir = await sample();
    const first = await serve(dir);
    const second = await serve(dir);
    const summary = await value<{ readOnly: boolean; notices: string[] }>(second, 'summary');
    expect(summary.readOnly).toBe(true);
    expect(summary.notices.join(' ')).toMatch(/open read-only/);
    const draft = (await value<{ draft: Draft }>(second, 'readDraft', 'working')).draft;
    const before = await readFile(join(dir, 'working.md'), 'utf8');
    expect((await apiError(second, 'saveWorking', draft)).code).toBe('read-only');
    expect((await apiError(second, 'autosaveWorking', draft)).code).toBe('read-only');
    expect((await apiError(second, 'tableVersion', { label: 'x', by: 'EU' })).code).toBe('read-only');
    expect(await readFile(join(dir, 'working.md'), 'utf8')).toBe(before);
    expect((await value<{ readOnly: boolean }>(first, 'summary')).readOnly).toBe(false);
  });

  it('says plainly when the user interface is not built', async () => {
    const server = await startServer(await sample(), { rendererDir: join(tmpdir(), 'parley-no-such-renderer') });
    cleanups.push(() => server.close());
    const page = await send(server.port, `/?token=${server.token}`);
    expect(page.status).toBe(503);
    expect(page.body).toMatch(/npm run build:renderer/);
  });
});

describe('parley serve (child process)', () => {
  let cli: { file: string; dispose(): Promise<void> };
  beforeAll(async () => { cli = await bundleServeCli(); });
  afterAll(() => cli.dispose());

  function start(...args: string[]) {
    const child = spawn(process.execPath, [cli.file, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    cleanups.push(async () => { if (child.exitCode === null && child.signalCode === null) { child.kill('SIGKILL'); await exited; } });
    const firstLine = new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
      });
      void exited.then((code) => reject(new Error(`parley serve exited with ${code}: ${err}`)));
    });
    firstLine.catch(() => undefined); // awaited by the tests that expect a line; others expect an exit
    return { child, exited, firstLine, stdout: () => out, stderr: () => err };
  }

  it('prints exactly one line with the URL, serves the API, and releases the lock on SIGTERM', async () => {
    const dir = await sample();
    const run = start(dir, '--no-open');
    const line = await run.firstLine;
    const match = URL_LINE.exec(line);
    expect(match, line).not.toBeNull();
    const [, shownDir, , port, token] = match!;
    expect(shownDir).toBe(dir);
    const summary = await value<{ name: string }>({ port: Number(port), token: token! }, 'summary');
    expect(summary.name).toBe('rare-earths-mou');
    expect(existsSync(join(dir, '.parley', 'lock'))).toBe(true);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stdout().trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, '.parley', 'lock'))).toBe(false);
    const handle = await openDossier(dir); // writable again
    expect(handle.readOnly).toBe(false);
    await handle.close();
  });

  it('listens on the port asked for, and exits 0 on SIGINT', async () => {
    const probe = await startServer(await sample(), { rendererDir });
    const port = probe.port; // free a moment ago; reuse it for the child
    await probe.close();
    const run = start(await sample(), '--port', String(port), '--no-open');
    expect(URL_LINE.exec(await run.firstLine)![3]).toBe(String(port));
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('fails with one plain sentence for a folder that is not a dossier', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'parley-empty-'));
    cleanups.push(() => rm(empty, { recursive: true, force: true }));
    const run = start(empty, '--no-open');
    expect(await run.exited).toBe(1);
    expect(run.stdout()).toBe('');
    expect(run.stderr().trim()).toBe(`${empty} is not a Parley dossier: it has no dossier.yaml.`);
  });

  it('never touches the fixture', () => {
    expect(existsSync(join(SAMPLE_DOSSIER, '.parley'))).toBe(false);
  });
});
