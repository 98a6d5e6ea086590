/**
 * The obligation lexicon: which words bind, and how strongly. Documented for legal staff in
 * docs/legal-lexicon.md; keep the two in step.
 *
 * Ranks (higher binds more):
 *   4  binding           shall, must, agree to, undertake to, commit to, are required / obliged / bound to
 *   3  firm intention     will, are to, have decided to / decide to
 *   2  best efforts       should, intend to, are intended to, plan to, endeavour / endeavor to, seek to,
 *                         aim to, strive to, use best efforts to, make every effort to, are expected to,
 *                         are requested / urged / called upon to
 *   1.5 reasonable efforts use (all / commercially) reasonable efforts to, make every reasonable effort to
 *   1  permission         may, can, are encouraged to, are invited to, are free to, are entitled to, have the
 *                         right to, need not, are not required to
 *
 * Negative forms rank the strength of the prohibition, on their own scale:
 *   4  shall not, must not, may not (a withdrawn permission: the drafting convention for a prohibition),
 *      agree / undertake / commit not to, refrain from (after a modal: the modal's rank, "will refrain from" = 3)
 *   3  will not, are not to, cannot
 *   2  should not, intend not to, do not intend to, are not intended to, endeavour / seek not to
 * "need not" and "are not required to" are not prohibitions: they lift an obligation, so they are positive
 * permissions (rank 1): "shall provide" → "need not provide" is a weakening.
 *
 * Qualified forms: an obligation followed by a hedge — "shall, to the extent possible,", "will, as
 * appropriate,", "shall where practicable" — ranks half a step below its bare form, so that
 * "shall" → "shall, to the extent possible," reads as weaker, yet stronger than "will".
 * Compounds: a modal followed by an effort verb ("shall endeavour to", "will seek to") ranks as its weakest
 * part: the effort verb governs what is owed.
 * Verb forms are folded to a lemma ("intends to" = "intend to"), so that a change of grammatical number is
 * not reported as a change of obligation.
 * The instrument's legal force ("legally binding", "not legally binding", "does not create legally binding …") is
 * read too, as a kind of its own (`status`), with no rank.
 * Reservations and hedges standing apart from the modal (at the end of the sentence, or before the subject: "To
 * the extent possible, the Parties shall ...") are items of their own (`reservation`), with no rank: put in, the
 * obligation is weaker; taken out, stronger (legal.ts).
 * Not covered: "is to" (too often "the purpose ... is to"), and the month "May" (excluded when a number follows).
 */

export type Polarity = 'positive' | 'negative';

export interface ObligationAtom {
  /** Canonical form, the lemma that the comparison uses. */
  lemma: string;
  /** Regular expression source; a space stands for any run of whitespace. */
  pattern: string;
  rank: number;
  polarity: Polarity;
  /**
   * A statement of the instrument's legal force ("legally binding", "not legally binding"), not a duty: read
   * as an item of its own kind, never compounded with a modal nor paired with one, with no strength.
   */
  status?: true;
  /**
   * A reservation of a party's own law or purse, or a hedge leaving the extent to the party, standing apart from
   * the modal it qualifies ("The Participants will cooperate on research, subject to their respective laws", "…,
   * as appropriate"): read as an item of its own kind, never compounded, with no rank. Put in, it weakens the
   * obligation of its sentence; taken out, it strengthens it (legal.ts says so). Right after a modal it is a hedge
   * of that modal instead (QUALIFIERS).
   */
  reservation?: true;
  /**
   * Words of which every match holds one, where the first words are too common to tell where to look
   * (legal-window.ts looks for obligations only around a change near one of these): "accordance" of "in
   * accordance with its laws", "appropriate" and "possible" of "where appropriate / possible".
   */
  anchors?: readonly string[];
  /**
   * An exception ("except in", "unless"): the item's text runs on to the end of its phrase, which says what is
   * excepted ("except in emergencies"), to the next comma, semicolon, colon, full stop or square bracket (a
   * negotiating text's alternatives) or the line's end, at most EXCEPTION_REACH characters. Only its words are
   * compared (the lemma): the same exception reworded is the redline's to show.
   */
  phrase?: true;
}

/** How far an exception's text may run after its words: "unless otherwise decided by the Conference of the Parties
 * serving as the meeting of the Parties to this Agreement" whole. */
export const EXCEPTION_REACH = 160;

/**
 * The hedges and reservations read both right after a modal (QUALIFIERS: "shall, subject to its laws,") and standing
 * apart from it (the lexicon's `reservation` entries: "…, subject to their respective laws."): one pattern each.
 */
const TO_THE_EXTENT = 'to the (?:maximum |fullest )?extent (?:possible|practicable|feasible|appropriate|permitted)';
const IN_ACCORDANCE_WITH_LAW = 'in accordance with (?:its|their) (?:respective )?(?:domestic |national )?(?:laws?|legislation)(?: and regulations)?';
const SUBJECT_TO_LAW = 'subject to (?:its|their) (?:respective )?(?:domestic |national )?(?:laws?|legislation)(?: and regulations)?';
const SUBJECT_TO_FUNDS = 'subject to (?:the )?(?:availability of )?(?:available |appropriated )?(?:funds|resources|appropriations)';

const BE = '(?:is|are|be|am)';
// Verb endings: -s, -d (agreed, decided), -ed (intended).
const S = (verb: string) => `${verb}(?:s|d|ed)?`;

/** Longest forms first within each group, so that "shall not" wins over "shall". */
export const OBLIGATION_LEXICON: readonly ObligationAtom[] = [
  // The instrument's legal force: what a memorandum says of itself ("This Memorandum is not legally binding").
  // First, so that "does not create legally binding" is read whole, not as "does"… and "shall not".
  { lemma: 'not legally binding', pattern: '(?:(?:(?:does|do|did|will|shall) not|(?:is|are) not intended to) (?:create|establish|give rise to|constitute) (?:any |an? )?legally binding|not legally binding|legally non-binding|non-binding|nonbinding)', rank: 0, polarity: 'negative', status: true },
  { lemma: 'legally binding', pattern: 'legally binding', rank: 0, polarity: 'positive', status: true },
  // Negative: the prohibitions and their weaker relatives. "Shall not be required to" lifts an obligation
  // (see "need not"); "never" after a modal is "not" (the same lemma: not reported as a change).
  { lemma: 'are not required to', pattern: '(?:shall|will|must) not be (?:required|obliged|obligated) to', rank: 1, polarity: 'positive' },
  { lemma: 'shall not', pattern: 'shall never', rank: 4, polarity: 'negative' },
  { lemma: 'must not', pattern: 'must never', rank: 4, polarity: 'negative' },
  { lemma: 'may not', pattern: 'may never', rank: 4, polarity: 'negative' },
  { lemma: 'will not', pattern: 'will never', rank: 3, polarity: 'negative' },
  { lemma: 'shall not', pattern: "(?:shall not|shan't)", rank: 4, polarity: 'negative' },
  { lemma: 'must not', pattern: "(?:must not|mustn't)", rank: 4, polarity: 'negative' },
  { lemma: 'may not', pattern: 'may not', rank: 4, polarity: 'negative' },
  { lemma: 'agree not to', pattern: `${S('agree')} not to`, rank: 4, polarity: 'negative' },
  { lemma: 'undertake not to', pattern: '(?:undertakes?|undertook) not to', rank: 4, polarity: 'negative' },
  { lemma: 'commit not to', pattern: `${S('commit')} not to`, rank: 4, polarity: 'negative' },
  { lemma: 'need not', pattern: 'need not', rank: 1, polarity: 'positive' },
  { lemma: 'are not required to', pattern: `${BE} not (?:required|obliged|obligated) to`, rank: 1, polarity: 'positive' },
  { lemma: 'will not', pattern: "(?:will not|won't)", rank: 3, polarity: 'negative' },
  { lemma: 'are not to', pattern: 'are not to', rank: 3, polarity: 'negative' },
  { lemma: 'cannot', pattern: "(?:cannot|can not|can't)", rank: 3, polarity: 'negative' },
  // The passive forms, with the thing forbidden for subject ("Export bans are prohibited"), "shall be prohibited"
  // read as "shall" and "be prohibited", a compound.
  { lemma: 'are not permitted to', pattern: `${BE} not (?:permitted|allowed|authorised|authorized) to`, rank: 4, polarity: 'negative' },
  { lemma: 'are prohibited', pattern: `${BE} (?:prohibited|forbidden)`, rank: 4, polarity: 'negative' },
  { lemma: 'should not', pattern: "(?:should not|shouldn't)", rank: 2, polarity: 'negative' },
  { lemma: 'are discouraged', pattern: `${BE} discouraged`, rank: 2, polarity: 'negative' },
  { lemma: 'intend not to', pattern: `${S('intend')} not to`, rank: 2, polarity: 'negative' },
  { lemma: 'do not intend to', pattern: "(?:do|does|did)(?: not|n't) intend to", rank: 2, polarity: 'negative' },
  { lemma: 'are not intended to', pattern: `${BE} not intended to`, rank: 2, polarity: 'negative' },
  { lemma: 'endeavour not to', pattern: `${S('endeavou?r')} not to`, rank: 2, polarity: 'negative' },
  { lemma: 'seek not to', pattern: '(?:seeks?|sought) not to', rank: 2, polarity: 'negative' },
  // "Refrain from" is how treaties often write a prohibition: after a modal it takes the modal's rank
  // ("shall refrain from" = "shall not", "will refrain from" = "will not"; see Compounds).
  { lemma: 'refrain from', pattern: '(?:refrains?|refrained) from', rank: 4, polarity: 'negative' },
  // Positive, binding.
  { lemma: 'shall', pattern: 'shall', rank: 4, polarity: 'positive' },
  { lemma: 'must', pattern: 'must', rank: 4, polarity: 'positive' },
  { lemma: 'agree to', pattern: `${S('agree')} to`, rank: 4, polarity: 'positive' },
  { lemma: 'undertake to', pattern: '(?:undertakes?|undertook) to', rank: 4, polarity: 'positive' },
  { lemma: 'commit to', pattern: `${S('commit')}(?:ted)? to`, rank: 4, polarity: 'positive' },
  { lemma: 'are required to', pattern: `${BE} (?:required|obliged|obligated|bound) to`, rank: 4, polarity: 'positive' },
  // Firm intention.
  { lemma: 'will', pattern: 'will', rank: 3, polarity: 'positive' },
  { lemma: 'are to', pattern: 'are to', rank: 3, polarity: 'positive' },
  { lemma: 'decide to', pattern: `(?:(?:have|has) )?${S('decide')} to`, rank: 3, polarity: 'positive' },
  // Best efforts and intentions.
  { lemma: 'should', pattern: 'should', rank: 2, polarity: 'positive' },
  { lemma: 'are intended to', pattern: `${BE} intended to`, rank: 2, polarity: 'positive' },
  { lemma: 'intend to', pattern: `${S('intend')} to`, rank: 2, polarity: 'positive' },
  { lemma: 'plan to', pattern: '(?:plans?|planned) to', rank: 2, polarity: 'positive' },
  { lemma: 'endeavour to', pattern: `${S('endeavou?r')} to`, rank: 2, polarity: 'positive' },
  { lemma: 'seek to', pattern: '(?:seeks?|sought) to', rank: 2, polarity: 'positive' },
  { lemma: 'aim to', pattern: `${S('aim')} to`, rank: 2, polarity: 'positive' },
  { lemma: 'strive to', pattern: '(?:strives?|strove|striven) to', rank: 2, polarity: 'positive' },
  { lemma: 'use best efforts to', pattern: '(?:uses?|used) (?:their |its )?(?:best|utmost) efforts to', rank: 2, polarity: 'positive' },
  { lemma: 'make every effort to', pattern: '(?:makes?|made) every effort to', rank: 2, polarity: 'positive' },
  // A commitment to weigh a step, not to take it: "will consider establishing", "will explore the possibility of".
  // Only with what is weighed, from a closed list (the finder windows must know every word an atom may hold;
  // "consider that …" states a view).
  { lemma: 'consider', pattern: `${S('(?:consider|explore)')} (?:the (?:possibility|feasibility) of|establishing|creating|developing|adopting|setting up|launching|extending|expanding|introducing|joining|providing|holding)`, rank: 2, polarity: 'positive' },
  // The lesser standard of effort, half a step below best efforts as a hedge would put it: "best efforts" →
  // "reasonable efforts" is what a negotiator concedes in those words.
  { lemma: 'use reasonable efforts to', pattern: '(?:uses?|used) (?:their |its )?(?:all )?(?:commercially )?reasonable efforts to', rank: 1.5, polarity: 'positive' },
  { lemma: 'use reasonable efforts to', pattern: '(?:makes?|made) (?:every|all) reasonable efforts? to', rank: 1.5, polarity: 'positive' },
  { lemma: 'are expected to', pattern: `${BE} expected to`, rank: 2, polarity: 'positive' },
  // The exhortations of conference decisions and negotiating texts ("Parties are urged to", "are invited to").
  { lemma: 'are requested to', pattern: `${BE} requested to`, rank: 2, polarity: 'positive' },
  { lemma: 'are urged to', pattern: `${BE} urged to`, rank: 2, polarity: 'positive' },
  { lemma: 'are called upon to', pattern: `${BE} called (?:up)?on to`, rank: 2, polarity: 'positive' },
  // Permission.
  { lemma: 'are encouraged to', pattern: `${BE} encouraged to`, rank: 1, polarity: 'positive' },
  { lemma: 'are permitted to', pattern: `${BE} (?:permitted|allowed|authorised|authorized) to`, rank: 1, polarity: 'positive' },
  { lemma: 'are invited to', pattern: `${BE} invited to`, rank: 1, polarity: 'positive' },
  { lemma: 'are free to', pattern: `${BE} free to`, rank: 1, polarity: 'positive' },
  { lemma: 'are entitled to', pattern: `${BE} entitled to`, rank: 1, polarity: 'positive' },
  { lemma: 'have the right to', pattern: '(?:has|have|had) the right to', rank: 1, polarity: 'positive' },
  { lemma: 'may', pattern: 'may(?! \\d)', rank: 1, polarity: 'positive' },
  { lemma: 'can', pattern: 'can', rank: 1, polarity: 'positive' },
  // Reservations standing apart from the modal (see `reservation`): those of the QUALIFIERS below that name a
  // party's law or purse, and the hedges that leave the extent to the party. Not "within its competence"
  // standing apart: as often the scope of what follows ("in matters within their competence, shall exercise") as
  // a reservation; nor "where / as necessary" (a condition of what follows) or "in principle" ("agreement in
  // principle").
  { lemma: 'to the extent possible', pattern: TO_THE_EXTENT, rank: 0, polarity: 'positive', reservation: true, anchors: ['extent'] },
  // "as possible / practicable" alone is the end of a comparison ("as close to real time as practicable").
  { lemma: 'where appropriate', pattern: '(?:(?:where|if|when) (?:appropriate|possible|practicable|feasible)|as appropriate)', rank: 0, polarity: 'positive', reservation: true, anchors: ['appropriate', 'possible', 'practicable', 'feasible'] },
  { lemma: 'as far as possible', pattern: 'as far as (?:possible|practicable)', rank: 0, polarity: 'positive', reservation: true, anchors: ['possible', 'practicable'] },
  // Read whole, so that its "as practicable" is not read as the hedge above.
  { lemma: 'as soon as possible', pattern: 'as soon as (?:possible|practicable|feasible)', rank: 0, polarity: 'positive', reservation: true, anchors: ['possible', 'practicable', 'feasible'] },
  { lemma: 'in accordance with its laws', pattern: IN_ACCORDANCE_WITH_LAW, rank: 0, polarity: 'positive', reservation: true, anchors: ['accordance'] },
  { lemma: 'subject to its laws', pattern: SUBJECT_TO_LAW, rank: 0, polarity: 'positive', reservation: true },
  { lemma: 'subject to available funds', pattern: SUBJECT_TO_FUNDS, rank: 0, polarity: 'positive', reservation: true },
  // Exceptions and provisos, which narrow what their sentence requires or forbids: "will not impose export bans,
  // except in emergencies", "will meet twice a year, unless the Participants decide otherwise", "…, provided that
  // the other Participant agrees". Not "except" alone ("all minerals except coal" names what a list leaves out).
  { lemma: 'except', pattern: '(?:except|save)(?: (?:in|for|where|when|if|as|that|insofar as)| to the extent)', rank: 0, polarity: 'positive', reservation: true, phrase: true },
  { lemma: 'unless', pattern: 'unless', rank: 0, polarity: 'positive', reservation: true, phrase: true },
  // A proviso, which makes its sentence hold only on a condition.
  { lemma: 'provided that', pattern: '(?:provided(?: always)?|on (?:the )?condition) that', rank: 0, polarity: 'positive', reservation: true, phrase: true },
];

/** Hedges that, right after an obligation, weaken it by half a rank. */
export const OBLIGATION_QUALIFIERS: readonly string[] = [
  TO_THE_EXTENT,
  'where (?:appropriate|possible|practicable|feasible|necessary)',
  'as (?:appropriate|necessary|far as possible|far as practicable)',
  'if (?:possible|appropriate)',
  'when (?:possible|appropriate)',
  'in principle',
  // Reservations of the parties' own law and powers, as memoranda write them.
  'within (?:its|their) (?:respective )?(?:competences?|powers|means)',
  IN_ACCORDANCE_WITH_LAW,
  SUBJECT_TO_LAW,
  SUBJECT_TO_FUNDS,
];

/** How much a hedge lowers the rank of the obligation it follows. */
export const QUALIFIED_RANK_STEP = 0.5;
