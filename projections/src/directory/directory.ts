import type { RecordedEvent, WerkbezoekEvent } from '@werkbezoek/schema';
import { defineTable, type AnyTableDef, type TableDef } from '../runner/projection.js';
import type { UnitOfWork } from '../runner/unitOfWork.js';

export interface MunicipalityRow {
  nis_code: string;
  name: string;
  province: string;
}

export interface TwinningRow {
  twinning_id: string;
  nis_code: string;
  partner_name: string;
  country_code: string;
  region_code: string;
  since: string;
  ended_on: string | null;
}

export interface StaffNameRow {
  staff_member_id: string;
  name: string;
}

export interface Directory {
  readonly municipalities: TableDef<MunicipalityRow>;
  readonly twinnings: TableDef<TwinningRow>;
  readonly staff: TableDef<StaffNameRow>;
}

/** The events a directory follows; projections that keep one must handle them. */
export const directoryEvents = [
  'MunicipalityRegistered',
  'TwinningEstablished',
  'TwinningEnded',
  'StaffMemberRegistered',
] as const;

/**
 * Names and places a projection needs to denormalise its rows (municipality
 * names, a twinning's region, staff names). Every projection keeps its own
 * copy, prefixed, so it stays the only writer of its tables and can be
 * rebuilt alone.
 */
export function directory(prefix: string): Directory {
  return {
    municipalities: defineTable<MunicipalityRow>({
      name: `${prefix}_municipalities`,
      key: ['nis_code'],
      create: async (db, t) => {
        await db.schema
          .createTable(t)
          .ifNotExists()
          .addColumn('nis_code', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('province', 'text', (c) => c.notNull())
          .execute();
      },
    }),
    twinnings: defineTable<TwinningRow>({
      name: `${prefix}_twinnings`,
      key: ['twinning_id'],
      create: async (db, t) => {
        await db.schema
          .createTable(t)
          .ifNotExists()
          .addColumn('twinning_id', 'text', (c) => c.primaryKey())
          .addColumn('nis_code', 'text', (c) => c.notNull())
          .addColumn('partner_name', 'text', (c) => c.notNull())
          .addColumn('country_code', 'text', (c) => c.notNull())
          .addColumn('region_code', 'text', (c) => c.notNull())
          .addColumn('since', 'text', (c) => c.notNull())
          .addColumn('ended_on', 'text')
          .execute();
      },
    }),
    staff: defineTable<StaffNameRow>({
      name: `${prefix}_staff`,
      key: ['staff_member_id'],
      create: async (db, t) => {
        await db.schema
          .createTable(t)
          .ifNotExists()
          .addColumn('staff_member_id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .execute();
      },
    }),
  };
}

export function directoryTables(d: Directory): AnyTableDef[] {
  return [d.municipalities, d.twinnings, d.staff];
}

/** Applies a directory event; returns false for other events. */
export async function applyDirectory(
  d: Directory,
  e: RecordedEvent<WerkbezoekEvent>,
  uow: UnitOfWork,
): Promise<boolean> {
  switch (e.type) {
    case 'MunicipalityRegistered':
      uow.put(d.municipalities, { nis_code: e.data.nisCode, name: e.data.name, province: e.data.province });
      return true;
    case 'TwinningEstablished': {
      const { twinningId, nisCode, partnerName, countryCode, regionCode, since } = e.data;
      uow.put(d.twinnings, {
        twinning_id: twinningId,
        nis_code: nisCode,
        partner_name: partnerName,
        country_code: countryCode,
        region_code: regionCode,
        since,
        ended_on: null,
      });
      return true;
    }
    case 'TwinningEnded':
      await uow.update(d.twinnings, { twinning_id: e.data.twinningId }, () => ({ ended_on: e.data.endedOn }));
      return true;
    case 'StaffMemberRegistered':
      uow.put(d.staff, { staff_member_id: e.data.staffMemberId, name: e.data.name });
      return true;
    default:
      return false;
  }
}
