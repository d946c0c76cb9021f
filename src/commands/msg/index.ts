/** The verbs of `cowork msg`, in one module: one chunk to load for a run of the noun. */
import * as post from './post.js';
import * as list from './list.js';

export const verbs = [post, list];
