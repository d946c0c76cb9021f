/** The verbs of `cowork pay`, in the order `cowork pay --help` lists them. */
import * as record from './record.js';
import * as refund from './refund.js';
import * as reverse from './reverse.js';
import * as list from './list.js';
import * as report from './report.js';
import * as importStatement from './import.js';
import * as reconcile from './reconcile.js';

export const verbs = [record, refund, reverse, list, report, importStatement, reconcile];
