import { afterAll, describe, expect, it } from 'vitest';
import { compiledShape } from './compiledShapes.js';
import { openReadModels } from './database.js';

interface Db {
  t: { a: string; b: number };
}

const rm = openReadModels<Db>({ dialect: 'sqlite', path: ':memory:' });
afterAll(() => rm.close());

describe('compiledShape', () => {
  it('builds a shape once and runs it with the parameters of each call', () => {
    let builds = 0;
    const build = (a: string) => () => {
      builds++;
      return rm.db.selectFrom('t').selectAll().where('a', '=', a).compile();
    };
    const first = compiledShape(rm.db, 'test: by a', ['x'], build('x'));
    const second = compiledShape(rm.db, 'test: by a', ['y'], build('y'));
    expect(builds).toBe(1);
    expect(second.sql).toBe(first.sql);
    expect(second.parameters).toEqual(['y']);
    expect(first.parameters).toEqual(['x']);
  });

  it('refuses parameters given in another order than the query takes them', () => {
    const build = () => rm.db.selectFrom('t').selectAll().where('a', '=', 'x').where('b', '=', 1).compile();
    expect(() => compiledShape(rm.db, 'test: by a and b', [1, 'x'], build)).toThrow(/not in the order/);
    // Nothing wrong was kept: the right order still builds and runs.
    expect(compiledShape(rm.db, 'test: by a and b', ['x', 1], build).parameters).toEqual(['x', 1]);
  });
});
