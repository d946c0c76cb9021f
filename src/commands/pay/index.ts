/** The verbs of `cowork pay`, in the order `cowork pay --help` lists them. */
import * as record from './record.js';
import * as list from './list.js';
import * as importStatement from './import.js';
import * as reconcile from './reconcile.js';

export const verbs = [record, list, importStatement, reconcile];
