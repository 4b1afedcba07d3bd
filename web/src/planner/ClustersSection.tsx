import { useClient } from 'urql';
import { graphql } from '../gql';
import type { PlannerRegionalClusterFragment } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import { RegionLink } from '../places/links';
import { useVocabulary } from '../vocabulary/vocabularies';
import { ClusterTimeline, TimelineLegend } from './ClusterTimeline';
import { ShowMore, useMorePages, type RankedConnection } from './morePages';
import type { PlannerPeriod } from './period';

// What a region's card shows; the planner page reads the first page of regions, "show more" the next ones.
graphql(`
  fragment PlannerRegionalCluster on RegionalCluster {
    regionCode
    countryCode
    municipalities {
      nisCode
      name
      partnerName
      visiting
    }
    visits {
      id
      kind
      status
      startDate
      endDate
      missionType
      regionCode
      requestIds
      municipalities {
        nisCode
        name
      }
    }
    overlappingGroups {
      startDate
      endDate
      nisCodes
      visits {
        id
      }
    }
    jointMissions {
      id
      status
      startDate
      endDate
      title
    }
    regionalEvents {
      id
      status
      startDate
      endDate
      title
    }
  }
`);

const MoreRegionsDocument = graphql(`
  query PlannerMoreRegions($from: LocalDate!, $to: LocalDate!, $countryCode: String, $after: String!) {
    regionalClusterPage(from: $from, to: $to, countryCode: $countryCode, first: 20, maxVisits: 500, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PlannerRegionalCluster
        }
      }
    }
  }
`);

/**
 * Regions where several municipalities are active: where a joint mission can
 * come from. The busiest regions first, a page at a time (issue 16: at a
 * national scale there are dozens of regions with hundreds of visits each).
 */
export function ClustersSection({
  page,
  period,
}: {
  page: RankedConnection<PlannerRegionalClusterFragment>;
  period: PlannerPeriod;
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const client = useClient();
  const pages = useMorePages(page, async (after) => {
    const result = await client
      .query(
        MoreRegionsDocument,
        { from: period.from, to: period.to, countryCode: period.countryCode ?? null, after },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (!result.data) throw result.error ?? new Error('No page of regions');
    return result.data.regionalClusterPage;
  });
  const clusters = pages.nodes;
  const shown = clusters.filter((c) => c.municipalities.length >= 2);
  const others = clusters.length - shown.length;
  const more = <ShowMore shown={clusters.length} pages={pages} kind="clusters" />;
  if (shown.length === 0)
    return (
      <>
        <p className="notice">{f.t('planner.clusters.empty')}</p>
        {more}
      </>
    );
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
      {more}
    </>
  );
}
