/** The verbs of `cowork orders`, in the order `cowork orders --help` lists them. */
import * as list from './list.js';
import * as show from './show.js';
import * as create from './create.js';
import * as assign from './assign.js';
import * as cancel from './cancel.js';

export const verbs = [list, show, create, assign, cancel];
