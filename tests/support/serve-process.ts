/** `parley serve DIR --no-open` from the built bin (dist/), as a user starts it, resolved once it says where. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './fixture-copy.js';

export function serve(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'parley.mjs'), 'serve', dir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`parley serve did not announce its address in 20 s.\nstdout: ${out}\nstderr: ${err}`)), 20_000);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /Parley is serving .+ at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`parley serve exited (${code}) before announcing its address.\nstdout: ${out}\nstderr: ${err}`));
    });
  });
}

/** Stop a server started by serve() and wait until it has exited. */
export async function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
