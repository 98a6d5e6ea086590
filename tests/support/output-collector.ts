/** An Output (src/node/cli/output.ts) that keeps what a command prints, for tests of command functions. */
import type { Output } from '../../src/node/cli/output.js';

export function collectOutput(): Output & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), text: () => stdout.join('\n') };
}
