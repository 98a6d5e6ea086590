/**
 * A comparison as one self-contained HTML page (no network, no script): a summary, switches to hide cosmetic
 * changes and unchanged clauses, then clause by clause,
 * inline (one redline) or side by side (old and new facing each other). Insertions are underlined and
 * deletions struck through, so the redline reads in print and without colour; text of a provision moved within
 * its clause is blue and doubly underlined (where it stands) or struck (where it stood), as Word shows a move.
 */
import type { ClauseChangeJson, ClauseRefJson, ComparisonJson, LegalChangeJson, StaleReferenceJson, TextStyleJson, WordOpJson } from '../compare/contract.js';
import { newTextOffsets, staleMarks } from './stale-marks.js';
import { isShownOn, tableLayout, type RedlinePiece, type RedlineSide } from './redline-layout.js';
import { holdsText, sideBySideRows } from './facing-lines.js';
import { redlineParts, type RedlinePart } from '../compare/redline-parts.js';
import { wasHeading, allCosmetic, directionNote, gatheredLegal, isCosmeticOnly, isNotable, notableProvisions, proposedNote, refHeading, partHeading, rowNote, staleNote, summaryLine, timesNote, withFront, WORDING_ONLY, MOVED_IN_PARAGRAPH, type DraftNames } from './text-redline.js';

export type HtmlLayout = 'inline' | 'side-by-side';

export interface HtmlRedlineOptions {
  layout?: HtmlLayout;
  changedOnly?: boolean;
  /** Open with "Hide cosmetic changes" switched on (the reader can switch it off). */
  hideCosmetic?: boolean;
  /** What to call a draft that has no label of its own (a file from outside: its file name). */
  names?: DraftNames;
  /**
   * The instrument's title heading the page (instrumentTitle): '' where neither draft has one of its own, and the
   * page is headed by the two drafts' names. Default: the title the comparison gives.
   */
  title?: string;
}

export const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function heading(ref: ClauseRefJson): string {
  return escape(refHeading(ref));
}

/** How each style is set, for a change of formatting. */
const STYLE_TAGS: Record<TextStyleJson, (html: string) => string> = {
  plain: (html) => html,
  italic: (html) => `<i>${html}</i>`,
  bold: (html) => `<b>${html}</b>`,
  'bold italic': (html) => `<b><i>${html}</i></b>`,
};

/**
 * The redline of one side or both; the stale references of the change, given, are marked where they stand (in
 * equal text, or in a paragraph moved within the clause). Lines that are the rows of a pipe table (a schedule in
 * an annex) are set out as a table, each cell with its own changes (redline-layout.ts).
 */
export function ops(words: readonly WordOpJson[], keep: RedlineSide, stale?: readonly StaleReferenceJson[], newOffset = 0): string {
  const offsets = stale ? newTextOffsets(words, newOffset) : [];
  const blocks = tableLayout(words, keep, offsets);
  // No table: each op as a whole, its line breaks inside its marks.
  if (!blocks) return words.map((op, k) => (isShownOn(op, keep) ? opHtml({ op, text: op.text, offset: offsets[k] ?? 0 }, stale) : '')).join('').replace(/\n/g, '<br>');
  const pieces = (list: readonly RedlinePiece[]) => list.map((piece) => opHtml(piece, stale)).join('');
  return blocks.map((block) => (block.kind === 'lines'
    ? block.lines.map(pieces).join('<br>')
    : `<table class="pipe-table" border="1" cellpadding="4">${block.rows.map((row) => {
      const tag = row.header ? 'th' : 'td';
      return `<tr>${row.cells.map((cell) => `<${tag}>${pieces(cell)}</${tag}>`).join('')}</tr>`;
    }).join('')}</table>`)).join('');
}

/** One piece of an op, marked as the op is: inserted, deleted, moved, cosmetic, restyled, or a stale reference. */
function opHtml(piece: RedlinePiece, stale?: readonly StaleReferenceJson[]): string {
  const { op: w, text } = piece;
  const cls = w.moved ? ` class="moved" title="${w.op === 'delete' ? 'Moved from here' : 'Moved here'}"` : w.cosmetic ? ' class="cosmetic"' : '';
  // Stale references stand in text the new draft kept: equal runs, paragraphs moved within the clause, and
  // numbers renumbered with the drafts.
  const marked = () => staleMarks(text, stale, piece.offset).map((part) => (part.stale
    ? `<mark class="stale-ref" title="${escape(staleNote(part.stale))}">${escape(part.text)}</mark>`
    : escape(part.text))).join('');
  if (w.op === 'equal') return marked();
  // A change of formatting shows each side in its style, and says which in its title.
  const styled = (html: string) => (w.style ? STYLE_TAGS[w.style](html) : html);
  const title = w.style ? ` title="Formatting: ${w.op === 'delete' ? 'was' : 'now'} ${w.style}"` : '';
  if (w.op === 'delete') return `<del${cls}${title}>${styled(escape(text))}</del>`;
  // A reference renumbered with its article but not its paragraph runs into a cosmetic insert, and one changed but
  // not to where its clause went into a plain one ("Paragraph [-9-]{+8+}"): mark it there too.
  return `<ins${cls}${title}>${styled(marked())}</ins>`;
}

/**
 * What happened to the clause, in parentheses and with commas, as the text redline writes it: the page is also
 * opened in Word and LibreOffice, which drop most of the style sheet, and there "Purpose edited renumbered"
 * would run into the title.
 */
function badges(change: ClauseChangeJson): string {
  // As the text redline heads it: an edit whose changes are all cosmetic says so.
  const list = [change.kind, isCosmeticOnly(change) ? 'cosmetic only' : '', change.moved ? 'moved' : '', change.renumbered ? 'renumbered' : ''].filter(Boolean);
  return `<span class="badges">(${list.map((b) => `<span class="badge ${b.replace(' ', '-')}">${b}</span>`).join(', ')})</span>`;
}

function legal(change: ClauseChangeJson): string {
  return legalList(change.legal);
}

/** What changed in law, as a list (nothing where nothing did). */
export function legalList(items: readonly LegalChangeJson[]): string {
  if (!items.length) return '';
  const rows = gatheredLegal(items).map(({ item: l, times }) =>
    `<li><b>${escape(l.type)}</b>: ${l.old === null ? '—' : `<del>${escape(l.old)}</del>`} → ${l.new === null ? '—' : `<ins>${escape(l.new)}</ins>`}` +
    `${l.row ? ` <span class="row">(${escape(rowNote(l))})</span>` : ''}` +
    `${l.proposedBy ? ` <span class="by">(${escape(proposedNote(l))})</span>` : ''}` +
    `${directionNote(l) ? ` <span class="dir ${directionNote(l)}">(${directionNote(l)})</span>` : ''}${l.cosmetic ? ` <i>(${WORDING_ONLY})</i>` : ''}${l.moved ? ` <i>(${MOVED_IN_PARAGRAPH})</i>` : ''}${timesNote(times)}</li>`).join('');
  return `<ul class="legal">${rows}</ul>`;
}

function stale(change: ClauseChangeJson): string {
  if (!change.staleReferences?.length) return '';
  return `<ul class="stale">${change.staleReferences.map((s) => `<li><b>stale reference</b>: ${escape(staleNote(s))}</li>`).join('')}</ul>`;
}

/**
 * Old and new facing each other, as a table rather than a CSS grid: Word and LibreOffice lay out a table in two
 * columns but stack a grid's cells, which left a reader of the circulated page two unlabelled copies of the
 * clause one under the other. The header row names the drafts, since the page is long and read from the middle.
 */
function sideBySide(change: ClauseChangeJson, sides: Sides): string {
  // A split's or merge's further parts each under a row that names the clause it begins (redline-parts.ts).
  const rows = redlineParts(change, change.words).map((part) => (part.head ? `<tr class="part"><td colspan="2">${partHead(part.head)}</td></tr>` : '') +
    facingTableRows(part.words, change.staleReferences, part.newOffset)).join('');
  return `<table class="pair" width="100%" cellpadding="6"><thead><tr><th width="50%">${sides.old}</th><th width="50%">${sides.new}</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`;
}

/** The heading of a further part of a split or merge, set as the clause headings are, in small. */
function partHead(head: NonNullable<RedlinePart['head']>): string {
  return `<span class="part-head">${escape(partHeading(head))}</span>`;
}

/**
 * The rows of the side-by-side table: each paragraph opposite the one it became, an empty cell opposite one put
 * in or struck out (facing-lines.ts). A redline holding a pipe table (a schedule) stays one row: its tables are
 * set out inside the two cells, row by row of their own.
 */
function facingTableRows(words: readonly WordOpJson[], stale?: readonly StaleReferenceJson[], newOffset = 0): string {
  const rows = sideBySideRows(words, newOffset);
  if (!rows) return `<tr><td class="text old">${ops(words, 'old')}</td><td class="text new">${ops(words, 'new', stale, newOffset)}</td></tr>`;
  const cell = (lines: readonly RedlinePiece[][], side: 'old' | 'new') => {
    const html = lines.map((line) => line.map((piece) => opHtml(piece, side === 'new' ? stale : undefined)).join('')).join('<br>');
    return `<td class="text ${side}${holdsText(lines) ? '' : ' gap'}">${html}</td>`;
  };
  return rows.map((row) => `<tr>${cell(row.old, 'old')}${cell(row.new, 'new')}</tr>`).join('');
}

/** The two drafts' names, escaped, as the side-by-side columns are headed. */
interface Sides { old: string; new: string }

function clause(change: ClauseChangeJson, layout: HtmlLayout, sides: Sides): string {
  const title = change.new.length ? change.new.map(heading).join(' + ') : change.old.map(heading).join(' + ');
  const before = wasHeading(change);
  const was = before ? ` <span class="was">(was ${escape(before)})</span>` : '';
  const head = `<h2>${title}${was} ${badges(change)}</h2>`;
  const titleRedline = change.titleWords ? `<p class="title-change">Title: ${ops(change.titleWords, 'both')}</p>` : '';
  const body = layout === 'inline'
    ? redlineParts(change, change.words).map((part) => (part.head ? `<p class="part">${partHead(part.head)}</p>` : '') +
      `<div class="text">${ops(part.words, 'both', change.staleReferences, part.newOffset)}</div>`).join('')
    : sideBySide(change, sides);
  const notes = notableProvisions(change);
  const provisions = notes.length ? `<p class="provisions">Provisions: ${escape(notes.join('; '))}</p>` : '';
  // "notable": what --changed-only keeps (an unchanged clause with a stale reference is); the reader's "hide
  // unchanged clauses" hides the rest.
  const classes = `clause ${change.kind}${isNotable(change) ? ' notable' : ''}${isCosmeticOnly(change) ? ' cosmetic-only' : ''}`;
  return `<section class="${classes}" id="c-${escape((change.new[0] ?? change.old[0])!.id)}">${head}${titleRedline}${legal(change)}${stale(change)}${provisions}${body}</section>`;
}

export const STYLE = `
body{font:16px/1.5 Georgia,"Times New Roman",serif;color:#1b1b1b;margin:0 auto;max-width:72rem;padding:1.5rem}
header{border-bottom:2px solid #333;margin-bottom:1rem}h1{font-size:1.3rem;margin:.2rem 0}
.summary,.legend{font-family:system-ui,sans-serif;font-size:.9rem;color:#333}
.clause{border-top:1px solid #ddd;padding:.6rem 0}.clause h2{font-size:1.05rem;margin:.2rem 0}
.was{font-weight:normal;color:#555;font-size:.9rem}
.part{margin:.5rem 0 .2rem}.part td{padding-top:.4rem}.part-head{font:600 .85rem system-ui,sans-serif;color:#444;border-bottom:1px solid #ccc}
.badges{font:600 .78rem system-ui,sans-serif;color:#555}.badge{text-transform:uppercase;letter-spacing:.02em}
.badge.edited{color:#8a5300}.badge.inserted{color:#1b5e20}.badge.deleted{color:#b71c1c}
.pair{width:100%;border-collapse:collapse;table-layout:fixed}.pair td,.pair th{vertical-align:top;text-align:left;padding:0 .75rem 0 0}.pair td+td,.pair th+th{padding:0 0 0 .75rem}
.pair td,.pair td+td{padding-bottom:.3rem}.pair th{font:600 .72rem system-ui,sans-serif;color:#666;padding-bottom:.2rem}.text{white-space:normal}
.pipe-table{border-collapse:collapse;margin:.3rem 0}.pipe-table td,.pipe-table th,.pipe-table td+td,.pipe-table th+th{border:1px solid #bbb;padding:.1rem .45rem;text-align:left;vertical-align:top;font:inherit;color:inherit}.pipe-table th{font-weight:600;background:#f2f2f2}
ins{color:#1b5e20;background:#e8f5e9;text-decoration:underline}del{color:#b71c1c;background:#ffebee;text-decoration:line-through}del+ins{margin-left:3px}
ins.cosmetic,del.cosmetic{background:none;color:inherit;text-decoration-style:dotted}
ins.moved,del.moved{color:#0d47a1;background:#e3f2fd;text-decoration-style:double}
.legal,.stale{font-family:system-ui,sans-serif;font-size:.85rem;margin:.2rem 0 .4rem;padding-left:1.2rem}
.stale{color:#8a4b00}mark.stale-ref{background:#fde8d7;color:inherit;border-bottom:2px solid #e0a36f}
.provisions{font-family:system-ui,sans-serif;font-size:.85rem;color:#333;margin:.2rem 0 .4rem}
.dir.weaker{color:#b71c1c}.dir.stronger{color:#1b5e20}.dir.reversed{color:#b71c1c;font-weight:bold}.legal .by{color:#555}
.clause.unchanged .text{color:#555}
.toggles{font-family:system-ui,sans-serif;font-size:.85rem;color:#333;vertical-align:middle}input.toggles{margin:.6rem .35rem .2rem 0}label.toggles{margin-right:1.4rem}
#hide-cosmetic:checked~.clause ins.cosmetic,#hide-cosmetic:checked~.clause del.cosmetic{text-decoration:none}
#hide-cosmetic:checked~.clause .text:not(.old) del.cosmetic,#hide-cosmetic:checked~.clause.cosmetic-only{display:none}
#hide-unchanged:checked~.clause:not(.notable){display:none}
@media print{ins,del{background:none}.toggles{display:none}}
`;

/**
 * The reader's switches, without script (the page allows none): each checkbox opens <main> (inside it, so that all
 * the page's content stands in a landmark), and its checked state reaches the clauses after it through the sibling
 * combinator. Hiding cosmetic changes shows them as plain text in
 * the new draft's wording (struck cosmetic text is dropped where old and new share a column), and hides the
 * clauses in which nothing else changed (isCosmeticOnly), as the app does.
 */
function toggles(changedOnly: boolean, hideCosmetic: boolean): string {
  const toggle = (id: string, text: string, checked: boolean) =>
    `<input type="checkbox" id="${id}" class="toggles"${checked ? ' checked' : ''}><label for="${id}" class="toggles">${text}</label>`;
  // The space keeps the two labels apart where the checkboxes and their margins are dropped (Word, LibreOffice).
  return toggle('hide-cosmetic', 'Hide cosmetic changes', hideCosmetic) + (changedOnly ? '' : ' ' + toggle('hide-unchanged', 'Hide unchanged clauses', false));
}

/** The marks a redline page uses, shown at its head. */
export const LEGEND = '<p class="legend">Marks: <ins>inserted</ins> <del>deleted</del> <del class="moved">moved from here</del> <ins class="moved">moved here</ins> ' +
  '<ins class="cosmetic">cosmetic</ins> (spacing, punctuation, case, British or American spelling, formatting, renumbering)</p>';

export function htmlRedline(c: ComparisonJson, options: HtmlRedlineOptions = {}): string {
  const layout = options.layout ?? 'side-by-side';
  const sides: Sides = { old: escape(c.old.label || options.names?.old || 'old'), new: escape(c.new.label || options.names?.new || 'new') };
  const sections = withFront(c)
    .filter((change) => !options.changedOnly || isNotable(change))
    .map((change) => clause(change, layout, sides)).join('\n');
  const title = `${sides.old} → ${sides.new}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title} — Parley comparison</title><style>${STYLE}</style></head>
<body><header><h1>${c.titleWords && !allCosmetic(c.titleWords) ? ops(c.titleWords, 'both') : escape(options.title ?? (c.new.title || c.old.title)) || title}</h1><p>${title}</p>
<p class="summary">${escape(summaryLine(c))}</p>
${LEGEND}</header>
<main>${toggles(options.changedOnly ?? false, options.hideCosmetic ?? false)}
${sections}</main></body></html>
`;
}
