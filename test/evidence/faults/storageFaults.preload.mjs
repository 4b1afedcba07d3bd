/*
 * Loaded into a platform process (NODE_OPTIONS=--import=<this file>) by the
 * storage-fault evidence suite when the machine gives no small file system
 * to fill: it makes the process's SQLite databases behave as on a full or a
 * read-only disk, at SQLite's own boundary. The file named by
 * STORAGE_FAULT_CONTROL holds one word, read every 20 ms:
 *
 * - `full`: every connection's PRAGMA max_page_count is set to its database's
 *   present size, so a write that needs one more page fails with SQLITE_FULL,
 *   as on a disk with no space left (a write that fits in the pages it has
 *   still succeeds, as on a real disk);
 * - `readonly`: PRAGMA query_only, so every write fails with SQLITE_READONLY,
 *   as on a database file opened read-only;
 * - anything else: both lifted again.
 *
 * A word may name one database file after a colon (`full:read-models.db`):
 * then only that file's connections get the fault.
 *
 * Only test code loads it; the product knows nothing of it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { setInterval } from 'node:timers';
import { URL } from 'node:url';

const control = process.env.STORAGE_FAULT_CONTROL;
// The copy of better-sqlite3 that the event store and the read models load.
const require = createRequire(new URL('../../../services/eventstore/package.json', import.meta.url));
const Database = require('better-sqlite3');

const connections = new Set();
for (const method of ['pragma', 'prepare', 'exec', 'transaction']) {
  const original = Database.prototype[method];
  Database.prototype[method] = function tracked(...args) {
    if (this.open && !this.memory) connections.add(this);
    return original.apply(this, args);
  };
}

// Far above anything a test writes, and within what every SQLite build accepts.
const UNLIMITED = 1_073_741_823;
let state = 'ok';

function apply(next) {
  const [fault, file] = next.split(':');
  for (const db of connections) {
    if (!db.open) {
      connections.delete(db);
      continue;
    }
    const hit = !file || db.name.endsWith(`/${file}`);
    try {
      if (hit && fault === 'full') {
        const pages = db.pragma('page_count', { simple: true });
        db.pragma(`max_page_count = ${pages}`);
      } else db.pragma(`max_page_count = ${UNLIMITED}`);
      db.pragma(`query_only = ${hit && fault === 'readonly' ? 'ON' : 'OFF'}`);
    } catch {
      // The connection is busy with a statement: the next round applies it.
      return;
    }
  }
  state = next;
}

if (control) {
  setInterval(() => {
    let next = 'ok';
    try {
      next = readFileSync(control, 'utf8').trim() || 'ok';
    } catch {
      // No file: no fault.
    }
    // Applied again while a fault lasts: a connection opened since then gets it too.
    if (next !== state || next !== 'ok') apply(next);
  }, 20).unref();
}
