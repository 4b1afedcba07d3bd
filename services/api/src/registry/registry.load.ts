import type { CapacityDb, ClustersDb, HistoryDb, TwinningView } from '@werkbezoek/projections';
import { NotFoundError } from '@werkbezoek/schema';
import { authorize, authorizeMunicipality } from '../auth/roles.js';
import { views, type ApiContext } from '../context.js';
import type { Municipality, StaffMember } from './registry.type.js';

/** Every reader role sees everything; a coordinator only what concerns their own municipality. */
export function authorizeRead(context: ApiContext, nisCode: string): void {
  if (context.principal.role === 'COORDINATOR') authorizeMunicipality(context.principal, nisCode);
  else authorize(context.principal, 'readAll');
}

export async function findMunicipality(context: ApiContext, nisCode: string): Promise<Municipality | undefined> {
  const row = await views<HistoryDb>(context)
    .selectFrom('history_municipalities')
    .selectAll()
    .where('nis_code', '=', nisCode)
    .executeTakeFirst();
  return row && { nisCode: row.nis_code, name: row.name, province: row.province };
}

export async function loadMunicipality(context: ApiContext, nisCode: string): Promise<Municipality> {
  const municipality = await findMunicipality(context, nisCode);
  if (!municipality) throw new NotFoundError(`Municipality ${nisCode} is not registered`);
  return municipality;
}

const names = new WeakMap<ApiContext, Promise<Map<string, string>>>();

/** The names of the registered municipalities, read once per GraphQL request. */
export function municipalityNames(context: ApiContext): Promise<Map<string, string>> {
  let found = names.get(context);
  if (!found) {
    found = views<HistoryDb>(context)
      .selectFrom('history_municipalities')
      .select(['nis_code', 'name'])
      .execute()
      .then((rows) => new Map(rows.map((r) => [r.nis_code, r.name])));
    names.set(context, found);
  }
  return found;
}

export async function findTwinning(context: ApiContext, twinningId: string): Promise<TwinningView | undefined> {
  const r = await views<ClustersDb>(context)
    .selectFrom('clusters_twinnings as t')
    .leftJoin('clusters_municipalities as m', 'm.nis_code', 't.nis_code')
    .selectAll('t')
    .select('m.name as municipality_name')
    .where('t.twinning_id', '=', twinningId)
    .executeTakeFirst();
  return (
    r && {
      twinningId: r.twinning_id,
      nisCode: r.nis_code,
      municipalityName: r.municipality_name,
      partnerName: r.partner_name,
      countryCode: r.country_code,
      regionCode: r.region_code,
      since: r.since,
      endedOn: r.ended_on,
    }
  );
}

export async function loadTwinning(context: ApiContext, twinningId: string): Promise<TwinningView> {
  const twinning = await findTwinning(context, twinningId);
  if (!twinning) throw new NotFoundError(`Twinning ${twinningId} does not exist`);
  return twinning;
}

export async function findStaffMember(context: ApiContext, staffMemberId: string): Promise<StaffMember | undefined> {
  const db = views<CapacityDb>(context);
  const row = await db
    .selectFrom('capacity_staff')
    .selectAll()
    .where('staff_member_id', '=', staffMemberId)
    .executeTakeFirst();
  if (!row) return undefined;
  const declarations = await db
    .selectFrom('capacity_declarations')
    .select(['from_year', 'days'])
    .where('staff_member_id', '=', staffMemberId)
    .orderBy('from_year')
    .execute();
  return {
    id: row.staff_member_id,
    name: row.name,
    declarations: declarations.map((d) => ({ fromYear: d.from_year, days: d.days })),
  };
}

export async function loadStaffMember(context: ApiContext, staffMemberId: string): Promise<StaffMember> {
  const staff = await findStaffMember(context, staffMemberId);
  if (!staff) throw new NotFoundError(`Staff member ${staffMemberId} is not registered`);
  return staff;
}
