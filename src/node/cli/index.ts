/**
 * The `parley` command line. Each command lives in its own module and registers itself here.
 *
 * Errors a user can act on (UserError, DossierError) are printed as one plain sentence with exit status 2;
 * anything else is a bug in Parley, reported as such (with the stack only when PARLEY_DEBUG is set).
 */
import { Command, CommanderError } from 'commander';
import { DossierError } from '../dossier/errors.js';
import { UserError } from '../read-draft-file.js';
import { registerCheck } from './check.js';
import { registerDiff } from './diff.js';
import { registerHistory } from './history.js';
import { registerImport } from './import.js';
import { registerInit } from './init.js';
import { registerServe } from './serve.js';
import { registerShow } from './show.js';
import { registerTable } from './table.js';
import { threeWayCommand } from './three-way.js';

export function buildProgram(): Command {
  const program = new Command('parley')
    .description('Parley: negotiate international instruments — structured drafts, clause-by-clause comparison, positions and brackets.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerCheck(program);
  registerShow(program);
  registerTable(program);
  registerInit(program);
  registerDiff(program, (dossier, base, first, second, options) =>
    threeWayCommand(dossier, base, first, second, { format: options.format, changedOnly: options.changedOnly, color: options.colour, output: options.output }));
  registerHistory(program);
  registerImport(program);
  registerServe(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  // `parley show … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help).
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof UserError) {
      process.stderr.write(`parley: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof DossierError) {
      process.stderr.write(`parley: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`parley: internal error: ${message}\n` +
      (process.env.PARLEY_DEBUG ? `${(error as Error)?.stack ?? ''}\n` : 'Please report it with the command you ran (set PARLEY_DEBUG=1 for details).\n'));
    process.exitCode = 70;
  }
}
