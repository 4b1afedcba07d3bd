import { Link } from 'wouter';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useFormat } from '../i18n/format';
import { Badge } from '../ui/Badge';
import { MunicipalityLink, RegionLink } from '../places/links';
import { Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { requestHref } from './columns';
import { StatusBadge } from './StatusBadge';

const HistoryDocument = graphql(`
  query MunicipalityHistory($nisCode: String!) {
    accompanimentHistory(nisCode: $nisCode) {
      nisCode
      lastAccompaniedOn
      monthsSinceLastAccompaniment
      visits {
        id
        kind
        requestId
        missionType
        startDate
        endDate
        accompanied
        status
      }
    }
  }
`);

/** The municipality's earlier work visits: what FOLLOW_UP is derived from. */
export function MunicipalityHistory({ nisCode, name, exclude }: { nisCode: string; name: string; exclude: string }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const [{ data }] = useQuery({ query: HistoryDocument, variables: { nisCode } });
  const history = data?.accompanimentHistory;
  const visits = history?.visits.filter((v) => v.requestId !== exclude).slice(0, 8) ?? [];
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{f.t('history.title', { municipality: name })}</h2>
      {!history ? (
        <Loading />
      ) : (
        <>
          <p>
            {history.lastAccompaniedOn
              ? f.t('history.last', {
                  date: f.date(history.lastAccompaniedOn),
                  months: history.monthsSinceLastAccompaniment ?? 0,
                })
              : f.t('history.never')}
          </p>
          {visits.length === 0 ? (
            <p className="muted">{f.t('history.empty')}</p>
          ) : (
            <ul className="timeline">
              {visits.map((visit) => (
                <li key={visit.id}>
                  <time dateTime={visit.startDate}>
                    {f.t('requests.visit', { from: f.shortDate(visit.startDate), to: f.shortDate(visit.endDate) })}
                  </time>
                  <div className="row" style={{ gap: 8 }}>
                    {visit.requestId ? (
                      <Link to={requestHref(visit.requestId)}>
                        {vocabulary.label('missionTypes', visit.missionType)}
                      </Link>
                    ) : (
                      vocabulary.label('missionTypes', visit.missionType)
                    )}
                    <Badge tone={visit.accompanied ? 'ok' : 'muted'}>
                      {f.t(visit.accompanied ? 'history.accompanied' : 'history.notAccompanied')}
                    </Badge>
                    {visit.status && <StatusBadge status={visit.status} />}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <p className="small">
            <MunicipalityLink nisCode={nisCode}>{f.t('timeline.title', { municipality: name })}</MunicipalityLink>
          </p>
        </>
      )}
    </section>
  );
}

const RegionDocument = graphql(`
  query RegionVisits($filter: RequestFilter!) {
    accompanimentRequests(filter: $filter, first: 20) {
      edges {
        node {
          id
          status
          missionType
          startDate
          endDate
          municipality {
            nisCode
            name
          }
        }
      }
    }
  }
`);

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Other municipalities' visits to the same region around this one: what COMBINED_VISITS and joint missions are made of. */
export function RegionVisits({
  regionCode,
  startDate,
  endDate,
  exclude,
}: {
  regionCode: string;
  startDate: string;
  endDate: string;
  exclude: string;
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const [{ data }] = useQuery({
    query: RegionDocument,
    variables: { filter: { regionCode, from: shift(startDate, -60), to: shift(endDate, 60) } },
  });
  const visits =
    data?.accompanimentRequests.edges
      .map((e) => e.node)
      .filter((n) => n.id !== exclude)
      .sort((a, b) => a.startDate.localeCompare(b.startDate)) ?? [];
  return (
    <section className="card" aria-labelledby="region-title">
      <h2 id="region-title">{f.t('region.title', { region: vocabulary.region(regionCode) })}</h2>
      <p className="small muted">{f.t('region.lead')}</p>
      {!data ? (
        <Loading />
      ) : visits.length === 0 ? (
        <p className="muted">{f.t('region.empty')}</p>
      ) : (
        <ul className="timeline">
          {visits.map((visit) => (
            <li key={visit.id}>
              <time dateTime={visit.startDate}>
                {f.t('requests.visit', { from: f.shortDate(visit.startDate), to: f.shortDate(visit.endDate) })}
              </time>
              <div className="row" style={{ gap: 8 }}>
                <MunicipalityLink nisCode={visit.municipality.nisCode}>
                  {visit.municipality.name ?? visit.municipality.nisCode}
                </MunicipalityLink>
                <Link to={requestHref(visit.id)}>{vocabulary.label('missionTypes', visit.missionType)}</Link>
                <StatusBadge status={visit.status} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="small">
        <RegionLink regionCode={regionCode}>{vocabulary.region(regionCode)}</RegionLink>
      </p>
    </section>
  );
}
