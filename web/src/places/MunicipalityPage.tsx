import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Link, useParams } from 'wouter';
import { readerRoles } from '../auth/roles';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import { errorKind } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { requestsHref } from '../requests/filters';
import { KpiGrid } from '../ui/KpiGrid';
import { Badge } from '../ui/Badge';
import { Page } from '../ui/Page';
import { ErrorState, Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { RegionLink } from './links';
import { Refusal } from './Refusal';
import { visitOutcome } from './timeline';
import { VisitTimeline, type MissionLesson } from './VisitTimeline';
import './places.css';

const MunicipalityDocument = graphql(`
  query MunicipalityPage_Query($nisCode: String!) {
    municipality(nisCode: $nisCode) {
      nisCode
      name
      province
      twinnings {
        id
        partnerName
        countryCode
        regionCode
        since
        endedOn
        active
      }
    }
    accompanimentHistory(nisCode: $nisCode) {
      nisCode
      lastAccompaniedOn
      monthsSinceLastAccompaniment
      declineReasons {
        reason
        count
      }
      visits {
        id
        kind
        requestId
        missionId
        jointMissionId
        missionType
        startDate
        endDate
        accompanied
        status
        missionStatus
        declineReason
        decidedOn
        staffNames
      }
    }
  }
`);

/** What only reader roles may see: actors name people, lessons are the catalogue's. */
const ReaderDocument = graphql(`
  query MunicipalityPage_ReaderQuery($nisCode: String!) {
    municipality(nisCode: $nisCode) {
      nisCode
      twinnings {
        id
        actorChanges {
          changedOn
          side
          actorKind
          description
          personName
        }
      }
    }
    missions(filter: { nisCode: $nisCode }, first: 100) {
      edges {
        node {
          id
          lessons {
            id
            title
            goodPractice
          }
        }
      }
    }
  }
`);

export default function MunicipalityPage() {
  const { nisCode = '' } = useParams<{ nisCode: string }>();
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const reader = readerRoles.has(viewer.role);
  // The API refuses a coordinator another municipality; asking it would only log a 403 in the console.
  const refused = viewer.role === 'COORDINATOR' && viewer.nisCode !== nisCode;
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: MunicipalityDocument,
    variables: { nisCode },
    pause: refused,
  });
  const [readerResult] = useQuery({ query: ReaderDocument, variables: { nisCode }, pause: !reader });

  const lessons = useMemo(() => {
    const byMission = new Map<string, readonly MissionLesson[]>();
    for (const edge of readerResult.data?.missions.edges ?? []) byMission.set(edge.node.id, edge.node.lessons);
    return byMission;
  }, [readerResult.data]);
  const actors = useMemo(
    () => new Map((readerResult.data?.municipality?.twinnings ?? []).map((t) => [t.id, t.actorChanges])),
    [readerResult.data],
  );

  const municipality = data?.municipality;
  const history = data?.accompanimentHistory;
  if (refused) {
    return (
      <Page title={f.t('places.municipality')} busy={false}>
        <Refusal role={viewer.role} />
      </Page>
    );
  }
  if (!municipality || !history) {
    const notFound = (data && !municipality) || (error && errorKind(error) === 'notFound');
    return (
      <Page title={f.t('places.municipality')} busy={fetching}>
        {notFound ? (
          <p className="notice" role="alert">
            {f.t('places.notFound.municipality', { nisCode })}
          </p>
        ) : error ? (
          <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : (
          <Loading lines={8} />
        )}
      </Page>
    );
  }

  const name = municipality.name;
  const visits = history.visits;
  const accompanied = visits.filter((v) => v.accompanied).length;
  const declined = visits.filter((v) => visitOutcome(v) === 'declined').length;
  const lessonCount = [...lessons.values()].reduce((sum, l) => sum + l.length, 0);
  const kpis: { label: string; value: string; note?: string; href?: string }[] = [
    {
      label: f.t('municipality.sinceLast'),
      // the figure alone, its unit in the label: a long "112 maanden" would wrap in a tile
      value:
        history.monthsSinceLastAccompaniment == null ? f.t('none') : f.number(history.monthsSinceLastAccompaniment),
      note: history.lastAccompaniedOn
        ? f.t('municipality.sinceLastOn', { date: f.date(history.lastAccompaniedOn) })
        : f.t('municipality.neverAccompanied'),
    },
    {
      label: f.t('municipality.visits'),
      value: f.number(visits.length),
      ...(reader ? { href: requestsHref({ nisCode }) } : {}),
    },
    { label: f.t('municipality.accompanied'), value: f.number(accompanied) },
    {
      label: f.t('municipality.declined'),
      value: f.number(declined),
      ...(reader ? { href: requestsHref({ nisCode, status: ['DECLINED'] }) } : {}),
    },
    ...(reader && readerResult.data ? [{ label: f.t('municipality.lessons'), value: f.number(lessonCount) }] : []),
  ];

  return (
    <Page
      title={name}
      lead={f.t('municipality.lead', { province: f.t(`places.province.${municipality.province}`), nisCode })}
      busy={fetching || (reader && readerResult.fetching)}
      actions={
        reader ? (
          <Link className="button" to={requestsHref({ nisCode })}>
            {f.t('municipality.requests', { municipality: name })}
          </Link>
        ) : (
          <Link className="button" to="/mijn-aanvragen">
            {f.t('nav.myRequests')}
          </Link>
        )
      }
    >
      <KpiGrid kpis={kpis} label={f.t('municipality.figures', { municipality: name })} className="places-kpis" />
      <div className="places-columns">
        <section className="card" aria-labelledby="visits-title">
          <h2 id="visits-title">{f.t('timeline.title', { municipality: name })}</h2>
          <p className="small muted">{f.t('timeline.lead')}</p>
          {visits.length === 0 ? (
            <p className="muted">{f.t('timeline.empty')}</p>
          ) : (
            <VisitTimeline
              visits={visits}
              headingId="visits-year"
              {...(reader ? { lessonsOf: (missionId: string) => lessons.get(missionId) } : {})}
            />
          )}
        </section>
        <div className="stack">
          {municipality.twinnings.length === 0 && (
            <section className="card">
              <p className="muted">{f.t('twinning.none')}</p>
            </section>
          )}
          {municipality.twinnings.map((twinning) => {
            const changes = actors.get(twinning.id);
            const titleId = `twinning-${twinning.id}`;
            return (
              <section key={twinning.id} className="card" aria-labelledby={titleId}>
                <div className="row places-card-head">
                  <h2 id={titleId}>{f.t('twinning.title', { partner: twinning.partnerName })}</h2>
                  <Badge tone={twinning.active ? 'ok' : 'muted'}>
                    {f.t(twinning.active ? 'twinning.active' : 'twinning.endedBadge')}
                  </Badge>
                </div>
                <dl className="facts">
                  <dt>{f.t('twinning.partner')}</dt>
                  <dd>{twinning.partnerName}</dd>
                  <dt>{f.t('twinning.region')}</dt>
                  <dd>
                    <RegionLink regionCode={twinning.regionCode}>
                      {vocabulary.label('regions', twinning.regionCode)}
                    </RegionLink>
                  </dd>
                  <dt>{f.t('twinning.country')}</dt>
                  <dd>{vocabulary.country(twinning.countryCode)}</dd>
                  <dt>{f.t('twinning.since')}</dt>
                  <dd>{f.date(twinning.since)}</dd>
                  {twinning.endedOn && (
                    <>
                      <dt>{f.t('twinning.ended')}</dt>
                      <dd>{f.date(twinning.endedOn)}</dd>
                    </>
                  )}
                </dl>
                {reader && (
                  <>
                    <h3 className="places-subhead">{f.t('actors.title')}</h3>
                    {!changes ? (
                      readerResult.error ? (
                        <ErrorState error={readerResult.error} role={viewer.role} />
                      ) : (
                        <Loading />
                      )
                    ) : changes.length === 0 ? (
                      <p className="muted small">{f.t('actors.empty')}</p>
                    ) : (
                      <ul className="timeline">
                        {[...changes].reverse().map((change, index) => (
                          <li key={`${change.changedOn}-${index}`}>
                            <time dateTime={change.changedOn}>{f.date(change.changedOn)}</time>
                            <div>
                              <strong>
                                {f.t('actors.change', {
                                  kind: f.t(`actors.kind.${change.actorKind}`),
                                  side: f.t(`actors.side.${change.side}`),
                                })}
                              </strong>
                            </div>
                            <p className="small places-visit__detail">{change.description}</p>
                            {change.personName && (
                              <p className="small muted places-visit__detail">
                                {f.t('actors.person', { name: change.personName })}
                              </p>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </>
                )}
              </section>
            );
          })}
          {history.declineReasons.length > 0 && (
            <section className="card" aria-labelledby="declines-title">
              <h2 id="declines-title">{f.t('declines.title')}</h2>
              <ul className="places-counts">
                {history.declineReasons.map((d) => (
                  <li key={d.reason}>
                    <span>{vocabulary.label('declineReasons', d.reason)}</span>
                    <span className="places-counts__n">{f.number(d.count)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </Page>
  );
}
