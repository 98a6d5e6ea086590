/**
 * What a three-way comparison (three-way.ts) says of each clause, in the order its counts are given. A module of
 * its own so that readers of a comparison (the HTML page, the app) need not load the comparison itself.
 */
export type ThreeWayStatus = 'unchanged' | 'first-only' | 'second-only' | 'both-same' | 'conflict';
export const THREE_WAY_STATUSES: readonly ThreeWayStatus[] = ['unchanged', 'first-only', 'second-only', 'both-same', 'conflict'];
