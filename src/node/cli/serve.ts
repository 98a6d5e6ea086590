/** The `parley serve DOSSIER [--port N] [--no-open]` command. */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { runServe } from '../serve/run.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve a dossier to a web browser on this machine (127.0.0.1 only, behind a token in the printed address)')
    .argument('<dossier>', 'the dossier folder')
    .option('--port <n>', 'TCP port to listen on (default: a free one)', parsePort)
    .option('--no-open', 'do not open the browser')
    .action(async (dossier: string, options: { port?: number; open: boolean }) => {
      try {
        await runServe(dossier, { ...(options.port === undefined ? {} : { port: options.port }), open: options.open });
      } catch (error) {
        // ApiError and startup failures carry plain sentences: say it, without a stack trace.
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      }
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new InvalidArgumentError(`"${value}" is not a port number (1–65535).`);
  return port;
}
