/** What the map shows: the regions of the programme's partner countries in a period, optionally one country. */
export interface RegionMapProps {
  readonly from: string;
  readonly to: string;
  readonly countryCode?: string | null;
}

/** Placeholder until the map is built (issue 13); the dashboard and the planner place it. */
export function RegionMap(_props: RegionMapProps) {
  return null;
}
