import { Link, useParams } from 'wouter';
import { useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { readerRoles } from '../auth/roles';
import { graphql } from '../gql';
import { useFormat } from '../i18n/format';
import { Page } from '../ui/Page';
import { ErrorState, Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { AssessmentView } from './AssessmentView';
import { AuditTimeline } from './AuditTimeline';
import { DecisionForm } from './DecisionForm';
import { MunicipalityHistory, RegionVisits } from './context';
import { MunicipalityLink, RegionLink } from '../places/links';
import { StatusBadge } from './StatusBadge';
import { Personal } from '../ui/Erased';

const RequestDocument = graphql(`
  query RequestPage($id: ID!) {
    accompanimentRequest(id: $id) {
      id
      status
      missionType
      startDate
      endDate
      submittedOn
      delegationSize
      notes
      policyDomains
      reasons
      decidedOn
      declineReason
      decisionNote
      staffMemberName
      withdrawalReason
      municipality {
        nisCode
        name
      }
      twinning {
        id
        partnerName
        regionCode
        countryCode
      }
      assessment {
        assessedOn
        policyVersion
        recommendation
        declineReason
        opportune
        staffTimeAvailable
        budgetAvailable
        requiredReasons
        satisfiedReasons
        derivedReasons
        daysNeeded
        estimatedCostEur
        explanation
        explanationEn
      }
      mission {
        id
        status
        startDate
        endDate
        activitiesDone
        activitiesPlanned
        staffNames
      }
    }
  }
`);

export default function RequestPage() {
  const { id = '' } = useParams<{ id: string }>();
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: RequestDocument, variables: { id } });
  const request = data?.accompanimentRequest;
  const reader = readerRoles.has(viewer.role);
  const back = reader ? (
    <Link to="/aanvragen">← {f.t('request.back')}</Link>
  ) : (
    <Link to="/mijn-aanvragen">← {f.t('nav.myRequests')}</Link>
  );

  if (!request) {
    return (
      <Page title={f.t('requests.title')} busy={fetching} breadcrumb={back}>
        {error ? (
          <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : fetching || !data ? (
          <Loading lines={8} />
        ) : (
          <p className="notice" role="alert">
            {f.t('request.notFound')}
          </p>
        )}
      </Page>
    );
  }

  const municipality = request.municipality.name ?? request.municipality.nisCode;
  return (
    <Page
      title={f.t('request.title', { municipality, partner: request.twinning.partnerName ?? '?' })}
      lead={f.t('request.lead', {
        type: vocabulary.label('missionTypes', request.missionType),
        from: f.date(request.startDate),
        to: f.date(request.endDate),
        size: request.delegationSize,
      })}
      busy={fetching}
      breadcrumb={back}
      actions={<StatusBadge status={request.status} />}
    >
      <div className="grid grid--2">
        <div className="stack">
          <AssessmentView request={request} />
          {request.status === 'SUBMITTED' && reader && <DecisionForm request={request} />}
        </div>
        <div className="stack">
          <section className="card" aria-labelledby="facts-title">
            <h2 id="facts-title">{f.t('request.facts')}</h2>
            <dl className="facts">
              <dt>{f.t('request.submittedOn')}</dt>
              <dd>{f.date(request.submittedOn)}</dd>
              <dt>{f.t('places.municipality')}</dt>
              <dd>
                <MunicipalityLink nisCode={request.municipality.nisCode}>{municipality}</MunicipalityLink>
              </dd>
              <dt>{f.t('request.region')}</dt>
              <dd>
                {request.twinning.regionCode ? (
                  <RegionLink regionCode={request.twinning.regionCode}>
                    {vocabulary.region(request.twinning.regionCode)}
                  </RegionLink>
                ) : (
                  vocabulary.region(request.twinning.regionCode)
                )}
              </dd>
              <dt>{f.t('request.domains')}</dt>
              <dd>
                {request.policyDomains.map((d) => vocabulary.label('policyDomains', d)).join(', ') || f.t('none')}
              </dd>
              {request.notes && (
                <>
                  <dt>{f.t('request.notes')}</dt>
                  <dd>
                    <Personal value={request.notes} />
                  </dd>
                </>
              )}
              {request.decidedOn && (
                <>
                  <dt>{f.t('request.decided')}</dt>
                  <dd>{f.date(request.decidedOn)}</dd>
                </>
              )}
              {request.staffMemberName && (
                <>
                  <dt>{f.t('request.staff')}</dt>
                  <dd>
                    <Personal value={request.staffMemberName} />
                  </dd>
                </>
              )}
              {request.declineReason && (
                <>
                  <dt>{f.t('request.declineReason')}</dt>
                  <dd>{vocabulary.label('declineReasons', request.declineReason)}</dd>
                </>
              )}
              {request.decisionNote && (
                <>
                  <dt>{f.t('request.decisionNote')}</dt>
                  <dd>
                    <Personal value={request.decisionNote} />
                  </dd>
                </>
              )}
              {request.withdrawalReason && (
                <>
                  <dt>{f.t('request.withdrawalReason')}</dt>
                  <dd>
                    <Personal value={request.withdrawalReason} />
                  </dd>
                </>
              )}
              {request.mission && (
                <>
                  <dt>{f.t('request.mission')}</dt>
                  <dd>
                    {f.t('request.missionLine', {
                      status: f.t(`missionStatus.${request.mission.status}`),
                      from: f.shortDate(request.mission.startDate),
                      to: f.shortDate(request.mission.endDate),
                      done: request.mission.activitiesDone,
                      planned: request.mission.activitiesPlanned,
                    })}
                  </dd>
                </>
              )}
            </dl>
          </section>
          <MunicipalityHistory nisCode={request.municipality.nisCode} name={municipality} exclude={request.id} />
          {reader && request.twinning.regionCode && (
            <RegionVisits
              regionCode={request.twinning.regionCode}
              startDate={request.startDate}
              endDate={request.endDate}
              exclude={request.id}
            />
          )}
          <AuditTimeline
            requestId={request.id}
            municipality={{ nisCode: request.municipality.nisCode, name: municipality }}
          />
        </div>
      </div>
    </Page>
  );
}
