/**
 * The one remark configuration Parley reads and writes drafts with. The stringify options are part of the
 * file format: changing them changes what canonical form is.
 */
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import type { Options } from 'remark-stringify';
import { unified } from 'unified';

export const STRINGIFY_OPTIONS: Options = {
  bullet: '-',
  bulletOther: '*',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  incrementListMarker: true,
  setext: false,
  closeAtx: false,
  resourceLink: false,
  tightDefinitions: false,
};

let cached: ReturnType<typeof build> | undefined;

function build() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkStringify, STRINGIFY_OPTIONS).freeze();
}

/** A frozen processor; building one costs more than parsing a clause, so it is made once. */
export function markdownProcessor() {
  return (cached ??= build());
}
