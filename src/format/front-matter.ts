/**
 * The YAML front matter of a draft: reading it into DraftMeta with located errors, and writing it in the
 * canonical key order.
 */
import { LineCounter, parseDocument, stringify } from 'yaml';
import { DRAFT_STATUSES, type DraftMeta, type DraftStatus } from '../model/draft.js';
import type { Diagnostic } from './diagnostic.js';

export { splitFrontMatter, type SplitSource } from './front-matter-split.js';

const KEY_ORDER = ['parley', 'title', 'parties', 'version', 'label', 'tabled-by', 'date', 'status'] as const;

/** Parse front matter YAML. Problems are reported as diagnostics located in the whole file. */
export function readFrontMatter(yaml: string, yamlLine: number, file?: string): { meta: DraftMeta; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line + yamlLine - 1, column: pos.col };
  };
  const report = (severity: Diagnostic['severity'], code: string, message: string, offset?: number) =>
    diagnostics.push({ file, ...at(offset), severity, code, message });

  for (const error of doc.errors) {
    report('error', 'front-matter-syntax', `front matter is not valid YAML: ${firstSentence(error.message)}`, error.pos[0]);
  }
  const meta: DraftMeta = { title: '', parties: {} };
  if (doc.errors.length) return { meta, diagnostics };

  const data: unknown = doc.toJS();
  if (data === null || data === undefined) {
    report('warning', 'front-matter-empty', 'front matter is empty');
    return { meta, diagnostics };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    report('error', 'front-matter-shape', 'front matter must be a set of "key: value" lines');
    return { meta, diagnostics };
  }
  const record = data as Record<string, unknown>;
  const offsetOf = (key: string): number | undefined => {
    const node = doc.get(key, true) as { range?: [number, number, number] } | undefined;
    return node?.range?.[0];
  };

  if (record.parley !== undefined && record.parley !== 1) {
    report('error', 'front-matter-parley', `"parley: ${String(record.parley)}" is not a format version this Parley reads (expected 1)`, offsetOf('parley'));
  }
  if (typeof record.title === 'string') meta.title = record.title;
  else if (record.title !== undefined) report('error', 'front-matter-title', 'title must be text', offsetOf('title'));

  if (record.parties !== undefined) {
    const parties = record.parties;
    if (parties && typeof parties === 'object' && !Array.isArray(parties)) {
      for (const [id, name] of Object.entries(parties as Record<string, unknown>)) {
        if (typeof name === 'string') meta.parties[id] = name;
        else report('error', 'front-matter-parties', `party "${id}" must have a name as text`, offsetOf('parties'));
      }
    } else {
      report('error', 'front-matter-parties', 'parties must be a list of "ID: Name" lines', offsetOf('parties'));
    }
  }
  if (record.version !== undefined) {
    if (Number.isInteger(record.version) && (record.version as number) > 0) meta.version = record.version as number;
    else report('error', 'front-matter-version', `version must be a whole number, not "${String(record.version)}"`, offsetOf('version'));
  }
  if (record.label !== undefined) meta.label = String(record.label);
  if (record['tabled-by'] !== undefined) meta.tabledBy = String(record['tabled-by']);
  if (record.date !== undefined) {
    meta.date = String(record.date);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) {
      report('warning', 'front-matter-date', `date "${meta.date}" is not written YYYY-MM-DD`, offsetOf('date'));
    }
  }
  if (record.status !== undefined) {
    const status = String(record.status);
    if (!(DRAFT_STATUSES as readonly string[]).includes(status)) {
      report('error', 'front-matter-status', `status "${status}" is not one of ${DRAFT_STATUSES.join(', ')}`, offsetOf('status'));
    }
    meta.status = status as DraftStatus;
  }
  for (const [key, value] of Object.entries(record)) {
    if ((KEY_ORDER as readonly string[]).includes(key)) continue;
    (meta.extra ??= {})[key] = value;
  }
  return { meta, diagnostics };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
}

/** Canonical YAML for the meta: fixed key order, no folding of long lines. */
export function writeFrontMatter(meta: DraftMeta): string {
  const data: Record<string, unknown> = { parley: 1, title: meta.title, parties: meta.parties };
  if (meta.version !== undefined) data.version = meta.version;
  if (meta.label !== undefined) data.label = meta.label;
  if (meta.tabledBy !== undefined) data['tabled-by'] = meta.tabledBy;
  if (meta.date !== undefined) data.date = meta.date;
  if (meta.status !== undefined) data.status = meta.status;
  for (const [key, value] of Object.entries(meta.extra ?? {})) data[key] = value;
  return '---\n' + stringify(data, { lineWidth: 0 }) + '---\n';
}
