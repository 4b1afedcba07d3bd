import { useFormat } from '../i18n/format';
import { RegionLink } from '../places/links';
import { useVocabulary } from '../vocabulary/vocabularies';
import { ClusterTimeline, TimelineLegend, type ClusterData } from './ClusterTimeline';
import type { PlannerPeriod } from './period';

/** Regions where several municipalities are active: where a joint mission can come from. */
export function ClustersSection({
  clusters,
  period,
}: {
  clusters: readonly (ClusterData & { readonly countryCode: string })[];
  period: PlannerPeriod;
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const shown = clusters.filter((c) => c.municipalities.length >= 2);
  const others = clusters.length - shown.length;
  if (shown.length === 0) return <p className="notice">{f.t('planner.clusters.empty')}</p>;
  return (
    <>
      <TimelineLegend />
      <ul className="planner-list">
        {shown.map((cluster) => {
          const regionName = vocabulary.region(cluster.regionCode);
          return (
            <li key={cluster.regionCode} className="card planner-card">
              <ClusterTimeline
                cluster={cluster}
                from={period.from}
                to={period.to}
                regionName={regionName}
                heading={
                  <div>
                    <h3>
                      <RegionLink regionCode={cluster.regionCode}>{regionName}</RegionLink>
                    </h3>
                    <p className="planner-card__sub">
                      {f.t('planner.cluster.summary', {
                        municipalities: cluster.municipalities.length,
                        visits: cluster.visits.length,
                        groups: cluster.overlappingGroups.length,
                      })}
                    </p>
                  </div>
                }
              />
            </li>
          );
        })}
      </ul>
      {others > 0 && (
        <p className="small muted" style={{ marginTop: 12 }}>
          {f.t('planner.clusters.others', { count: others })}
        </p>
      )}
    </>
  );
}
