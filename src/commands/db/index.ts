/** The verbs of `cowork db`, in the order `cowork db --help` lists them. */
import * as status from './status.js';
import * as migrate from './migrate.js';

export const verbs = [status, migrate];
