/** The Diagnostic type lives with the model (src/model/diagnostic.ts); the format layer re-exports it. */
export type { Diagnostic } from '../model/diagnostic.js';
