import { getMissionById, type MissionsDb, type MissionView } from '@werkbezoek/projections';
import { NotFoundError } from '@werkbezoek/schema';
import { authorize, forbidden } from '../auth/roles.js';
import { views, type ApiContext } from '../context.js';

/*
 * A mission's fields beyond the small `Mission` type come from the missions
 * read model. One GraphQL request reads each mission once, however many of
 * those fields it asks for; a mutation reloads it (`fresh`).
 */
type Cache = Map<string, Promise<MissionView | undefined>>;
const loaded = new WeakMap<ApiContext, Cache>();

function cacheOf(context: ApiContext): Cache {
  let cache = loaded.get(context);
  if (!cache) {
    cache = new Map<string, Promise<MissionView | undefined>>();
    loaded.set(context, cache);
  }
  return cache;
}

export function findMission(
  context: ApiContext,
  missionId: string,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<MissionView | undefined> {
  const cache = cacheOf(context);
  let found = fresh ? undefined : cache.get(missionId);
  if (!found) {
    found = getMissionById(views<MissionsDb>(context), missionId);
    cache.set(missionId, found);
  }
  return found;
}

export async function loadMission(
  context: ApiContext,
  missionId: string,
  options: { fresh?: boolean } = {},
): Promise<MissionView> {
  const mission = await findMission(context, missionId, options);
  if (!mission) throw new NotFoundError(`Mission ${missionId} does not exist`);
  return mission;
}

/** Keeps missions read as a list, so their fields need no further reads. */
export function rememberMissions(context: ApiContext, missions: readonly MissionView[]): void {
  const cache = cacheOf(context);
  for (const m of missions) cache.set(m.missionId, Promise.resolve(m));
}

/** Reader roles see every mission; a coordinator those that involve their municipality. */
export function authorizeMission(context: ApiContext, mission: MissionView): void {
  const { principal } = context;
  if (principal.role === 'COORDINATOR') {
    if (!principal.nisCode || !mission.nisCodes.includes(principal.nisCode))
      throw forbidden(`A coordinator of ${principal.nisCode ?? '?'} cannot see mission ${mission.missionId}`);
  } else authorize(principal, 'readAll');
}
