import type { BudgetYearView, StaffCapacityView, TwinningView } from '@werkbezoek/projections';
import type { Budget, StaffCapacity, Twinning } from './registry.type.js';

export function toTwinning(t: TwinningView): Twinning {
  return {
    id: t.twinningId,
    nisCode: t.nisCode,
    municipality: { nisCode: t.nisCode, name: t.municipalityName },
    partnerName: t.partnerName,
    countryCode: t.countryCode,
    regionCode: t.regionCode,
    since: t.since,
    endedOn: t.endedOn,
    // A twinning cannot be ended in the future, so an end date means it has ended.
    active: t.endedOn === null,
  };
}

export function toStaffCapacity(c: StaffCapacityView): StaffCapacity {
  return { ...c };
}

export function toBudget(b: BudgetYearView): Budget {
  return { ...b };
}
