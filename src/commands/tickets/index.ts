/** The verbs of `cowork tickets`, in the order `cowork tickets --help` lists them. */
import * as list from './list.js';
import * as show from './show.js';
import * as checkIn from './check-in.js';

export const verbs = [list, show, checkIn];
