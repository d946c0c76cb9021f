/** The verbs of `cowork users`, in one module: one chunk to load for a run of the noun. */
import * as list from './list.js';
import * as add from './add.js';

export const verbs = [list, add];
