import type { CompiledQuery, Kysely } from 'kysely';

/*
 * Building and compiling a query costs more than SQLite takes to run a small
 * one, and a read model is queried again and again in the same few shapes;
 * so each shape is compiled once, per database, and run with the values of
 * the moment. The read models' Kysely has no plugins, whose per-query state
 * would not expect a compiled query to run more than once.
 */
const compiled = new WeakMap<object, Map<string, CompiledQuery<unknown>>>();

/** Shapes kept per database before the cache starts over (shapes come from filters, so there are few). */
const MAX_SHAPES = 500;

/**
 * The query of this shape, compiled on first use by `build`, with these
 * parameters. `parameters` must be in the order the built query takes them;
 * the first build checks it, so a change to the builder cannot silently bind
 * values to the wrong placeholders.
 */
export function compiledShape<DB, R>(
  db: Kysely<DB>,
  shape: string,
  parameters: readonly unknown[],
  build: () => CompiledQuery<R>,
): CompiledQuery<R> {
  let shapes = compiled.get(db);
  if (!shapes) compiled.set(db, (shapes = new Map<string, CompiledQuery<unknown>>()));
  const known = shapes.get(shape) as CompiledQuery<R> | undefined;
  if (known) return { ...known, parameters };
  const fresh = build();
  if (fresh.parameters.length !== parameters.length || fresh.parameters.some((p, i) => p !== parameters[i]))
    throw new Error(`A query's parameters are not in the order its caller gives them: ${fresh.sql}`);
  if (shapes.size >= MAX_SHAPES) shapes.clear();
  shapes.set(shape, fresh);
  return fresh;
}
