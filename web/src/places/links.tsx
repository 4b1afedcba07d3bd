import type { ReactNode } from 'react';
import { Link } from 'wouter';

/** A link to a municipality's page: use it wherever a municipality is named. */
export function MunicipalityLink({ nisCode, children }: { nisCode: string; children: ReactNode }) {
  return <Link to={`/gemeenten/${encodeURIComponent(nisCode)}`}>{children}</Link>;
}

/** A link to a southern region's page (ISO 3166-2 code): use it wherever a region is named. */
export function RegionLink({ regionCode, children }: { regionCode: string; children: ReactNode }) {
  return <Link to={`/regios/${encodeURIComponent(regionCode)}`}>{children}</Link>;
}
