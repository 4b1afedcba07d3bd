import type { ClustersDb } from '@werkbezoek/projections';
import {
  Activities,
  AdditionalReasons,
  DataSubjectKinds,
  Decisions,
  DeclineReasons,
  ErasureReasons,
  ErasureStatuses,
  LessonLevels,
  MissionTypes,
  Phases,
  RequestStatuses,
  Roles,
  countryOfRegion,
  programmeCountries,
  regionLabel,
  regionNames,
  type Label,
} from '@werkbezoek/schema';
import { Ctx, Query, Resolver } from 'type-graphql';
import { PolicyDomainResolver } from '../analytics/policyDomain.resolver.js';
import { views, type ApiContext } from '../context.js';
import { Vocabularies, type RegionLabel } from './vocabularies.type.js';

const label = (l: Label) => ({ nl: l.nl, en: l.en });
const entries = (vocabulary: { entries: readonly { code: string; label: Label }[] }) =>
  vocabulary.entries.map((e) => ({ code: e.code, label: label(e.label) }));

const programme = new Set<string>(programmeCountries);
const byCountryThenCode = (a: RegionLabel, b: RegionLabel) =>
  a.countryCode.localeCompare(b.countryCode) || a.code.localeCompare(b.code);

/** Everything but the twinnings' own regions never changes: made once. */
const fixed = {
  missionTypes: MissionTypes.entries.map((e) => ({ code: e.code, label: label(e.label), rank: e.rank })),
  additionalReasons: AdditionalReasons.entries.map((e) => ({
    code: e.code,
    label: label(e.label),
    derivable: e.derivable,
  })),
  declineReasons: entries(DeclineReasons),
  decisions: entries(Decisions),
  requestStatuses: entries(RequestStatuses),
  activities: Activities.entries.map((e) => ({ code: e.code, label: label(e.label), phase: e.phase })),
  phases: entries(Phases),
  lessonLevels: entries(LessonLevels),
  roles: entries(Roles),
  erasureReasons: entries(ErasureReasons),
  erasureStatuses: entries(ErasureStatuses),
  dataSubjectKinds: entries(DataSubjectKinds),
  policyDomains: new PolicyDomainResolver().policyDomains(),
  regions: Object.entries(regionNames).map(([code, l]) => ({
    code,
    countryCode: countryOfRegion(code) ?? code.slice(0, 2),
    label: label(l),
  })),
};

@Resolver()
export class VocabulariesResolver {
  // Labels are public within the platform: every signed-in user may read them.
  @Query(() => Vocabularies, {
    description: 'Every vocabulary with its Dutch and English labels, and the names of the regions, for the UI.',
  })
  async vocabularies(@Ctx() context: ApiContext): Promise<Vocabularies> {
    const used = await views<ClustersDb>(context)
      .selectFrom('clusters_twinnings')
      .select('region_code')
      .distinct()
      .execute();
    const others: RegionLabel[] = [];
    for (const { region_code: code } of used) {
      const country = countryOfRegion(code);
      if (country && programme.has(country) && regionNames[code]) continue;
      const l = regionLabel(code);
      if (l) others.push({ code, countryCode: country ?? code.slice(0, 2), label: label(l) });
    }
    return { ...fixed, regions: [...fixed.regions, ...others].sort(byCountryThenCode) };
  }
}
