/**
 * The layering of DESIGN.md, enforced: dependency-cruiser with the project's rules over src/, renderer/ and
 * electron/ must find no violation — and must find them in a small tree built to break each rule.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));

async function violations(baseDir: string) {
  const dirs = ['src', 'renderer', 'electron'].filter((d) => fs.existsSync(path.join(baseDir, d)));
  const result = await cruise(dirs, { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true, baseDir });
  if (typeof result.output === 'string') throw new Error(result.output);
  return {
    cruised: result.output.summary.totalCruised,
    rules: result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort(),
  };
}

describe('the renderer bundle', () => {
  // Parsed on every start of the app: the readers only the Node side needs stay out of it. (A static rule
  // cannot tell: src/model/dossier.ts imports the YAML library for functions the renderer never calls, which
  // the bundler leaves out.) `npm test` builds the bundle first; its source map lists what went in.
  it('holds none of the Node side\'s readers: YAML, HTML pages, Word documents', () => {
    const map = path.join(root, 'dist', 'renderer', 'app.js.map');
    expect(fs.existsSync(map), `${map} is missing: run npm run build first`).toBe(true);
    const sources: string[] = JSON.parse(fs.readFileSync(map, 'utf8')).sources;
    expect(sources.some((s) => s.includes('prosemirror-view'))).toBe(true);
    expect(sources.filter((s) => /node_modules\/(yaml|rehype-parse|rehype-remark|hast-util-to-mdast|parse5|saxes|fflate)\//.test(s))).toEqual([]);
  });

  it('holds none of the comparison engine, which runs on the Node side: only what reads a comparison\'s result', () => {
    const sources: string[] = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'renderer', 'app.js.map'), 'utf8')).sources;
    // The three-way dialog and its saved page read the result; they must not pull in three-way.ts, which compares.
    expect(sources.some((s) => s.endsWith('src/export/html-three-way.ts'))).toBe(true);
    expect(sources.filter((s) => /src\/compare\/(align|compare|three-way|history|legal|words|matcher)\.ts$/.test(s))).toEqual([]);
  });
});

describe('layering', () => {
  it('the project keeps its layers', async () => {
    const { cruised, rules } = await violations(root);
    expect(cruised).toBeGreaterThan(40);
    expect(rules).toEqual([]);
  });

  it('the rules catch a core module that imports the UI or the disk, and a renderer that reaches src/node', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('src/model/bad.ts', "import { view } from '../../renderer/view.js';\nimport { readFileSync } from 'node:fs';\nexport const x = [view, readFileSync];\n");
    write('src/node/ok.ts', "import { spawn } from 'node:child_process';\nexport const y = spawn;\n");
    write('renderer/view.ts', "import { y } from '../src/node/ok.js';\nexport const view = y;\n");
    const { rules } = await violations(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(rules).toEqual([
      'core-imports-no-ui: src/model/bad.ts → renderer/view.ts',
      'disk-only-in-src-node: src/model/bad.ts → fs',
      'renderer-uses-pure-core: renderer/view.ts → src/node/ok.ts',
    ]);
  });
});
