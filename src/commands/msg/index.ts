/** The verbs of `cowork msg`, in the order `cowork msg --help` lists them. */
import * as post from './post.js';
import * as list from './list.js';

export const verbs = [post, list];
