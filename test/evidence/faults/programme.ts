import type { ReadModelConfig } from '@werkbezoek/projections';
import { livePlatform, tokens } from '../../e2e/harness.js';
import { mutations } from '../../e2e/scenario.js';

/*
 * The programme the fault suites load: one "desk" per load worker, each with
 * a municipality of its own twinned with a partner in a region of its own (so
 * one worker's requests never reassess another's), a team of staff members, and a
 * mission whose visit began two months ago (missions of later requests lie
 * in the future, and lessons can only be learned from a visit that began).
 *
 * It is written through the API of an in-process platform whose clock is set
 * back, on the data directory (and read-model database) the platform
 * processes then start on with the real clock.
 */

export interface Desk {
  readonly nisCode: string;
  /** The demo token of the municipality's coordinator. */
  readonly coordinator: string;
  readonly twinningId: string;
  /**
   * The desk's staff members, taken in turn for acceptances: one member's 366
   * days a year run out after about sixty six-day missions, which a fast run
   * reaches (the suite then measured the programme's capacity, not faults).
   * The first accompanied the past mission.
   */
  readonly staffMemberIds: readonly string[];
  /** A mission that began before today, for lessons and activities. */
  readonly pastMissionId: string;
}

export interface Programme {
  readonly desks: readonly Desk[];
  /** Today (UTC) as the platform processes see it. */
  readonly today: string;
}

const STAFF_PER_DESK = 4;

const PLACES = [
  { nisCode: '11055', name: 'Zoersel', province: 'ANTWERPEN', partnerName: 'Bohicon', regionCode: 'BJ-ZO' },
  { nisCode: '44043', name: 'Merelbeke', province: 'OOST_VLAANDEREN', partnerName: 'Ouidah', regionCode: 'BJ-AQ' },
  { nisCode: '24062', name: 'Leuven', province: 'VLAAMS_BRABANT', partnerName: 'Kandi', regionCode: 'BJ-AL' },
  { nisCode: '71022', name: 'Hasselt', province: 'LIMBURG', partnerName: 'Parakou', regionCode: 'BJ-BO' },
  { nisCode: '31005', name: 'Brugge', province: 'WEST_VLAANDEREN', partnerName: 'Savalou', regionCode: 'BJ-CO' },
  { nisCode: '12025', name: 'Mechelen', province: 'ANTWERPEN', partnerName: 'Natitingou', regionCode: 'BJ-AK' },
] as const;

export const MAX_DESKS = PLACES.length;

/** `date` moved by `days` (UTC dates, YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Writes the programme for `desks` load workers; the platform is closed again when it returns. */
export async function seedProgramme(options: {
  readonly dataDir: string;
  readonly desks: number;
  readonly readModels?: ReadModelConfig;
}): Promise<Programme> {
  if (options.desks > PLACES.length) throw new Error(`At most ${PLACES.length} desks`);
  const today = utcToday();
  const seedDay = addDays(today, -60);
  const live = await livePlatform({
    dataDir: options.dataDir,
    ...(options.readModels ? { readModels: () => options.readModels! } : {}),
  });
  try {
    live.setToday(seedDay);
    const run = async <T>(token: string, name: keyof typeof mutations, variables: Record<string, unknown>) => {
      const response = await live.gql<Record<string, T>>(token, mutations[name], variables);
      if (response.errors?.length || !response.data) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
      return response.data[name]!;
    };
    const seedYear = Number(seedDay.slice(0, 4));
    for (let year = seedYear; year <= Number(today.slice(0, 4)) + 2; year++)
      await run(tokens.management, 'allocateBudget', { input: { year, amountEur: 5_000_000 } });
    const desks: Desk[] = [];
    for (const place of PLACES.slice(0, options.desks)) {
      const { nisCode, name, province, partnerName, regionCode } = place;
      await run(tokens.staff, 'registerMunicipality', { input: { nisCode, name, province } });
      const twinning = await run<{ id: string }>(tokens.staff, 'establishTwinning', {
        input: {
          nisCode,
          partnerName,
          countryCode: 'BJ',
          regionCode,
          since: '2015-01-01',
          policyDomains: ['CIVIL_REGISTRATION'],
        },
      });
      const staffMemberIds: string[] = [];
      for (let member = 1; member <= STAFF_PER_DESK; member++) {
        const staff = await run<{ id: string }>(tokens.staff, 'registerStaffMember', {
          input: { name: `Begeleider ${member} van ${name}`, daysPerYear: 366, fromYear: seedYear },
        });
        staffMemberIds.push(staff.id);
      }
      const coordinator = `demo-coordinator-${nisCode}`;
      const request = await run<{ id: string }>(coordinator, 'submitAccompanimentRequest', {
        input: {
          twinningId: twinning.id,
          missionType: 'EVALUATION',
          startDate: addDays(seedDay, 7),
          endDate: addDays(seedDay, 8),
          reasons: ['CONTENT_PROBLEMS'],
          policyDomains: ['CIVIL_REGISTRATION'],
          delegationSize: 3,
        },
      });
      const accepted = await run<{ mission: { id: string } }>(tokens.staff, 'decideAccompaniment', {
        input: { requestId: request.id, decision: 'ACCEPT', staffMemberId: staffMemberIds[0] },
      });
      desks.push({
        nisCode,
        coordinator,
        twinningId: twinning.id,
        staffMemberIds,
        pastMissionId: accepted.mission.id,
      });
    }
    return { desks, today };
  } finally {
    await live.close();
  }
}
