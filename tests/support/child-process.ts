/** Start dossier-child.mjs and talk to it through its stdout lines. */
import { spawn, type ChildProcess } from 'node:child_process';
import { CHILD_SCRIPT } from './build-store.js';

export interface Child {
  process: ChildProcess;
  /** Resolves with the first stdout line matching `test`; rejects if the child exits first. */
  waitForLine(test: (line: string) => boolean): Promise<string>;
  /** SIGKILL and wait until the process is gone. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
  stderr(): string;
}

export function startChild(storeUrl: string, mode: string, dir: string, ...args: string[]): Child {
  const child = spawn(process.execPath, [CHILD_SCRIPT, storeUrl, mode, dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  const lines: string[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    let nl: number;
    while ((nl = out.indexOf('\n')) !== -1) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      lines.push(line);
      for (const w of [...waiters]) if (w.test(line)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(line); }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    process: child,
    exited,
    stderr: () => err,
    waitForLine(test) {
      const seen = lines.find(test);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ test, resolve });
        void exited.then((code) => reject(new Error(`child (${mode}) exited with ${code} before printing the expected line; stderr:\n${err}`)));
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
