/**
 * Where a draft's YAML front matter ends and its text begins, without reading the YAML (a module of its own,
 * without the YAML library: the renderer's importer strips another tool's front matter and needs no more).
 */
import { countLineBreaks } from '../model/text.js';

export interface SplitSource {
  /** The YAML between the fences, or null when the file has no front matter. */
  yaml: string | null;
  /** 1-based line of the first YAML line. */
  yamlLine: number;
  /** What follows the closing fence. */
  body: string;
  /** 1-based line on which `body` starts. */
  bodyLine: number;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

export function splitFrontMatter(source: string): SplitSource {
  const open = OPEN.exec(source);
  if (!open) return { yaml: null, yamlLine: 1, body: source, bodyLine: 1 };
  const after = source.slice(open[0].length);
  const close = CLOSE.exec(after);
  if (!close) return { yaml: null, yamlLine: 2, body: source, bodyLine: 1 };
  const yaml = after.slice(0, close.index);
  let body = after.slice(close.index + close[0].length);
  let bodyLine = 2 + countLineBreaks(yaml);
  if (body.startsWith('\r\n')) body = body.slice(2), bodyLine++;
  else if (body.startsWith('\n')) body = body.slice(1), bodyLine++;
  return { yaml, yamlLine: 2, body, bodyLine };
}
