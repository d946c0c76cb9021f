/** The verbs of `cowork tickets`, in one module: one chunk to load for a run of the noun. */
import * as show from './show.js';
import * as checkIn from './check-in.js';

export const verbs = [show, checkIn];
