/**
 * `mkdir -p`, without node's `mkdir(path, { recursive: true })`: that one spins forever, at full CPU, where the
 * file system answers ENOENT for a new child of a folder that exists (procfs: `/proc/x`), since it reads ENOENT
 * as "the parent is missing", makes the parent (which exists) and tries again. mkdirp's manual mode loops the same
 * way. Here each missing folder, outermost first, is made once; a failure is the failure of that one mkdir.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { errnoCode } from './errors.js';

export async function makeDirectories(path: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(path); ; ) {
    try {
      if ((await stat(at)).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: 'ENOTDIR' });
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const dir of missing.reverse()) {
    try {
      await mkdir(dir);
    } catch (error) {
      // Made by someone else in the meantime: as good.
      if (errnoCode(error) !== 'EEXIST') throw error;
    }
  }
}
