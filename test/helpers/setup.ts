/**
 * Before every test file: after the file, drop the PostgreSQL databases it made (nothing to do on
 * a SQLite run). See test/helpers/targets.ts.
 */
import { afterAll } from 'vitest';
import { dropCreated } from './targets.js';

afterAll(dropCreated);
