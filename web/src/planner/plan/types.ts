import type { PlanSectionQuery } from '../../gql/graphql';

/** The plan as the workbench's query answers it. */
export type PlanData = PlanSectionQuery['optimizeAccompanimentPlan'];
export type PlanTripData = PlanData['trips'][number];
