import { Link } from 'wouter';
import type { Decision, MissionType } from '../gql/graphql';
import type { Formatters } from '../i18n/format';
import type { Column } from '../ui/DataTable';
import { RegionLink } from '../places/links';
import type { Vocabulary } from '../vocabulary/vocabularies';
import { RecommendationBadge } from './StatusBadge';

/** What every list of requests shows of a request. */
export interface RequestRow {
  readonly id: string;
  readonly submittedOn: string;
  readonly missionType: MissionType;
  readonly startDate: string;
  readonly endDate: string;
  readonly twinning: { readonly partnerName?: string | null; readonly regionCode?: string | null };
  readonly assessment?: { readonly recommendation: Decision } | null;
}

export const requestHref = (id: string) => `/aanvragen/${encodeURIComponent(id)}`;

/** The columns the inbox and the coordinator's list share, written once. */
export function requestColumns<Row extends RequestRow>(f: Formatters, vocabulary: Vocabulary) {
  return {
    submitted: {
      key: 'submitted',
      header: f.t('col.submitted'),
      render: (row) => <span className="nowrap">{f.shortDate(row.submittedOn)}</span>,
    } satisfies Column<Row>,
    /** The partner (linked to the request where `linked`) and its region. */
    partner: (linked: boolean): Column<Row> => ({
      key: 'partner',
      header: f.t('col.partner'),
      render: (row) => (
        <>
          {linked ? <Link to={requestHref(row.id)}>{row.twinning.partnerName}</Link> : row.twinning.partnerName}
          <span className="chart__sub">
            {row.twinning.regionCode ? (
              <RegionLink regionCode={row.twinning.regionCode}>{vocabulary.region(row.twinning.regionCode)}</RegionLink>
            ) : (
              vocabulary.region(row.twinning.regionCode)
            )}
          </span>
        </>
      ),
    }),
    type: {
      key: 'type',
      header: f.t('col.type'),
      render: (row) => vocabulary.label('missionTypes', row.missionType),
    } satisfies Column<Row>,
    visit: {
      key: 'visit',
      header: f.t('col.visit'),
      render: (row) => (
        <span className="nowrap">
          {f.t('requests.visit', { from: f.shortDate(row.startDate), to: f.shortDate(row.endDate) })}
        </span>
      ),
    } satisfies Column<Row>,
    advice: {
      key: 'advice',
      header: f.t('col.recommendation'),
      render: (row) => <RecommendationBadge decision={row.assessment?.recommendation} />,
    } satisfies Column<Row>,
  };
}
