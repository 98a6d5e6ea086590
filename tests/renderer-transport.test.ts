import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApi } from '../renderer/transport-http.js';

/** A stand-in for `parley serve`'s API route: records each call, answers by method. */
const calls: { url: string; token: string | undefined; body: unknown }[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      calls.push({ url: request.url!, token: request.headers['x-parley-token'] as string | undefined, body: JSON.parse(text) });
      response.setHeader('Content-Type', 'application/json');
      if (request.url === '/api/compare') {
        response.statusCode = 503;
        response.end(JSON.stringify({ ok: false, error: { code: 'not-ready', message: 'The comparison engine is not available yet.' } }));
      } else if (request.url === '/api/summary') {
        response.end(JSON.stringify({ ok: true, value: { name: 'd', title: 'T', parties: [], topics: [], versions: [], readOnly: false, recovered: null, notices: [] } }));
      } else {
        response.statusCode = 500;
        response.end('not json');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('DossierApi over HTTP', () => {
  it('posts the arguments as a JSON array with the token header and returns the value', async () => {
    const api = createHttpApi('secret-token', base);
    const summary = await api.summary();
    expect(summary.title).toBe('T');
    expect(calls.at(-1)).toEqual({ url: '/api/summary', token: 'secret-token', body: [] });
  });

  it('turns an error answer into an error with the server\'s code and message', async () => {
    const api = createHttpApi('secret-token', base);
    await expect(api.compare(1, 'working')).rejects.toMatchObject({ code: 'not-ready', message: 'The comparison engine is not available yet.' });
    expect(calls.at(-1)!.body).toEqual([1, 'working']);
  });

  it('explains an unreadable answer and an unreachable server', async () => {
    await expect(createHttpApi('t', base).readDraft(2)).rejects.toMatchObject({ code: 'bad-response' });
    await expect(createHttpApi('t', 'http://127.0.0.1:1').summary()).rejects.toMatchObject({ code: 'offline' });
  });
});
