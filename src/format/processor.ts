/**
 * The one remark configuration Parley reads and writes drafts with. The stringify options are part of the
 * file format: changing them changes what canonical form is.
 *
 * GFM is deliberately not enabled: its autolink literals turn any "www." or "https://" in running text into a
 * link that remark-gfm does not escape on the way out, so text would not survive a round trip; tables and
 * footnotes are kept verbatim as text instead.
 */
import remarkDirective from 'remark-directive';
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
  return unified().use(remarkParse).use(remarkDirective).use(remarkStringify, STRINGIFY_OPTIONS).freeze();
}

/** A frozen processor; building one costs more than parsing a clause, so it is made once. */
export function markdownProcessor() {
  return (cached ??= build());
}
