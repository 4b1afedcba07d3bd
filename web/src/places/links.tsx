import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useViewer, type Viewer } from '../auth/viewer';

export const municipalityHref = (nisCode: string) => `/gemeenten/${encodeURIComponent(nisCode)}`;
export const regionHref = (regionCode: string) => `/regios/${encodeURIComponent(regionCode)}`;

/** The signed-in viewer, or null outside the app's provider (a component test). */
function useViewerIfAny(): Viewer | null {
  // useViewer reads the context before it throws, so the hooks' order never changes.
  try {
    return useViewer();
  } catch {
    return null;
  }
}

/**
 * A link to a municipality's page: use it wherever a municipality is named.
 * A coordinator may open only their own municipality's page (the API refuses
 * the others), so for them another municipality's name stays plain text.
 */
export function MunicipalityLink({ nisCode, children }: { nisCode: string; children: ReactNode }) {
  const viewer = useViewerIfAny();
  if (viewer?.role === 'COORDINATOR' && viewer.nisCode !== nisCode) return <>{children}</>;
  return <Link to={municipalityHref(nisCode)}>{children}</Link>;
}

/**
 * A link to a southern region's page (ISO 3166-2 code): use it wherever a
 * region is named. A region's page reads every municipality's data, which a
 * coordinator may not: for them the name stays plain text.
 */
export function RegionLink({ regionCode, children }: { regionCode: string; children: ReactNode }) {
  const viewer = useViewerIfAny();
  if (viewer?.role === 'COORDINATOR') return <>{children}</>;
  return <Link to={regionHref(regionCode)}>{children}</Link>;
}
