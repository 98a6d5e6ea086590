/**
 * The Electron binary cannot be downloaded here, so the shell is checked the way it can be: electron/ must
 * type-check against node_modules/electron/electron.d.ts, and its bundle must build with a preload that
 * requires nothing but 'electron' (a sandboxed preload can require nothing else).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PROJECT_ROOT } from './support/fixture-copy.js';

describe('electron/', () => {
  it('type-checks against electron.d.ts (tsc -p electron/tsconfig.json --noEmit)', () => {
    const tsc = join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', join(PROJECT_ROOT, 'electron', 'tsconfig.json'), '--noEmit', '--listFiles'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const errors = result.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors, errors.join('\n')).toEqual([]);
    expect(result.status).toBe(0);
    // It really checked the shell against Electron's own declarations, not an empty project.
    const files = result.stdout.split('\n').map((line) => line.trim());
    expect(files).toContain(join(PROJECT_ROOT, 'node_modules', 'electron', 'electron.d.ts'));
    expect(files).toContain(join(PROJECT_ROOT, 'electron', 'main.ts'));
    expect(files).toContain(join(PROJECT_ROOT, 'electron', 'preload.ts'));
  });

  it('bundles a main process and a preload that requires only electron', async () => {
    const { buildElectron } = (await import(join(PROJECT_ROOT, 'scripts', 'build-electron.mjs'))) as { buildElectron(outDir: string): Promise<{ main: string; preload: string }> };
    const outDir = mkdtempSync(join(tmpdir(), 'parley-electron-'));
    onTestFinished(() => rmSync(outDir, { recursive: true, force: true }));
    const built = await buildElectron(outDir);
    expect(existsSync(built.main)).toBe(true);
    const preload = readFileSync(built.preload, 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("parley"');
    const main = readFileSync(built.main, 'utf8');
    expect(main).toContain('contextIsolation: true');
    expect(main).toContain('sandbox: true');
    expect(main).toContain('nodeIntegration: false');
  });
});
