/**
 * A three-way comparison (compare/three-way.ts) as one self-contained HTML page, for circulation as the two-way
 * redline is (html-redline.ts, whose marks, lists and style it shares): a summary, then clause by clause what
 * each side did since the base. A clause one side changed shows that side's redline against the base; a
 * conflict sets the two sides' redlines side by side, then what stands between them, and, where the two changes
 * do not overlap, the text with both made. No script, no network; Word and LibreOffice open it too.
 */
import type { ThreeWayEntry, ThreeWayResult, ThreeWaySide } from '../compare/three-way.js';
import { THREE_WAY_STATUSES } from '../compare/three-way-status.js';
import { partsOrWhole } from '../compare/redline-parts.js';
import { escape, LEGEND, legalList, ops, STYLE } from './html-redline.js';
import { holdsBothWords, movedByWords, partHeading, THREE_WAY_STATUS_WORDS, TITLE_BLOCK } from './text-redline.js';
import { sideChangeNote } from './history-notes.js';

export interface HtmlThreeWayOptions {
  /** The instrument's title, heading the page. */
  title: string;
  /** Each version as the page names it in full ("v4 — Revised text — tabled by US, 2026-04-20"). */
  versions: { base: string; first: string; second: string };
  /** Each side's short name, heading its column ("v4"). */
  short: { first: string; second: string };
  /** Leave out the clauses neither side changed. */
  changedOnly?: boolean;
}

const THREE_WAY_STYLE = `
.badge.conflict{color:#b71c1c}.badge.first-only,.badge.second-only{color:#8a5300}.badge.both-same{color:#1b5e20}
.side,.between,.combined{font:600 .82rem system-ui,sans-serif;color:#444;margin:.5rem 0 .2rem}
.apart{font:normal .85rem system-ui,sans-serif;color:#1b5e20}
.clause.unchanged .text{color:#555}
#hide-unchanged:checked~.clause.unchanged{display:none}
`;

/** A side's redline against the base, with what it changed in law. */
function sideHtml(side: ThreeWaySide): string {
  const title = side.titleWords ? `<p class="title-change">Title: ${ops(side.titleWords, 'both')}</p>` : '';
  // A merge: each merged clause's text under a line naming it, as the two-way page heads the parts.
  const text = partsOrWhole(side).map((part) =>
    (part.head ? `<p class="part-head">${escape(partHeading(part.head))}</p>` : '') + `<div class="text">${ops(part.words, 'both')}</div>`).join('');
  return `${title}${legalList(side.legal)}${text}`;
}

function entryHtml(e: ThreeWayEntry, options: HtmlThreeWayOptions, front: boolean): string {
  const c = e.second ?? e.first ?? e.base!;
  const head = front ? TITLE_BLOCK : [c.label, c.title].filter(Boolean).join(' — ') || '(no heading)';
  const { first, second } = options.short;
  const apart = e.overlap === false
    ? ` <span class="apart">(${e.holdsBoth ? escape(holdsBothWords(e.holdsBoth, first, second)) : 'in different sentences or rows: both changes can stand'})</span>`
    : '';
  const moved = movedByWords(e.firstChange.moved === true, e.secondChange.moved === true, first, second);
  const badge = `<span class="badges">(<span class="badge ${e.status}">${THREE_WAY_STATUS_WORDS[e.status]}</span>${moved ? `, <span class="badge moved">${escape(moved)}</span>` : ''})</span>`;
  const parts = [`<h2>${escape(head)}${front ? '' : ` <span class="was">#${escape(e.id)}</span>`} ${badge}${apart}</h2>`];
  switch (e.status) {
    case 'unchanged':
      parts.push(`<div class="text">${escape(e.base?.text ?? '').replace(/\n/g, '<br>')}</div>`);
      break;
    case 'first-only':
      parts.push(`<p class="side">${escape(first)}: ${escape(sideChangeNote(e.firstChange))}</p>`, sideHtml(e.firstChange));
      break;
    case 'second-only':
      parts.push(`<p class="side">${escape(second)}: ${escape(sideChangeNote(e.secondChange))}</p>`, sideHtml(e.secondChange));
      break;
    case 'both-same':
      parts.push(`<p class="side">${escape(first)} and ${escape(second)}: ${escape(sideChangeNote(e.firstChange))}</p>`, sideHtml(e.firstChange));
      break;
    case 'conflict':
      // Facing each other as a table, as the two-way page sets old and new (Word and LibreOffice keep tables).
      parts.push(`<table class="pair" width="100%" cellpadding="6"><thead><tr><th width="50%">${escape(first)}: ${escape(sideChangeNote(e.firstChange))}</th>` +
        `<th width="50%">${escape(second)}: ${escape(sideChangeNote(e.secondChange))}</th></tr></thead>` +
        `<tbody><tr><td>${sideHtml(e.firstChange)}</td><td>${sideHtml(e.secondChange)}</td></tr></tbody></table>`);
      if (e.between) {
        parts.push(`<p class="between">${escape(first)} → ${escape(second)}:</p>${legalList(e.betweenLegal ?? [])}<div class="text">${ops(e.between, 'both')}</div>`);
      }
      if (e.combined) {
        const title = e.combined.title !== e.base?.title ? `<p class="title-change">Title: ${escape(e.combined.title)}</p>` : '';
        parts.push(`<p class="combined">Both changes together (${escape(first)} and ${escape(second)}, against the base):</p>${title}<div class="text">${ops(e.combined.words, 'both')}</div>`);
      }
      break;
  }
  return `<section class="clause ${e.status}">${parts.join('')}</section>`;
}

export function htmlThreeWay(result: ThreeWayResult, options: HtmlThreeWayOptions): string {
  const entries = result.entries.filter((e) => !options.changedOnly || e.status !== 'unchanged');
  const sections = [...(result.front ? [entryHtml(result.front, options, true)] : []), ...entries.map((e) => entryHtml(e, options, false))].join('\n');
  const summary = THREE_WAY_STATUSES.map((s) => `${result.summary[s]} ${s}`).join(', ');
  const toggle = options.changedOnly ? '' : '<input type="checkbox" id="hide-unchanged" class="toggles"><label for="hide-unchanged" class="toggles">Hide clauses neither side changed</label>';
  const { versions } = options;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(options.short.first)} and ${escape(options.short.second)} against the base — Parley three-way comparison</title><style>${STYLE}${THREE_WAY_STYLE}</style></head>
<body><header><h1>${escape(options.title)}</h1>
<p>base: ${escape(versions.base)}<br>first: ${escape(versions.first)}<br>second: ${escape(versions.second)}</p>
<p class="summary">${escape(summary)} (${result.entries.length} clause${result.entries.length === 1 ? '' : 's'})</p>
${LEGEND}</header>
<main>${toggle}
${sections}</main></body></html>
`;
}
