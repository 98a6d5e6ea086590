/** Open a URL in the user's default browser, best effort: if there is none, the printed URL is enough. */
import { spawn } from 'node:child_process';

export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]]
    : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => { /* no browser opener on this machine: the URL was printed */ });
    child.unref();
  } catch {
    // same as above
  }
}
