import { staffNames, type CapacityDb } from '@werkbezoek/projections';
import { ERASED_VALUE, renderStaffTokens, staffTokenIds } from '@werkbezoek/schema';
import { views, type ApiContext } from '../context.js';

/** Puts the current names of the staff members a text names by token (staffTokens.ts) in their place. */
export type StaffNameRenderer = (text: string) => string;

/** For texts without staff tokens, such as a coordinator's explanation, which is made without them. */
export const noStaffNames: StaffNameRenderer = (text) => text;

/**
 * A renderer for these texts (an assessment's explanations, all those of a
 * page at once): the names of the staff members they name, read from the
 * staff read model in one query, and ERASED_VALUE for one it does not know.
 * Read at every request rather than stored in the request read model, so a
 * name is always the current one, and an erased staff member's reads as
 * [gewist] as soon as the read models were rebuilt after the erasure, in
 * every request that named them, without rewriting those rows.
 */
export async function staffNamesFor(context: ApiContext, texts: Iterable<string>): Promise<StaffNameRenderer> {
  const ids = staffTokenIds(texts);
  if (ids.length === 0) return noStaffNames;
  const names = await staffNames(views<CapacityDb>(context), ids);
  return (text) => renderStaffTokens(text, (id) => names.get(id) ?? ERASED_VALUE);
}
