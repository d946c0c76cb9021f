/** The verbs of `cowork db`, in one module: one chunk to load for a run of the noun. */
import * as status from './status.js';
import * as migrate from './migrate.js';

export const verbs = [status, migrate];
