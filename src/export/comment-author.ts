/**
 * Whose the margin comments of a Word redline are (docx-redline.ts): the comparison's, not a party's. A document
 * that comes back with them is not said to hold the other side's remarks for them (node/read-draft-file.ts).
 */
export const COMMENT_AUTHOR = 'Parley';
