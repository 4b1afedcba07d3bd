import { localDateOf } from '@werkbezoek/domain';
import type { ApiContext } from '../context.js';

/** Today in Brussels, by the server's clock (tests set it), as the domain dates commands. */
export function today(context: ApiContext): string {
  return localDateOf(context.services.now().toISOString());
}
