/** The verbs of `cowork users`, in the order `cowork users --help` lists them. */
import * as list from './list.js';
import * as add from './add.js';

export const verbs = [list, add];
