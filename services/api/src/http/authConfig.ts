import type { ClustersDb, ReadModelDb } from '@werkbezoek/projections';
import { Roles, type Role } from '@werkbezoek/schema';
import type { AuthConfig } from '../auth/principal.js';

/** What the sign-in page needs to know before anyone has a token. */
export interface PublicAuthConfig {
  readonly mode: AuthConfig['mode'];
  /**
   * Demo mode only: the roles to sign in as (token `demo-<role in lower case>`,
   * e.g. demo-planner) and the municipalities with a registered twinning, by
   * name (token `demo-coordinator-<NIS code>`).
   */
  readonly demo?: {
    readonly roles: readonly Role[];
    readonly coordinators: readonly { readonly nisCode: string; readonly name: string }[];
  };
}

export async function publicAuthConfig(mode: AuthConfig['mode'], readModels: ReadModelDb): Promise<PublicAuthConfig> {
  if (mode !== 'demo') return { mode };
  const rows = await (readModels.db as ReadModelDb<ClustersDb>['db'])
    .selectFrom('clusters_municipalities as m')
    .innerJoin('clusters_twinnings as t', 't.nis_code', 'm.nis_code')
    .select(['m.nis_code', 'm.name'])
    .distinct()
    .execute();
  const coordinators = rows
    .map((r) => ({ nisCode: r.nis_code, name: r.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.nisCode.localeCompare(b.nisCode));
  return { mode, demo: { roles: [...Roles.codes], coordinators } };
}
