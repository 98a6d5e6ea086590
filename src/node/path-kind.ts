/**
 * What a path names on disk, links followed: nothing (or nothing Parley may look at), a regular file, a folder,
 * or something else — a device, a pipe, a socket — that is read or written as a stream, never replaced.
 */
import { stat } from 'node:fs/promises';

export type PathKind = 'missing' | 'file' | 'folder' | 'other';

export async function pathKind(path: string): Promise<PathKind> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}
