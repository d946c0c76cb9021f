// better-sqlite3 13, installed under the name `better-sqlite3-napi` beside 12 (src/store/sqlite-driver.ts):
// the same interface as 12, whose types it takes.
declare module 'better-sqlite3-napi' {
  import Database from 'better-sqlite3';
  export = Database;
}
