/**
 * `parley serve` as a running program: start the server, print the one line that says where, open the
 * browser, and on SIGINT/SIGTERM close the dossier (releasing its write lock) and exit 0.
 */
import { openInBrowser } from './open-browser.js';
import { startServer, type RunningServer, type ServeOptions } from './server.js';

export interface RunServeOptions extends ServeOptions {
  /** Open the default browser on the URL (default true; `--no-open` turns it off). */
  open?: boolean;
  /** Where the announcement line and notices go; default stdout / stderr. */
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/** The line tests and scripts parse: `Parley is serving <dossier> at http://127.0.0.1:PORT/?token=TOKEN`. */
export function announcement(server: Pick<RunningServer, 'dir' | 'url'>): string {
  return `Parley is serving ${server.dir} at ${server.url}`;
}

export async function runServe(dir: string, options: RunServeOptions = {}): Promise<RunningServer> {
  const out = options.out ?? ((line: string) => process.stdout.write(line + '\n'));
  const err = options.err ?? ((line: string) => process.stderr.write(line + '\n'));
  const server = await startServer(dir, options);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0), (error: unknown) => {
      err(`Parley could not close the dossier cleanly: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  // Only now that a signal closes the dossier cleanly is the address announced (tests stop the server on it).
  out(announcement(server));
  // Notices (read-only because locked, recovered work …) go to stderr: stdout carries exactly one line.
  for (const notice of (await server.api.summary()).notices) err(notice);

  if (options.open !== false) openInBrowser(server.url);
  return server;
}
