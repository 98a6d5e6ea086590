/**
 * The bridge between the sandboxed renderer and the main process. It exposes `window.parley`: one function per
 * DossierApi operation, each a single IPC call, plus onMenu. Never ipcRenderer itself: a page that could call
 * ipcRenderer could send anything on any channel.
 *
 * Runs sandboxed (sandbox: true): only 'electron' can be required, so this file and what it imports are pure.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiErrorData } from '../src/api.js';
import { DOSSIER_API_METHODS, ipcChannel, MENU_CHANNEL, type DossierApiMethod, type MenuCommand, type ParleyBridge } from '../src/node/serve/api-methods.js';

type Reply = { ok: true; value: unknown } | { ok: false; error: ApiErrorData };

function operation(method: DossierApiMethod) {
  return async (...args: unknown[]): Promise<unknown> => {
    const reply = (await ipcRenderer.invoke(ipcChannel(method), ...args)) as Reply;
    if (reply.ok) return reply.value;
    // A plain object, not an Error: contextBridge would keep only an Error's message and lose the code.
    throw { name: 'ApiError', code: reply.error.code, message: reply.error.message };
  };
}

const operations = Object.fromEntries(DOSSIER_API_METHODS.map((method) => [method, operation(method)]));

const bridge = {
  ...operations,
  onMenu(callback: (command: MenuCommand, payload?: unknown) => void): () => void {
    // Only the command and its payload reach the page, never the IPC event (it carries the sender).
    const listener = (_event: IpcRendererEvent, command: MenuCommand, payload?: unknown) => callback(command, payload);
    ipcRenderer.on(MENU_CHANNEL, listener);
    return () => { ipcRenderer.removeListener(MENU_CHANNEL, listener); };
  },
} as ParleyBridge;

contextBridge.exposeInMainWorld('parley', bridge);
