/** The verbs of `cowork services`, in the order `cowork services --help` lists them. */
import * as list from './list.js';
import * as show from './show.js';
import * as create from './create.js';
import * as set from './set.js';

export const verbs = [list, show, create, set];
