/** The verbs of `cowork services`, in one module: one chunk to load for a run of the noun. */
import * as list from './list.js';
import * as show from './show.js';
import * as create from './create.js';
import * as set from './set.js';

export const verbs = [list, show, create, set];
