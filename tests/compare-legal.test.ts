import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { legalChanges, type LegalChange } from '../src/compare/legal.js';
import { OBLIGATION_LEXICON } from '../src/compare/obligation-lexicon.js';
import { diffWords } from '../src/compare/words.js';
import { corpus, corpusSkipReason } from './support/corpus.js';

/** The reader's view of a change: type, words before and after, direction (or 'reversed'). */
const brief = (changes: LegalChange[]) =>
  changes.map((c) => [c.type, c.old, c.new, ...(c.direction ? [c.direction] : []), ...(c.reversed ? ['reversed'] : []), ...(c.cosmetic ? ['cosmetic'] : [])]);

describe('public API', () => {
  it('exposes legalChanges and the lexicon', () => {
    expect(typeof legalChanges).toBe('function');
    expect(OBLIGATION_LEXICON.length).toBeGreaterThan(20);
  });
});

describe('obligations', () => {
  it('shall → should is weaker; should → must is stronger; shall → must is the same strength', () => {
    expect(brief(legalChanges('The Parties shall notify.', 'The Parties should notify.'))).toEqual([['obligation', 'shall', 'should', 'weaker']]);
    expect(brief(legalChanges('The Parties should notify.', 'The Parties must notify.'))).toEqual([['obligation', 'should', 'must', 'stronger']]);
    expect(brief(legalChanges('The Parties shall notify.', 'The Parties must notify.'))).toEqual([['obligation', 'shall', 'must', 'same']]);
  });

  it('ranks the intention and permission forms', () => {
    expect(brief(legalChanges('Each Participant will cooperate.', 'Each Participant intends to cooperate.'))).toEqual([['obligation', 'will', 'intends to', 'weaker']]);
    expect(brief(legalChanges('Each Participant may cooperate.', 'Each Participant endeavours to cooperate.'))).toEqual([['obligation', 'may', 'endeavours to', 'stronger']]);
    expect(brief(legalChanges('They agree to cooperate.', 'They seek to cooperate.'))).toEqual([['obligation', 'agree to', 'seek to', 'weaker']]);
    // The exhortations of negotiating texts: invited (as encouraged) < requested, urged, called upon (as should).
    // The Paris co-chairs' text of October 2015 "invited" Parties to formulate long-term strategies; the
    // Agreement says they "should strive to".
    expect(brief(legalChanges('Parties are invited to formulate strategies.', 'All Parties should strive to formulate strategies.')))
      .toEqual([['obligation', 'are invited to', 'should strive to', 'stronger']]);
    expect(brief(legalChanges('Parties are urged to report.', 'Parties are invited to report.'))).toEqual([['obligation', 'are urged to', 'are invited to', 'weaker']]);
    expect(brief(legalChanges('Parties are requested to report.', 'Parties are called upon to report.'))).toEqual([['obligation', 'are requested to', 'are called upon to', 'same']]);
    expect(brief(legalChanges('Parties are invited to report.', 'Parties are encouraged to report.'))).toEqual([['obligation', 'are invited to', 'are encouraged to', 'same']]);
  });

  it('handles negation: shall not → will not weakens the prohibition; shall → shall not reverses', () => {
    expect(brief(legalChanges('Neither Participant shall not impose bans.', 'Neither Participant will not impose bans.'))).toEqual([['obligation', 'shall not', 'will not', 'weaker']]);
    expect(brief(legalChanges('The Parties should not impose bans.', 'The Parties must not impose bans.'))).toEqual([['obligation', 'should not', 'must not', 'stronger']]);
    expect(brief(legalChanges('The Parties shall impose bans.', 'The Parties shall not impose bans.'))).toEqual([['obligation', 'shall', 'shall not', 'reversed']]);
    expect(brief(legalChanges('The Parties shall not impose bans.', 'The Parties shall impose bans.'))).toEqual([['obligation', 'shall not', 'shall', 'reversed']]);
    expect(brief(legalChanges('Each Party may restrict exports.', 'Each Party shall not restrict exports.'))).toEqual([['obligation', 'may', 'shall not', 'reversed']]);
    // A group of alternatives of both polarities has none: settling it is no reversal.
    expect(brief(legalChanges('The Parties [shall][shall not] impose bans.', 'The Parties shall not impose bans.'))).toEqual([['obligation', '[shall][shall not]', 'shall not']]);
    expect(brief(legalChanges('The Parties shall provide data.', 'The Parties need not provide data.'))).toEqual([['obligation', 'shall', 'need not', 'weaker']]);
  });

  it('a hedge or an effort verb weakens, but stays above the next rank', () => {
    expect(brief(legalChanges('The Parties shall cooperate.', 'The Parties shall, to the extent possible, cooperate.')))
      .toEqual([['obligation', 'shall', 'shall, to the extent possible', 'weaker']]);
    expect(brief(legalChanges('The Parties will cooperate.', 'The Parties shall, where appropriate, cooperate.')))
      .toEqual([['obligation', 'will', 'shall, where appropriate', 'stronger']]);
    expect(brief(legalChanges('The Parties shall cooperate.', 'The Parties shall endeavour to cooperate.')))
      .toEqual([['obligation', 'shall', 'shall endeavour to', 'weaker']]);
  });

  it('reads the standard of effort: best efforts → reasonable efforts is weaker, and back stronger', () => {
    expect(brief(legalChanges('The Participants shall use best efforts to consult.', 'The Participants shall use reasonable efforts to consult.')))
      .toEqual([['obligation', 'shall use best efforts to', 'shall use reasonable efforts to', 'weaker']]);
    expect(brief(legalChanges('They will make every reasonable effort to consult.', 'They will make every effort to consult.')))
      .toEqual([['obligation', 'will make every reasonable effort to', 'will make every effort to', 'stronger']]);
    expect(brief(legalChanges('They should consult.', 'They will use commercially reasonable efforts to consult.')))
      .toEqual([['obligation', 'should', 'will use commercially reasonable efforts to', 'weaker']]);
    // Still above permission, and the same standard in other words is no change.
    expect(brief(legalChanges('They may consult.', 'They shall use reasonable efforts to consult.')))
      .toEqual([['obligation', 'may', 'shall use reasonable efforts to', 'stronger']]);
    expect(legalChanges('They shall use their reasonable efforts to consult.', 'They shall use all reasonable efforts to consult.')).toEqual([]);
  });

  it('reads an obligation that runs past the change against the words it covers on the other side', () => {
    // Only "endeavour to" went in (or the hedge came out), after words the change does not touch: the old
    // "shall" does not touch the change, yet it is what the new obligation replaces.
    expect(brief(legalChanges('The Parties shall, where appropriate, ensure access.', 'The Parties shall, where appropriate, endeavour to ensure access.')))
      .toEqual([['obligation', 'shall, where appropriate', 'shall, where appropriate, endeavour to', 'weaker']]);
    expect(brief(legalChanges('Each Party shall, to the extent possible, ensure access.', 'Each Party shall ensure access.')))
      .toEqual([['obligation', 'shall, to the extent possible', 'shall', 'stronger']]);
    expect(brief(legalChanges('Each Party shall endeavour to ensure access.', 'Each Party shall ensure access.')))
      .toEqual([['obligation', 'shall endeavour to', 'shall', 'stronger']]);
    // An item that stands where two stood is no one-for-one change of either: "2023" is not read as becoming
    // the group, nor "2024" as removed.
    const stocktake = (years: string) => `The CMA shall undertake its first global stocktake in ${years} and every five years.`;
    expect(brief(legalChanges(stocktake('[2023] [2024]'), stocktake('[2023][2024]')))).toEqual([['date', null, '[2023][2024]']]);
  });

  it('does not report a change of verb form or an unchanged obligation next to a change', () => {
    expect(legalChanges('The Participant intends to cooperate.', 'The Participants intend to cooperate.')).toEqual([]);
    expect(legalChanges('The Parties shall provide notice.', 'The Parties shall give notice.')).toEqual([]);
  });

  it('reports obligations added and removed, and uses the ops it is given', () => {
    const a = 'The Parties cooperate on research.';
    const b = 'The Parties shall cooperate on research.';
    expect(brief(legalChanges(a, b, diffWords(a, b)))).toEqual([['obligation', null, 'shall']]);
    expect(brief(legalChanges(b, a))).toEqual([['obligation', 'shall', null]]);
  });
});

describe('prohibitions written through their subject', () => {
  it('reads "No Party shall" and "Neither Participant will" as prohibitions', () => {
    // A prohibition became a permission: a reversal, with no direction (not a "weaker shall").
    expect(brief(legalChanges('No Party shall impose export duties.', 'Each Party may impose export duties.')))
      .toEqual([['obligation', 'No Party shall', 'Each Party may', 'reversed']]);
    // Only the subject changed: without reading it, nothing in law was reported.
    expect(brief(legalChanges('Neither Participant shall impose export bans.', 'Each Participant shall impose export bans.')))
      .toEqual([['obligation', 'Neither Participant shall', 'Each Participant shall', 'reversed']]);
    expect(brief(legalChanges('Neither Participant shall impose export bans.', 'Neither Participant will impose export bans.')))
      .toEqual([['obligation', 'Neither Participant shall', 'Neither Participant will', 'weaker']]);
    // "No Party may" withdraws a permission: as strong a prohibition as "shall not".
    expect(brief(legalChanges('No Party may impose export bans.', 'The Parties shall not impose export bans.')))
      .toEqual([['obligation', 'No Party may', 'shall not', 'same']]);
    expect(brief(legalChanges('Nothing in this Memorandum shall affect the rights of the Participants.', 'Nothing in this Memorandum will affect the rights of the Participants.')))
      .toEqual([['obligation', 'Nothing in this Memorandum shall', 'Nothing in this Memorandum will', 'weaker']]);
    expect(brief(legalChanges('In no case shall a Party disclose the data.', 'In no case should a Party disclose the data.')))
      .toEqual([['obligation', 'In no case shall', 'In no case should', 'weaker']]);
    // A second modal of the clause part is negated too, and read from itself.
    expect(brief(legalChanges('No Party shall impose or shall maintain bans.', 'No Party shall impose or will maintain bans.')))
      .toEqual([['obligation', 'shall', 'will', 'weaker']]);
  });

  it('does not take "no later than" or a "no" inside the subject for a negation', () => {
    expect(brief(legalChanges('No later than 30 days after signature the Parties shall notify.', 'No later than 30 days after signature the Parties may notify.')))
      .toEqual([['obligation', 'shall', 'may', 'weaker']]);
    expect(brief(legalChanges('1. The Parties, having no objection, shall adopt the plan.', '1. The Parties, having no objection, will adopt the plan.')))
      .toEqual([['obligation', 'shall', 'will', 'weaker']]);
    // A subject longer than a few words is not read back.
    expect(brief(legalChanges('No Party or any agency, body or authority acting on its behalf or under its direction shall impose duties.', 'No Party or any agency, body or authority acting on its behalf or under its direction will impose duties.')))
      .toEqual([['obligation', 'shall', 'will', 'weaker']]);
  });

  it('a word put into a negated subject changes no obligation, whatever the word (one of the lexicon\'s too)', () => {
    // "made" and "use" are words of the lexicon ("made every effort to", "use best efforts to"): only the new side
    // used to look near them, find "No … Party shall" there, and report it as added.
    expect(legalChanges('No Party shall recognise the measures.', 'No other Party shall recognise the measures.')).toEqual([]);
    expect(legalChanges('No Party shall recognise the measures.', 'No use Party shall recognise the measures.')).toEqual([]);
    expect(legalChanges('Nothing made under this Memorandum shall bind.', 'Nothing in this Memorandum shall bind.')).toEqual([]);
    expect(legalChanges('2. Neither Party shall promptly recognise measures.', '2. Neither all Party shall promptly recognise measures.')).toEqual([]);
    // With the modal changed too, the obligation reads from its subject on both sides.
    expect(brief(legalChanges('No Party shall recognise the measures.', 'No other Party may recognise the measures.')))
      .toEqual([['obligation', 'No Party shall', 'No other Party may', 'same']]);
  });

  it('reads "shall never" as "shall not", and "shall not be required to" as lifting an obligation', () => {
    expect(legalChanges('The Parties shall not impose bans.', 'The Parties shall never impose bans.')).toEqual([]);
    expect(brief(legalChanges('The Parties shall not be required to disclose.', 'The Parties shall disclose.')))
      .toEqual([['obligation', 'shall not be required to', 'shall', 'stronger']]);
  });
});

describe('reservations of a party\'s own law, powers and funds', () => {
  it('reads them as hedges: taking one out makes the obligation stronger', () => {
    expect(brief(legalChanges('Each Party shall, within its competence, ensure compliance.', 'Each Party shall ensure compliance.')))
      .toEqual([['obligation', 'shall, within its competence', 'shall', 'stronger']]);
    expect(brief(legalChanges('The Participants will, subject to the availability of appropriated funds, contribute.', 'The Participants will contribute.')))
      .toEqual([['obligation', 'will, subject to the availability of appropriated funds', 'will', 'stronger']]);
    expect(brief(legalChanges('The Parties shall, in accordance with their domestic law, cooperate.', 'The Parties will, in accordance with their domestic law, cooperate.')))
      .toEqual([['obligation', 'shall, in accordance with their domestic law', 'will, in accordance with their domestic law', 'weaker']]);
  });

  it('reads a reservation standing apart from its modal: taken out, the obligation is stronger; put in, weaker', () => {
    expect(brief(legalChanges('The Participants will cooperate on research, subject to their respective laws and regulations.', 'The Participants will cooperate on research.')))
      .toEqual([['obligation', 'subject to their respective laws and regulations', null, 'stronger']]);
    // The sample dossier's US counter-proposal: "… with their international obligations, and subject to the availability of appropriated funds".
    expect(brief(legalChanges('This Memorandum will be implemented in accordance with their international obligations.',
      'This Memorandum will be implemented in accordance with their international obligations, and subject to the availability of appropriated funds.')))
      .toEqual([['obligation', null, 'subject to the availability of appropriated funds', 'weaker']]);
    // Right after the modal it is that modal's hedge, read once; the same reservation in other words is no change.
    expect(brief(legalChanges('The Parties shall, in accordance with their domestic law, cooperate.', 'The Parties shall cooperate.')))
      .toEqual([['obligation', 'shall, in accordance with their domestic law', 'shall', 'stronger']]);
    expect(legalChanges('Each Participant will designate, in accordance with its laws, a contact point.', 'Each Participant will designate, in accordance with its laws and regulations, a contact point.')).toEqual([]);
    // A paragraph put in whole with its reservation makes no obligation of the other draft weaker.
    const added = legalChanges('1. The Participants will share data.', '1. The Participants will share data.\n2. The Participants will hold stocks, subject to their laws.');
    expect(added.map((c) => [c.old, c.new, c.direction])).toEqual([[null, 'will', undefined], [null, 'subject to their laws', undefined]]);
    // "within its competence" standing apart is as often a scope as a reservation: not read there.
    expect(legalChanges('Organizations, in matters within their competence, shall vote.', 'Organizations shall vote.')).toEqual([]);
  });

  it('reads a hedge standing apart from its modal as such a reservation ("…, as appropriate.")', () => {
    expect(brief(legalChanges('The Participants will exchange information, as appropriate.', 'The Participants will exchange information.')))
      .toEqual([['obligation', 'as appropriate', null, 'stronger']]);
    expect(brief(legalChanges('The Participants will share data within 30 days.', 'The Participants will share data within 30 days, where possible.')))
      .toEqual([['obligation', null, 'where possible', 'weaker']]);
    // The sample dossier's US counter-proposal: "in real time" → "as soon as practicable", read whole.
    expect(brief(legalChanges('The Participants will share, in real time, information.', 'The Participants will share, as soon as practicable, information.')))
      .toEqual([['obligation', null, 'as soon as practicable', 'weaker']]);
    // The end of a comparison is no hedge, nor is the same hedge in other words a change.
    expect(legalChanges('share data in real time', 'share data in as close to real time as practicable')).toEqual([]);
    expect(legalChanges('They will cooperate to the extent possible.', 'They will cooperate to the extent practicable.')).toEqual([]);
  });

  it('reads an exception ("except in emergencies", "unless the Participants decide otherwise") as narrowing its sentence: put in, weaker; taken out, stronger', () => {
    // The running example's export-ban paragraph, with an emergency exception put in.
    expect(brief(legalChanges('The Participants will not impose export bans on rare earths.', 'The Participants will not impose export bans on rare earths, except in emergencies.')))
      .toEqual([['obligation', null, 'except in emergencies', 'weaker']]);
    expect(brief(legalChanges('The Joint Committee will meet twice a year, unless the Participants decide otherwise.', 'The Joint Committee will meet twice a year.')))
      .toEqual([['obligation', 'unless the Participants decide otherwise', null, 'stronger']]);
    // Its words run to the end of its phrase (a comma, a full stop, a bracket) and no further.
    expect(brief(legalChanges('The Parties shall not impose quotas.', 'The Parties shall not impose quotas except as the Parties otherwise agree [in writing].')))
      .toEqual([['obligation', null, 'except as the Parties otherwise agree', 'weaker']]);
    // The same exception reworded is the redline's to show; "except" naming what a list leaves out is none.
    expect(legalChanges('They will meet twice a year, unless the Participants decide otherwise.', 'They will meet twice a year, unless the Participants agree otherwise.')).toEqual([]);
    expect(legalChanges('Minerals means all minerals except coal.', 'Minerals means all minerals except coal and lignite.')).toEqual([]);
    // A proviso the same.
    expect(brief(legalChanges('Either Participant may request consultations.', 'Either Participant may request consultations, provided that the other Participant agrees.')))
      .toEqual([['obligation', null, 'provided that the other Participant agrees', 'weaker']]);
    // An exception struck and a hedge put in are two changes, not one turned into the other.
    expect(brief(legalChanges('The Participants will share data, except where it is confidential.', 'The Participants will share data, as appropriate.')))
      .toEqual([['obligation', 'except where it is confidential', null, 'stronger'], ['obligation', null, 'as appropriate', 'weaker']]);
  });

  it('reads a commitment to consider a step as weaker than one to take it ("will consider establishing" → "will establish")', () => {
    expect(brief(legalChanges('The Participants will consider establishing a joint fund.', 'The Participants will establish a joint fund.')))
      .toEqual([['obligation', 'will consider establishing', 'will', 'stronger']]);
    expect(brief(legalChanges('The Participants will establish a joint fund.', 'The Participants will explore the possibility of a joint fund.')))
      .toEqual([['obligation', 'will', 'will explore the possibility of', 'weaker']]);
    // "consider that …" states a view: no obligation.
    expect(legalChanges('The Participants consider that the fund is useful.', 'The Participants consider that the fund is essential.')).toEqual([]);
  });

  it('reads prohibitions and permissions in the passive, the thing forbidden for subject ("Export bans are prohibited")', () => {
    expect(brief(legalChanges('Export bans are prohibited.', 'Export bans are discouraged.'))).toEqual([['obligation', 'are prohibited', 'are discouraged', 'weaker']]);
    expect(brief(legalChanges('Export bans shall be prohibited.', 'Export bans shall be discouraged.'))).toEqual([['obligation', 'shall be prohibited', 'shall be discouraged', 'weaker']]);
    // A permission turned into a prohibition is a reversal: no direction.
    expect(brief(legalChanges('Each Participant is authorised to impose quotas.', 'Each Participant is not permitted to impose quotas.'))).toEqual([['obligation', 'is authorised to', 'is not permitted to', 'reversed']]);
  });

  it('does not read the US of "US$" as the party', () => {
    expect(brief(legalChanges('a fund of USD 10 billion', 'a fund of US$10bn', undefined, { parties: { US: 'United States of America' } })))
      .toEqual([['figure', 'USD 10 billion', 'US$10bn', 'cosmetic']]);
  });
});

describe('the instrument\'s legal force', () => {
  it('reports "not legally binding" → "legally binding", as an item of its own kind with no direction: reversed', () => {
    expect(brief(legalChanges('This Memorandum is not legally binding.', 'This Memorandum is legally binding.')))
      .toEqual([['obligation', 'not legally binding', 'legally binding', 'reversed']]);
    expect(brief(legalChanges('This Memorandum does not create any legally binding obligations.', 'This Memorandum creates legally binding obligations.')))
      .toEqual([['obligation', 'does not create any legally binding', 'legally binding', 'reversed']]);
    // What a memorandum usually says of itself is one item, read whole.
    expect(brief(legalChanges('Each will cooperate.', 'Each will cooperate. This Memorandum is not intended to create legally binding obligations.')))
      .toEqual([['obligation', null, 'is not intended to create legally binding']]);
    // Never paired with a modal: a "shall" taken out beside it is its own item.
    expect(brief(legalChanges('The Parties shall cooperate. This MOU is non-binding.', 'The Parties cooperate. This MOU is legally binding.')))
      .toEqual([['obligation', 'shall', null], ['obligation', 'non-binding', 'legally binding', 'reversed']]);
    // A modal before it keeps its own reading.
    expect(brief(legalChanges('The Parties shall conclude a legally binding agreement.', 'The Parties will conclude a legally binding agreement.')))
      .toEqual([['obligation', 'shall', 'will', 'weaker']]);
  });
});

describe('prohibitions and rights in other words', () => {
  it('reads "refrain from" after a modal as its prohibition, and "is entitled to" as a permission', () => {
    expect(brief(legalChanges('The Parties shall not impose duties.', 'The Parties shall refrain from imposing duties.')))
      .toEqual([['obligation', 'shall not', 'shall refrain from', 'same']]);
    expect(brief(legalChanges('The Parties shall refrain from imposing duties.', 'The Parties will refrain from imposing duties.')))
      .toEqual([['obligation', 'shall refrain from', 'will refrain from', 'weaker']]);
    expect(brief(legalChanges('Each Party is entitled to suspend the Agreement.', 'Each Party may suspend the Agreement.')))
      .toEqual([['obligation', 'is entitled to', 'may', 'same']]);
    expect(brief(legalChanges('Each Party has the right to regulate.', 'Each Party shall regulate.')))
      .toEqual([['obligation', 'has the right to', 'shall', 'stronger']]);
  });
});

describe('figures and dates', () => {
  it('lists a time limit moved within its paragraph, unchanged, once as moved, not as one struck and one put in', () => {
    const before = 'The Participants shall, within thirty (30) days of a disruption, inform each other of its causes.';
    const after = 'The Participants shall inform each other of the causes of a disruption within thirty (30) days.';
    const moved = legalChanges(before, after);
    expect(brief(moved)).toEqual([['figure', 'within thirty (30) days', 'within thirty (30) days']]);
    expect(moved[0]).toMatchObject({ moved: true, oldStart: before.indexOf('within'), newStart: after.indexOf('within') });
    // Moved and changed: still listed, the old limit struck and the new one put in.
    expect(brief(legalChanges(before, after.replace('thirty (30)', 'sixty (60)')))).toEqual([['figure', 'within thirty (30) days', null], ['figure', null, 'within sixty (60) days']]);
    // The same limit taken out of one paragraph and written into another may be another time limit: both listed.
    expect(brief(legalChanges(`${before}\nThe Participants shall review it.`, `The Participants shall inform each other of its causes.\nThe Participants shall review it within thirty (30) days.`)))
      .toEqual([['figure', 'within thirty (30) days', null], ['figure', null, 'within thirty (30) days']]);
    // A figure whose punctuation differs is another figure, moved or not.
    expect(brief(legalChanges('A share of 10.5% of the stock shall be released.', 'The stock shall be released in a share of 105%.')))
      .toEqual([['figure', '10.5%', '105%']]);
  });

  it('reports a changed time limit as one figure', () => {
    expect(brief(legalChanges('Payment within thirty (30) days of notice.', 'Payment within sixty (60) days of notice.')))
      .toEqual([['figure', 'within thirty (30) days', 'within sixty (60) days']]);
    // A time limit in other units is still the same limit; a temperature and a time limit are two figures.
    expect(brief(legalChanges('Payment within 30 days of notice.', 'Payment within six months of notice.')))
      .toEqual([['figure', 'within 30 days', 'within six months']]);
    expect(brief(legalChanges('to hold warming below 1.5 °C by review', 'to hold warming by review within 5 years')))
      .toEqual([['figure', 'below 1.5 °C', null], ['figure', null, 'within 5 years']]);
    expect(brief(legalChanges('a stock of 500 tonnes kept', 'a stock kept for 2 years')))
      .toEqual([['figure', '500 tonnes', null], ['figure', null, '2 years']]);
  });

  it('reads a time limit in years as one in months, and one in weeks as one in days, but not months as days', () => {
    expect(brief(legalChanges('Payment within 2 years of notice.', 'Payment within 24 months of notice.'))).toEqual([['figure', 'within 2 years', 'within 24 months', 'cosmetic']]);
    expect(brief(legalChanges('Reply within two weeks.', 'Reply within 14 days.'))).toEqual([['figure', 'within two weeks', 'within 14 days', 'cosmetic']]);
    expect(brief(legalChanges('Reply within two weeks.', 'Reply within 15 days.'))).toEqual([['figure', 'within two weeks', 'within 15 days']]);
    // Three months are not ninety days (nor a month thirty): a limit that a reader must see changed.
    expect(brief(legalChanges('Reply within 3 months.', 'Reply within 90 days.'))).toEqual([['figure', 'within 3 months', 'within 90 days']]);
    expect(brief(legalChanges('Reviewed every two years.', 'Reviewed every 24 months.'))).toEqual([['figure', 'every two years', 'every 24 months', 'cosmetic']]);
  });

  it('reads a month abbreviated, with or without its full stop ("20 Oct 2025", "Jan. 1, 2027")', () => {
    expect(brief(legalChanges('Signed on 1 January 2027.', 'Signed on 1 Jan. 2027.'))).toEqual([['date', '1 January 2027', '1 Jan. 2027', 'cosmetic']]);
    expect(brief(legalChanges('Signed on Jan. 1, 2027.', 'Signed on Feb. 1, 2027.'))).toEqual([['date', 'Jan. 1, 2027', 'Feb. 1, 2027']]);
    expect(brief(legalChanges('Reviewed by 20 Oct 2028.', 'Reviewed by 21 Oct 2028.'))).toEqual([['date', '20 Oct 2028', '21 Oct 2028']]);
    expect(brief(legalChanges('Reports due Sept. 30 each year.', 'Reports due Oct. 30 each year.'))).toEqual([['date', 'Sept. 30', 'Oct. 30']]);
  });

  it('reports amounts and percentages, and flags a value written another way as cosmetic', () => {
    expect(brief(legalChanges('a levy of 10 per cent applies', 'a levy of 15% applies'))).toEqual([['figure', '10 per cent', '15%']]);
    expect(brief(legalChanges('a levy of 10 per cent applies', 'a levy of 10% applies'))).toEqual([['figure', '10 per cent', '10%', 'cosmetic']]);
    expect(brief(legalChanges('at least $1 billion in financing', 'financing'))).toEqual([['figure', 'at least $1 billion', null]]);
    expect(brief(legalChanges('EUR 5 million for research', 'EUR 50 million for research'))).toEqual([['figure', 'EUR 5 million', 'EUR 50 million']]);
    // A difference of two rates is another figure than the rate, whatever its number: not cosmetic.
    expect(brief(legalChanges('duties shall not exceed 5 per cent', 'duties shall not exceed 5 percentage points'))).toEqual([['figure', '5 per cent', '5 percentage points']]);
    expect(brief(legalChanges('reduced by 5 percentage points', 'reduced by 10 percentage points'))).toEqual([['figure', '5 percentage points', '10 percentage points']]);
    expect(brief(legalChanges('reduced by 5 percentage points', 'reduced by five percentage points'))).toEqual([['figure', '5 percentage points', 'five percentage points', 'cosmetic']]);
    // Basis points are hundredths of a per cent.
    expect(brief(legalChanges('a margin of 50 basis points', 'a margin of 75 basis points'))).toEqual([['figure', '50 basis points', '75 basis points']]);
    expect(brief(legalChanges('a margin of 0.5 per cent', 'a margin of 50 basis points'))).toEqual([['figure', '0.5 per cent', '50 basis points', 'cosmetic']]);
  });

  it('reads quantities in metric tons and kilotonnes, and a quantity\'s period ("5,000 tonnes per year")', () => {
    expect(brief(legalChanges('stocks of 500 metric tons', 'stocks of 800 metric tons'))).toEqual([['figure', '500 metric tons', '800 metric tons']]);
    expect(brief(legalChanges('deliveries of 20 kilotonnes', 'deliveries of 20,000 tonnes'))).toEqual([['figure', '20 kilotonnes', '20,000 tonnes', 'cosmetic']]);
    // Per month is twelve times per year: a change of figure, though no number changed; the same quantity a year
    // written another way is wording.
    expect(brief(legalChanges('stocks of 5,000 tonnes per year', 'stocks of 5,000 tonnes per month'))).toEqual([['figure', '5,000 tonnes per year', '5,000 tonnes per month']]);
    expect(brief(legalChanges('stocks of 60,000 tonnes a year', 'stocks of 5,000 tonnes per month'))).toEqual([['figure', '60,000 tonnes a year', '5,000 tonnes per month', 'cosmetic']]);
    expect(brief(legalChanges('leave of 30 days a year', 'leave of 30 days'))).toEqual([['figure', '30 days a year', '30 days']]);
  });

  it('reads what a price is quoted for ("USD 50 per kilogram"): another quantity is another price', () => {
    expect(brief(legalChanges('a price floor of USD 50 per kilogram', 'a price floor of USD 50 per tonne'))).toEqual([['figure', 'USD 50 per kilogram', 'USD 50 per tonne']]);
    expect(brief(legalChanges('a price floor of USD 50 per kilogram', 'a price floor of USD 50,000 per metric ton'))).toEqual([['figure', 'USD 50 per kilogram', 'USD 50,000 per metric ton', 'cosmetic']]);
    expect(brief(legalChanges('a price floor of USD 50/kg', 'a price floor of USD 60/kg'))).toEqual([['figure', 'USD 50/kg', 'USD 60/kg']]);
    expect(brief(legalChanges('a floor of 50 euros a tonne', 'a floor of 50 euros a pound'))).toEqual([['figure', '50 euros a tonne', '50 euros a pound']]);
    // An amount a year is no price: the amount alone is the figure, as before.
    expect(brief(legalChanges('USD 5 million a year', 'USD 6 million a year'))).toEqual([['figure', 'USD 5 million', 'USD 6 million']]);
  });

  it('does not take cross-references or provision numbers for figures', () => {
    expect(legalChanges('4.  As provided in Article 5, the Parties', '5.  As provided in Article 6, the Parties')).toEqual([]);
    expect(legalChanges('the tariffs in Schedule 5 apply', 'the tariffs in Schedule 6 apply')).toEqual([]);
    expect(legalChanges('as shown in Table 2 of Annex I', 'as shown in Table 3 of Annex I')).toEqual([]);
    // Every number of a list of references, not the first only (the Paris drafts' "Articles 3, 4, 6, 7, 8 and 9").
    expect(legalChanges('efforts defined in Articles 3, 4, 6, 7, 8 and 9 towards', 'efforts defined in Articles 3, 4, 6, 7, 8 and 10 towards')).toEqual([]);
    expect(legalChanges('under paragraphs 2 to 5 of Article 4', 'under paragraphs 2 to 6 of Article 4')).toEqual([]);
    expect(legalChanges('in accordance with paragraph [14] above and Articles [9] and [11].', 'in accordance with paragraph [15] above and Articles [9] and [12].')).toEqual([]);
    expect(legalChanges('information required under Article 6.13, 6.14, 7 and 8.', 'information required under Article 6.13, 6.15, 7 and 9.')).toEqual([]);
    expect(brief(legalChanges('meet 3 times, and 4 experts attend', 'meet 3 times, and 5 experts attend'))).toEqual([['figure', '4', '5']]);
  });

  it('takes no footnote mark, enumeration, or number of a name for a figure or a date (the US trade agreements are full of them)', () => {
    expect(legalChanges('apply a rate of customs duty[1] on goods.', 'apply a rate of customs duty[2] on goods.')).toEqual([]);
    // A table row's first cell: its key (an HS code, an item's number), not a figure; a rate in it still is one.
    expect(brief(legalChanges('| Code | Rate |\n| --- | --- |\n| 2805.30 | 5% |', '| Code | Rate |\n| --- | --- |\n| 2805.30 | 5% |\n| 2846.10 | 3% |')))
      .toEqual([['figure', null, '3%']]);
    expect(brief(legalChanges('| 5% | cerium |', '| 6% | cerium |'))).toEqual([['figure', '5%', '6%']]);
    // Unless the first column holds amounts: a quota table's volumes, grouped in thousands or under a header that
    // names an amount, are figures.
    const quota = (first: string, volume: string) => `| ${first} | Rate within quota |\n| --- | --- |\n| ${volume} | 0% |\n| 2,000 | 2% |`;
    expect(brief(legalChanges(quota('Quantity (tonnes)', '15000'), quota('Quantity (tonnes)', '12000')))).toEqual([['figure', '15000', '12000']]);
    expect(brief(legalChanges(quota('Tranche', '15,000'), quota('Tranche', '12,000')))).toEqual([['figure', '15,000', '12,000']]);
    expect(legalChanges(quota('Item', '15'), quota('Item', '12'))).toEqual([]);
    expect(brief(legalChanges('a rate of 2805.30 | or', 'a rate of 2805.40 | or'))).toEqual([['figure', '2805.30', '2805.40']]);
    // A footnote run on after a sentence ("… interest. [1] The Parties …").
    expect(legalChanges('to regulate in the public interest. [1] The Parties understand', 'to regulate in the public interest. [2] The Parties understand')).toEqual([]);
    // The digits of a web address (the US agreements link their schedules): no figure, no date.
    expect(brief(legalChanges('See [Schedule 1](https://www.whitehouse.gov/wp-content/uploads/2025/10/schedule-1.pdf).',
      'See [Schedule 2](https://www.whitehouse.gov/wp-content/uploads/2026/11/3-Art-Schedule-2.pdf).'))).toEqual([]);
    expect(brief(legalChanges('within 30 days (see www.example.org/2025/30)', 'within 60 days (see www.example.org/2026/60)')))
      .toEqual([['figure', 'within 30 days', 'within 60 days']]);
    // A list of labels with a serial comma, and a list of options (the Paris compilation text).
    expect(legalChanges('support considered in Articles 6, 7, 8, and 9) here', 'support considered in Articles 6, 7, and 9) here')).toEqual([]);
    expect(legalChanges('A choice to be made for options 1, 2, and 3).', 'A choice to be made for options 1 and 3).')).toEqual([]);
    // A list of labels continued in bracketed alternatives (the Paris draft of 9 December: "Article 4, paragraphs
    // 3[ and 5][, 5 and 9], of the Convention"), and one whose brackets were resolved.
    expect(legalChanges('[In accordance with Article 4, paragraphs 3[ and 5][, 5 and 9], of the Convention,] Parties shall', 'Parties shall')).toEqual([]);
    expect(legalChanges('under Articles [4 and ]5 of the Convention', 'under Articles 4 and 5 of the Convention')).toEqual([]);
    expect(legalChanges('under paragraphs 3[ and 5] of Article 4', 'under paragraphs 3 and 5 of Article 4')).toEqual([]);
    // A compilation's editorial notes name its paragraphs by number (the Paris compilation of 4 December): a
    // paragraph numbered "3.3" or "3.3:" at the start of a line, "art 3", and "3.4 ter" or "3.2 bis".
    expect(legalChanges('Option 2:\n3.3 In accordance with Article 4, Parties shall', 'Option 2:\nIn accordance with Article 4, Parties shall')).toEqual([]);
    expect(legalChanges('{modulators to 3.2}\n3.3: Each Party shall', '{modulators to 3.2}\nEach Party shall')).toEqual([]);
    expect(legalChanges('addressed elsewhere in art 3.', 'addressed elsewhere.')).toEqual([]);
    expect(legalChanges('as addressed in art. 4', 'as addressed in art. 5')).toEqual([]);
    expect(legalChanges('Adjustments (previous 3.4 ter and 3.6 ter)', 'Adjustments')).toEqual([]);
    expect(legalChanges('including parts of 3.2 bis, 4 and 4bis', 'including parts of Article 4')).toEqual([]);
    // A list that a provision put in between others opens is a list of provisions.
    expect(legalChanges('(including parts of 3.2 bis, 4 and 4bis, 3.10)\nOption 1', '\nOption 1')).toEqual([]);
    expect(brief(legalChanges('Option 1: 3 bis applies to 5 Parties', 'Option 1: 3 bis applies to 6 Parties'))).toEqual([['figure', '5', '6']]);
    // A paragraph number run on after the end of the one before, as the Geneva text prints them.
    expect(legalChanges('may enhance such efforts.] 6. [Parties mobilize support.]', 'may enhance such efforts.')).toEqual([]);
    expect(legalChanges('under the Convention; 4. Each Party reports.', 'under the Convention.')).toEqual([]);
    expect(legalChanges('other long-lived greenhouse gases before 2080;] 3.2 Ensuring resilience', 'other long-lived greenhouse gases before 2080.')).toEqual([]);
    expect(legalChanges('which entails: 3.1 Option (a): Ensuring reductions', 'which entails reductions')).toEqual([]);
    expect(brief(legalChanges('the temperature [below 2 C][below [2 or] 1.5 C] referred to', 'the temperature [below 2 °C][below [2 or] 1.5 °C] referred to')))
      .toEqual([['figure', '[below 2 C][below [2 or] 1.5 C]', '[below 2 °C][below [2 or] 1.5 °C]', 'cosmetic']]);
    expect(brief(legalChanges('The quorum shall be 12. The Committee meets.', 'The quorum shall be 15. The Committee meets.'))).toEqual([['figure', '12', '15']]);
    // A time of day is one figure, not its hours and its minutes; after a structural word, a label.
    expect(brief(legalChanges('Offers are due by 18:00 on the day', 'Offers are due by 12:00 on the day'))).toEqual([['figure', '18:00', '12:00']]);
    expect(brief(legalChanges('changes from the [4th@10:00 version]. This was', 'changes from the [4dec]. This was'))).toEqual([['figure', '10:00', null]]);
    expect(legalChanges('consistent with Article 2:15 of the Convention', 'consistent with Article 2:16 of the Convention')).toEqual([]);
    // A provision's number with its paragraph attached is a label too; a number in words with its digits a figure.
    expect(legalChanges('the application of Article 2(2) every two years', 'the application of Article 3(1) every two years')).toEqual([]);
    expect(legalChanges('based on Article 22(2) and (3) of the Convention', 'based on Article 22 of the Convention')).toEqual([]);
    expect(brief(legalChanges('within thirty (30) days', 'within sixty (60) days'))).toEqual([['figure', 'within thirty (30) days', 'within sixty (60) days']]);
    expect(brief(legalChanges('a ratio of 50:50 between them', 'a ratio of 60:40 between them'))).toEqual([['figure', '50', '60'], ['figure', '50', '40']]);
    // Still figures: a number that opens a sentence, and one after a word ending in "art".
    expect(brief(legalChanges('Parties agree:\n12 Members shall form the board.', 'Parties agree:\n15 Members shall form the board.'))).toEqual([['figure', '12', '15']]);
    expect(brief(legalChanges('a counterpart 3 times larger', 'a counterpart 4 times larger'))).toEqual([['figure', '3', '4']]);
    expect(brief(legalChanges('the smart 3 plan', 'the smart 4 plan'))).toEqual([['figure', '3', '4']]);
    // A Markdown footnote reference (the Paris drafts' "[^11]"), spaced or not.
    expect(legalChanges('comparability, consistency[^10]\nOption 3', 'comparability[^11]\nOption 3')).toEqual([]);
    expect(legalChanges('as agreed [^4] by the Parties', 'as agreed [^5] by the Parties')).toEqual([]);
    expect(legalChanges('protection for intellectual property.[4] Malaysia shall', 'protection for intellectual property.[3] Malaysia shall')).toEqual([]);
    expect(legalChanges('text.\n[2] For greater certainty, this applies.', 'text.\n[3] For greater certainty, this applies.')).toEqual([]);
    expect(legalChanges('practices that result in: (1) the export of goods', 'practices that result in: (2) the export of goods')).toEqual([]);
    expect(legalChanges('at the twenty-second session of the COP,9 the Mechanism', 'at the twenty-second session of the COP,10 the Mechanism')).toEqual([]);
    // Document symbols ("decision 1/CP.21", written "1.CP/21" in one draft) and names with a number ("Rio+20").
    expect(legalChanges('as set out in decision 1/CP.21', 'as set out in decision 2/CP.21')).toEqual([]);
    expect(legalChanges('to be elaborated by decision [of the CMA ][1.CP/21].', 'to be elaborated by decision.')).toEqual([]);
    expect(legalChanges('Recalling the outcomes of the Rio+20 Conference,', 'Recalling the Conference,')).toEqual([]);
    expect(brief(legalChanges('a total of 10+5 members', 'a total of 10+6 members'))).toEqual([['figure', '5', '6']]);
    expect(brief(legalChanges('in two tranches, 5 and 6', 'in two tranches, 5 and 7'))).toEqual([['figure', '6', '7']]);
    expect(legalChanges('consistently with Article III:2 of GATT 1994', 'consistently with Article III:4 of GATT 1994')).toEqual([]);
    expect(legalChanges('in accordance with the General Agreement on Tariffs and Trade 1994 (GATT 1994).', 'in accordance with the WTO Agreement.')).toEqual([]);
    expect(legalChanges('as provided in Executive Order 14257 of April 2', 'as provided in Executive Order 14346 of April 2')).toEqual([]);
    // A year that is not part of a name is still a date, and a number in brackets a party proposed still a figure.
    expect(brief(legalChanges('By 2030 the Parties shall review it.', 'By 2035 the Parties shall review it.'))).toEqual([['date', '2030', '2035']]);
    expect(brief(legalChanges('within [30] days', 'within [45] days'))).toEqual([['figure', '30', '45']]);
  });

  it('reads a number after "schedule" or "table" used as a verb as a figure', () => {
    expect(brief(legalChanges('The Participants will schedule 5 meetings a year.', 'The Participants will schedule 4 meetings a year.'))).toEqual([['figure', '5', '4']]);
    expect(brief(legalChanges('Each side will table 3 proposals.', 'Each side will table 2 proposals.'))).toEqual([['figure', '3', '2']]);
  });

  it('reads a bare year as a date, not as an amount', () => {
    expect(brief(legalChanges('review by 2030 of 2000 tonnes', 'review by 2035 of 2000 tonnes'))).toEqual([['date', '2030', '2035']]);
    expect(brief(legalChanges('a stock of 2000 tonnes', 'a stock of 2500 tonnes'))).toEqual([['figure', '2000 tonnes', '2500 tonnes']]);
  });

  it('reports dates in the common forms', () => {
    expect(brief(legalChanges('until 31 December 2026.', 'until 2027-06-30.'))).toEqual([['date', '31 December 2026', '2027-06-30']]);
    expect(brief(legalChanges('on the thirtieth day after', 'on the sixtieth day after'))).toEqual([['date', 'the thirtieth day', 'the sixtieth day']]);
    expect(brief(legalChanges('Signed on the 26th of October 2025, in duplicate', 'Signed on October 26, 2025, in duplicate')))
      .toEqual([['date', '26th of October 2025', 'October 26, 2025', 'cosmetic']]);
  });

  it('reads quarters and halves of a year, and dates in figures as either side of the Atlantic writes them', () => {
    expect(brief(legalChanges('a review in the first quarter of 2027', 'a review in the second quarter of 2027'))).toEqual([['date', 'the first quarter of 2027', 'the second quarter of 2027']]);
    expect(brief(legalChanges('a review in Q1 2027', 'a review in the first quarter of 2027'))).toEqual([['date', 'Q1 2027', 'the first quarter of 2027', 'cosmetic']]);
    expect(brief(legalChanges('a review in the second half of 2026', 'a review in H1 2027'))).toEqual([['date', 'the second half of 2026', 'H1 2027']]);
    // A part above 12 is the day: "31/12/2030" as Europe writes it, "12/31/2030" as the United States does.
    expect(brief(legalChanges('expires on 31 December 2030', 'expires on 31/12/2031'))).toEqual([['date', '31 December 2030', '31/12/2031']]);
    expect(brief(legalChanges('expires on 31 December 2030', 'expires on 12/31/2030'))).toEqual([['date', '31 December 2030', '12/31/2030', 'cosmetic']]);
    // Where either part could be the month, the date is not taken for either reading.
    expect(brief(legalChanges('expires on 01/02/2030', 'expires on 1 February 2030'))).toEqual([['date', '01/02/2030', '1 February 2030']]);
    expect(brief(legalChanges('expires on 01/02/2030', 'expires on 01.02.2030'))).toEqual([['date', '01/02/2030', '01.02.2030', 'cosmetic']]);
    // A provision's number is none.
    expect(legalChanges('see Article 1.2.2030 of the Code', 'see Article 1.3.2030 of the Code')).toEqual([]);
  });

  it('reads both sides of a change that strikes whole lines and puts in text in their place', () => {
    // The struck text begins with a line break (a text's last line taken out) and the new text runs on: the
    // new side still takes part.
    expect(brief(legalChanges('\npay 3% now', 'levy 0% later\n'))).toEqual([['figure', '3%', '0%']]);
  });

  it('reads the date of a signature block, its year in words', () => {
    // "this twentieth day of October, two thousand and twenty-five" is one date, not an ordinal, a month and a figure.
    expect(brief(legalChanges('Signed in Washington this twentieth day of October, two thousand and twenty-five.', 'Signed in Tokyo this 28th day of October, two thousand and twenty-five.')))
      .toEqual([['date', 'twentieth day of October, two thousand and twenty-five', '28th day of October, two thousand and twenty-five']]);
    expect(brief(legalChanges('Done at Paris this twelfth day of December two thousand and fifteen.', 'Done at Paris this 12th day of December 2015.')))
      .toEqual([['date', 'twelfth day of December two thousand and fifteen', '12th day of December 2015', 'cosmetic']]);
    expect(brief(legalChanges('Done at Geneva on the first day of July nineteen hundred and ninety-four.', 'Done at Geneva on the first day of July nineteen hundred and ninety-five.')))
      .toEqual([['date', 'the first day of July nineteen hundred and ninety-four', 'the first day of July nineteen hundred and ninety-five']]);
    // A year after "of" and a capitalised word names an instrument, as a year after such a word does.
    expect(brief(legalChanges('under the Tariff Act of 1930 and', 'under the Trade Act of 1974 and'))).toEqual([]);
    expect(brief(legalChanges('completed in December of 2025.', 'completed in December of 2026.'))).toEqual([['date', '2025', '2026']]);
    expect(brief(legalChanges('Reports of 2025 are published.', 'Reports of 2026 are published.'))).toEqual([['date', '2025', '2026']]);
    // A number in words after a month is a quantity where a unit follows it.
    expect(brief(legalChanges('deliver by 1 March two thousand tonnes', 'deliver by 1 March three thousand tonnes'))).toEqual([['figure', 'two thousand tonnes', 'three thousand tonnes']]);
  });

  it('reports a day of a month without a year, and takes no modal "may" for a month', () => {
    expect(brief(legalChanges('The Participants consult before 1 March each year.', 'The Participants consult before 1 April each year.')))
      .toEqual([['date', '1 March', '1 April']]);
    expect(brief(legalChanges('reports are due by June 30.', 'reports are due by September 30.'))).toEqual([['date', 'June 30', 'September 30']]);
    expect(brief(legalChanges('reports are due by 30 June.', 'reports are due by June 30th.'))).toEqual([['date', '30 June', 'June 30th', 'cosmetic']]);
    // "paragraph 1 may" and "5 march" are no dates: only a month written as a name is read without a year.
    expect(legalChanges('Article 1 may be amended by consensus.', 'Article 1 may be amended by a majority.')).toEqual([]);
    expect(brief(legalChanges('the 5 march past the gate', 'the 6 march past the gate'))).toEqual([['figure', '5', '6']]);
  });

  it('reports a date whose relation turned ("before 31 March" → "after 31 March"), with the relation', () => {
    expect(brief(legalChanges('Each Participant shall notify the other before 31 March 2026.', 'Each Participant shall notify the other after 31 March 2026.')))
      .toEqual([['date', 'before 31 March 2026', 'after 31 March 2026']]);
    expect(brief(legalChanges('reports are due by 30 June.', 'reports are due from 30 June.'))).toEqual([['date', 'by 30 June', 'from 30 June']]);
    // A relation of several words, one of them changed, and one taken in from the equal text before the change.
    expect(brief(legalChanges('no later than 1 July 2026', 'no earlier than 1 July 2026'))).toEqual([['date', 'no later than 1 July 2026', 'no earlier than 1 July 2026']]);
    expect(brief(legalChanges('on or before 1 May 2026', 'on or after 1 May 2026'))).toEqual([['date', 'on or before 1 May 2026', 'on or after 1 May 2026']]);
    // The same relation spelt otherwise is cosmetic.
    expect(brief(legalChanges('prior to 31 March, the Parties shall consult', 'before 31 March, the Parties shall consult')))
      .toEqual([['date', 'prior to 31 March', 'before 31 March', 'cosmetic']]);
    expect(brief(legalChanges('no later than 1 July 2026', 'not later than 1 July 2026'))).toEqual([['date', 'no later than 1 July 2026', 'not later than 1 July 2026', 'cosmetic']]);
    // A changed date keeps its own reading, and a word that is no relation turns nothing.
    expect(brief(legalChanges('before 31 March', 'before 30 April'))).toEqual([['date', '31 March', '30 April']]);
    expect(legalChanges('the report of 2025 on stocks', 'the report after 2025 on stocks')).toEqual([]);
    expect(legalChanges('consult on 1 May', 'consult promptly on 1 May')).toEqual([]);
  });

  it('reports how often: "once a year", "three times per year", "quarterly", as one kind of figure', () => {
    expect(brief(legalChanges('The Committee meets at least once a year.', 'The Committee meets at least twice a year.')))
      .toEqual([['figure', 'at least once a year', 'at least twice a year']]);
    expect(brief(legalChanges('The Committee meets three times per year.', 'The Committee meets quarterly.')))
      .toEqual([['figure', 'three times per year', 'quarterly']]);
    expect(brief(legalChanges('reports are published semi-annually', 'reports are published annually'))).toEqual([['figure', 'semi-annually', 'annually']]);
    // The same frequency written another way is cosmetic: once a month is twelve times a year.
    expect(brief(legalChanges('The Parties meet once a month.', 'The Parties meet twelve times a year.')))
      .toEqual([['figure', 'once a month', 'twelve times a year', 'cosmetic']]);
    // A number that labels an article is no frequency, though a period follows it: "review Article 4 every year";
    // the number of an article renumbered in a list is no change of how often. Written as a count it is one.
    expect(legalChanges('The Participants shall review Article 4 every year.', 'The Participants shall review Article 5 every year.')).toEqual([]);
    expect(legalChanges('They shall review Articles 3 and 4 every year.', 'They shall review Articles 4 and 5 every year.')).toEqual([]);
    expect(brief(legalChanges('The Committee meets 2 every year.', 'The Committee meets 4 every year.'))).toEqual([['figure', '2 every year', '4 every year']]);
    expect(brief(legalChanges('Under Article 5, 10 per year may be issued.', 'Under Article 5, 12 per year may be issued.'))).toEqual([['figure', '10 per year', '12 per year']]);
    expect(brief(legalChanges('Under Article 5 2 times a year.', 'Under Article 5 3 times a year.'))).toEqual([['figure', '2 times a year', '3 times a year']]);
    // A frequency is never paired with a time limit.
    expect(brief(legalChanges('meet annually and reply within 30 days', 'meet and reply within 45 days')))
      .toEqual([['figure', 'annually', null], ['figure', 'within 30 days', 'within 45 days']]);
    // A count without a period: "renewable once" → "twice" (a term's renewals), but "once" as a conjunction is none.
    expect(brief(legalChanges('for five years, renewable once.', 'for five years, renewable twice.'))).toEqual([['figure', 'once', 'twice']]);
    expect(brief(legalChanges('It may be extended once for a further period.', 'It may be extended twice for a further period.'))).toEqual([['figure', 'once', 'twice']]);
    expect(legalChanges('once the Agreement enters into force, they meet', 'when the Agreement enters into force, they meet')).toEqual([]);
    // "Once" opening a clause is no figure.
    expect(legalChanges('Once the Agreement enters into force, the Parties consult.', 'Once the Agreement enters into force, the Parties meet.')).toEqual([]);
  });

  it('reads "every five years" as how often, not how long: paired with "annually", the same figure as "biennially" for "every two years"', () => {
    expect(brief(legalChanges('The Participants shall review the stockpiles annually.', 'The Participants shall review the stockpiles every two years.')))
      .toEqual([['figure', 'annually', 'every two years']]);
    expect(brief(legalChanges('The Participants shall review the stockpiles every 5 years.', 'The Participants shall review the stockpiles every 4 years.')))
      .toEqual([['figure', 'every 5 years', 'every 4 years']]);
    expect(brief(legalChanges('reviewed biennially', 'reviewed every two years'))).toEqual([['figure', 'biennially', 'every two years', 'cosmetic']]);
    expect(brief(legalChanges('reported each six months', 'reported every 6 months'))).toEqual([['figure', 'each six months', 'every 6 months', 'cosmetic']]);
    expect(brief(legalChanges('reported every twelve calendar months', 'reported annually'))).toEqual([['figure', 'every twelve calendar months', 'annually', 'cosmetic']]);
    // How often and by when are two figures: never paired.
    expect(brief(legalChanges('They shall report every five years.', 'They shall report within five years.')))
      .toEqual([['figure', 'every five years', null], ['figure', null, 'within five years']]);
    // Business days: how many a year has, the text does not say; read as a time limit still.
    expect(brief(legalChanges('reported every 10 business days', 'reported every 20 business days'))).toEqual([['figure', '10 business days', '20 business days']]);
  });

  it('reads "no later than" as part of a time limit, scales written against the number, and thousands grouped by spaces', () => {
    // Taking the comparator out turns a deadline into a fixed day: a change in law, though the figure stayed.
    expect(brief(legalChanges('notify not later than 30 days after signature', 'notify 30 days after signature')))
      .toEqual([['figure', 'not later than 30 days', '30 days']]);
    expect(brief(legalChanges('no later than 30 days', 'not later than thirty (30) days'))).toEqual([['figure', 'no later than 30 days', 'not later than thirty (30) days', 'cosmetic']]);
    expect(brief(legalChanges('a fund of USD 1.5bn', 'a fund of USD 2bn'))).toEqual([['figure', 'USD 1.5bn', 'USD 2bn']]);
    expect(brief(legalChanges('a fund of €20m', 'a fund of EUR 20 million'))).toEqual([['figure', '€20m', 'EUR 20 million', 'cosmetic']]);
    expect(brief(legalChanges('a stock of 1 000 tonnes', 'a stock of 2 000 tonnes'))).toEqual([['figure', '1 000 tonnes', '2 000 tonnes']]);
    expect(brief(legalChanges('a grant of EUR 100\u00a0000', 'a grant of EUR 100,000'))).toEqual([['figure', 'EUR 100\u00a0000', 'EUR 100,000', 'cosmetic']]);
  });

  it('reads a fraction in words as the percentage it is', () => {
    expect(brief(legalChanges('adopted by a majority of two-thirds of the Members', 'adopted by a majority of three-quarters of the Members')))
      .toEqual([['figure', 'two-thirds', 'three-quarters']]);
    expect(brief(legalChanges('not less than one third of the Parties', 'not less than 50 per cent of the Parties')))
      .toEqual([['figure', 'not less than one third', 'not less than 50 per cent']]);
    expect(brief(legalChanges('one half of the costs', '50% of the costs'))).toEqual([['figure', 'one half', '50%', 'cosmetic']]);
    // "one third country" is a country, not a fraction; "two third-country suppliers" neither.
    expect(legalChanges('supplies from one third country only', 'supplies from one third country alone')).toEqual([]);
    expect(legalChanges('two third-country suppliers are named', 'two third-country suppliers are listed')).toEqual([]);
  });
});

describe('defined terms and parties', () => {
  it('reports a changed defined term', () => {
    expect(brief(legalChanges('(the “Participants”) agree', '(the “Parties”) agree'))).toEqual([['defined-term', 'Participants', 'Parties']]);
  });

  it('reports a definition added, but not a defined term merely used in an added sentence', () => {
    const a = 'Malaysia (the “Participants”) cooperate.';
    expect(brief(legalChanges(a, 'Malaysia cooperate.'))).toContainEqual(['defined-term', 'Participants', null]);
    expect(legalChanges(a, a + ' The Participants meet in Brussels.')).toEqual([]);
  });

  it('does not pair terms that merely fall in the same rewritten passage', () => {
    const definedTerms = ['the Convention', 'Party'];
    const a = 'recalling the objective of the Convention as set out in the earlier texts adopted by consensus';
    const b = 'each Party shall prepare, communicate and maintain successive contributions that it intends to achieve';
    expect(legalChanges(a, b, undefined, { definedTerms }).filter((c) => c.type === 'defined-term')).toEqual([]);
  });

  it('reports a quoted party name as a party, once', () => {
    expect(brief(legalChanges('the Commonwealth of Australia (“Australia”)', 'Japan (“Japan”)')))
      .toEqual([['party', 'Australia', 'Japan'], ['party', 'Australia', 'Japan']]);
  });

  it('follows terms defined elsewhere when told', () => {
    expect(brief(legalChanges('under the Framework', 'under the Arrangement', undefined, { definedTerms: ['the Framework', 'the Arrangement'] })))
      .toEqual([['defined-term', 'the Framework', 'the Arrangement']]);
  });

  it('reports a changed party, by country name and by the draft’s party list', () => {
    expect(brief(legalChanges('the Government of Malaysia', 'the Government of the Kingdom of Thailand'))).toEqual([['party', 'Malaysia', 'Kingdom of Thailand']]);
    const parties = { EU: 'European Union', US: 'United States of America', GL: 'Greenland' };
    expect(legalChanges('the EU and the US', 'the European Union and the United States', undefined, { parties })).toEqual([]);
    expect(brief(legalChanges('the EU and the US', 'the GL and the US', undefined, { parties }))).toEqual([['party', 'EU', 'GL']]);
  });

  it('knows every member of the United Nations by its short, formal and other names, never a shorter name inside a longer one', () => {
    expect(brief(legalChanges('The Government of Chile and the Government of Japan', 'The Government of Peru and the Government of Japan'))).toEqual([['party', 'Chile', 'Peru']]);
    expect(brief(legalChanges('the Republic of Nigeria', 'the Republic of Niger'))).toEqual([['party', 'Nigeria', 'Niger']]);
    expect(brief(legalChanges('the Government of Papua New Guinea', 'the Government of Equatorial Guinea'))).toEqual([['party', 'Papua New Guinea', 'Equatorial Guinea']]);
    expect(brief(legalChanges('the Democratic Republic of the Congo', 'the Republic of the Congo'))).toEqual([['party', 'Democratic Republic of the Congo', 'Republic of the Congo']]);
    // One party under another of its names: nothing changed.
    for (const [a, b] of [['Turkey', 'Türkiye'], ['Czech Republic', 'Czechia'], ["Côte d'Ivoire", 'Côte d’Ivoire'], ['Russian Federation', 'Russia'], ['Viet Nam', 'Vietnam']]) {
      expect(legalChanges(`The Government of ${a} shall notify.`, `The Government of ${b} shall notify.`), `${a} → ${b}`).toEqual([]);
    }
    // "Northern Ireland" is no mention of Ireland.
    expect(brief(legalChanges('the Protocol on Ireland/Northern Ireland', 'the Protocol on Northern Ireland'))).toEqual([['party', 'Ireland', null]]);
    expect(legalChanges('as applied in Northern Ireland', 'as applicable in Northern Ireland')).toEqual([]);
  });

  it('reads the capital short forms (EU, US, USA, UK) as their parties, and a lower-case id only in capitals', () => {
    // Without a party list: "EU" and "European Union" are one party, as are "US" and "United States".
    expect(legalChanges('The EU shall notify the US.', 'The European Union shall notify the United States.')).toEqual([]);
    expect(brief(legalChanges('The EU shall notify the US.', 'The EU shall notify the UK.'))).toEqual([['party', 'US', 'UK']]);
    // Ids written in lower case ("us") stand in the text as "US"; "let us" names no party.
    const parties = { eu: 'European Union', us: 'United States' };
    expect(legalChanges('Let us consult.', 'Let them consult.', undefined, { parties })).toEqual([]);
    expect(brief(legalChanges('The US shall notify the EU.', 'The US shall notify Japan.', undefined, { parties }))).toEqual([['party', 'EU', 'Japan']]);
    expect(legalChanges('The US shall notify the EU.', 'The United States shall notify the European Union.', undefined, { parties })).toEqual([]);
  });
});

describe.skipIf(!corpus)(`real sentences (${corpus ? 'corpus found' : corpusSkipReason})`, () => {
  const read = (dir: string, prefix: string) => {
    const folder = path.join(corpus!, dir);
    const file = fs.readdirSync(folder).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!;
    return fs.readFileSync(path.join(folder, file), 'utf8');
  };
  /** One numbered paragraph of a section, as plain text. */
  const paragraph = (text: string, section: string, number: string) => {
    const body = text.slice(text.indexOf(section));
    const m = new RegExp(`^${number}\\.\\s[\\s\\S]*?(?=\\n\\s*\\n)`, 'm').exec(body);
    if (!m) throw new Error(`paragraph ${number} of ${section} not found`);
    return m[0];
  };

  it('MY → TH, Commencement 4: shall becomes should (weaker), nothing else in law', () => {
    const a = paragraph(read('us-critical-minerals-MOUs_MY-vs-TH', 'v1_'), 'COMMENCEMENT AND DISCONTINUATION', '4');
    const b = paragraph(read('us-critical-minerals-MOUs_MY-vs-TH', 'v2_'), 'COMMENCEMENT AND DISCONTINUATION', '4');
    expect(brief(legalChanges(a, b))).toEqual([['obligation', 'shall', 'should', 'weaker']]);
  });

  it('AU → JP, Financing: "at least $1 billion" removed, Australia → Japan, "intend to" added', () => {
    const line = (text: string) => text.split('\n').find((l) => l.includes('(b) Financing'))!;
    const a = line(read('us-critical-minerals-frameworks_AU-vs-JP', 'v1_'));
    const b = line(read('us-critical-minerals-frameworks_AU-vs-JP', 'v2_'));
    const changes = brief(legalChanges(a, b));
    expect(changes).toContainEqual(['figure', 'at least $1 billion', null]);
    expect(changes).toContainEqual(['figure', 'within 6 months', 'within six months', 'cosmetic']);
    expect(changes).toContainEqual(['party', 'Australia', 'Japan']);
    expect(changes).toContainEqual(['obligation', null, 'intend to']);
  });
});

describe('bracketed alternatives', () => {
  it('reads alternatives settled on one, or on another text, as one change of the group', () => {
    expect(brief(legalChanges('The Participants [shall][will] respect the sovereignty of each other.', 'The Participants will respect the sovereignty of each other.')))
      .toEqual([['obligation', '[shall][will]', 'will']]);
    expect(brief(legalChanges('They will consult within [thirty (30)][sixty (60)] days of the request.', 'They will consult within forty-five (45) days of the request.')))
      .toEqual([['figure', '[thirty (30)][sixty (60)]', 'within forty-five (45) days']]);
    expect(brief(legalChanges('It will notify it at least [thirty (30)][fifteen (15)] days in advance.', 'It will notify it at least thirty (30) days in advance.')))
      .toEqual([['figure', '[thirty (30)][fifteen (15)]', 'at least thirty (30) days']]);
    // And the reverse: a text put in brackets beside a new alternative.
    expect(brief(legalChanges('Each Participant will cooperate.', 'Each Participant [shall][will] cooperate.')))
      .toEqual([['obligation', 'will', '[shall][will]']]);
    // A number word alone in its brackets is a figure: what qualifies it ("a year") stands outside them.
    expect(brief(legalChanges('The Committee will meet at least once a year.', 'The Committee will meet at least [twice][once] a year.')))
      .toEqual([['figure', 'at least once a year', '[twice][once]']]);
    expect(legalChanges('one of the Participants may [act]', 'one of the Participants may [act][decide]')).toEqual([]);
  });

  it('gives a direction only when every alternative has the same strength', () => {
    expect(brief(legalChanges('The Participants [will establish][will explore the establishment of] a mechanism.', 'The Participants intend to develop a mechanism.')))
      .toEqual([['obligation', '[will establish][will explore the establishment of]', 'intend to', 'weaker']]);
    expect(brief(legalChanges('They [shall not][will not] impose export bans.', 'They will not impose export bans.')))
      .toEqual([['obligation', '[shall not][will not]', 'will not']]);
  });

  it('leaves alone a bracket group that stands alone, alternatives next to a change, and alternatives too long to quote', () => {
    expect(legalChanges('The Participants [shall] cooperate.', 'The Participants shall cooperate.')).toEqual([]);
    expect(legalChanges('The Participants [shall][will] cooperate promptly.', 'The Participants [shall][will] cooperate expeditiously.')).toEqual([]);
    const long = 'The Parties [shall ensure that every measure is notified to the Committee][should, where practicable, notify the Committee] in time.';
    expect(brief(legalChanges(long, 'The Parties should, where practicable, notify the Committee in time.')))
      .toEqual([['obligation', 'shall', null]]);
  });
});

describe('legalChanges properties', () => {
  const piece = fc.constantFrom(
    'shall', 'should', 'shall not', 'will', 'may', 'intend to', 'thirty (30) days', '10%', '$1 billion', '31 December 2026',
    'Malaysia', 'Japan', '“Participants”', 'Participants', 'the', 'of', ',', ' ', ' ', '\n', 'x', 'within',
    '[shall][will]', '[thirty (30)][sixty (60)] days', '[', ']', '][',
  );
  const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(' '));

  it('every change quotes the texts at its offsets, and identical texts have none', () => {
    fc.assert(fc.property(text, text, (a, b) => {
      for (const c of legalChanges(a, b)) {
        expect(c.old !== null || c.new !== null).toBe(true);
        if (c.old !== null) expect(a.slice(c.oldStart, c.oldEnd)).toBe(c.old);
        if (c.new !== null) expect(b.slice(c.newStart, c.newEnd)).toBe(c.new);
        if (c.direction) expect(c.type).toBe('obligation');
      }
      expect(legalChanges(a, a)).toEqual([]);
    }), { numRuns: 300 });
  });

  it('a long clause gives the same findings as its changed passage alone', () => {
    // legalChanges looks only near the changes in long texts: this checks that it misses nothing there.
    // Both calls get the same word diff (the long one's, with the common filler cut off the ends). The
    // filler's words are all different and it meets the passage at a "|", so that the diff cannot shift
    // an edit into the filler nor join a whitespace run across the seam.
    const filler = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' ');
    const head = filler + ' |';
    const tail = '| ' + filler;
    fc.assert(fc.property(text, text, (a, b) => {
      const longOps = diffWords(head + a + tail, head + b + tail);
      const shortOps = longOps.map((o) => ({ ...o }));
      expect(shortOps[0]!.op).toBe('equal');
      shortOps[0]!.text = shortOps[0]!.text.slice(head.length);
      const last = shortOps[shortOps.length - 1]!;
      expect(last.op).toBe('equal');
      last.text = last.text.slice(0, last.text.length - tail.length);
      const trimmed = shortOps.filter((o) => o.text !== '');
      const long = legalChanges(head + a + tail, head + b + tail, longOps);
      const short = legalChanges(a, b, trimmed);
      expect(brief(long)).toEqual(brief(short));
      expect(long.map((c) => c.oldStart)).toEqual(short.map((c) => (c.oldStart === undefined ? undefined : c.oldStart + head.length)));
    }), { numRuns: 300 });
  });
});
