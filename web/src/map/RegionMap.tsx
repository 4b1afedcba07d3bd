import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { AreaMessages } from '../i18n/AreaMessages';
import { useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { RegionMapQuery } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import { RegionLink } from '../places/links';
import { ChartCard, type FigureColumn } from '../ui/ChartCard';
import { ErrorState, Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';

// The shapes, d3-geo and topojson-client load with the map, only where a map is shown.
const RegionMapFigure = lazy(() => import('./RegionMapFigure'));

const RegionMapDocument = graphql(`
  query RegionMap($from: LocalDate!, $to: LocalDate!, $countryCode: String) {
    regionMap(from: $from, to: $to, countryCode: $countryCode) {
      regionCode
      countryCode
      activeTwinnings
      visits
      accompaniedVisits
      lastAccompaniedOn
      monthsSinceLastAccompaniment
      point {
        latitude
        longitude
      }
      twinnings {
        nisCode
        name
        partnerName
      }
    }
  }
`);

export type RegionMapRow = RegionMapQuery['regionMap'][number];
/** What a circle's area shows. */
export type Measure = 'twinnings' | 'visits';

export const measureOf = (row: RegionMapRow, measure: Measure) =>
  measure === 'twinnings' ? row.activeTwinnings : row.visits;

/** What the map shows: the regions of the programme's partner countries in a period, optionally one country. */
export interface RegionMapProps {
  /** The period, ISO dates, both ends included. */
  readonly from: string;
  readonly to: string;
  readonly countryCode?: string | null;
}

/**
 * The partner regions as proportional circles on their countries (issue 13),
 * sized by active twinnings or visits in the period and coloured by how long
 * ago VVSG last accompanied a visit there; each opens its region's page. The
 * same figures as a table, for whoever does not use the map.
 */
export function RegionMap(props: RegionMapProps) {
  // Its own boundary: the page stands while the map's words load.
  return (
    <Suspense fallback={<div className="region-map__placeholder" />}>
      <AreaMessages area="map">
        <RegionMapCard {...props} />
      </AreaMessages>
    </Suspense>
  );
}

function RegionMapCard({ from, to, countryCode }: RegionMapProps) {
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const [measure, setMeasure] = useState<Measure>('twinnings');
  const name = useId();
  const [{ data, error }, reexecute] = useQuery({
    query: RegionMapDocument,
    variables: { from, to, countryCode: countryCode ?? null },
  });
  const rows = useMemo(() => data?.regionMap ?? [], [data]);
  const regionName = (code: string) => vocabulary.label('regions', code);

  const columns: FigureColumn<RegionMapRow>[] = [
    {
      key: 'region',
      header: f.t('map.col.region'),
      render: (row) => <RegionLink regionCode={row.regionCode}>{regionName(row.regionCode)}</RegionLink>,
      csv: (row) => regionName(row.regionCode),
    },
    {
      key: 'country',
      header: f.t('dashboard.country'),
      render: (row) => vocabulary.country(row.countryCode),
      csv: (row) => vocabulary.country(row.countryCode),
    },
    {
      key: 'twinnings',
      header: f.t('map.col.twinnings'),
      numeric: true,
      render: (row) => f.number(row.activeTwinnings),
      csv: (row) => row.activeTwinnings,
    },
    {
      key: 'partners',
      header: f.t('map.col.partners'),
      render: (row) => row.twinnings.map((t) => `${t.name ?? t.nisCode} – ${t.partnerName}`).join('; '),
      csv: (row) => row.twinnings.map((t) => `${t.name ?? t.nisCode} – ${t.partnerName}`).join('; '),
    },
    {
      key: 'visits',
      header: f.t('map.col.visits'),
      numeric: true,
      render: (row) => f.number(row.visits),
      csv: (row) => row.visits,
    },
    {
      key: 'accompanied',
      header: f.t('map.col.accompanied'),
      numeric: true,
      render: (row) => f.number(row.accompaniedVisits),
      csv: (row) => row.accompaniedVisits,
    },
    {
      key: 'last',
      header: f.t('map.col.last'),
      render: (row) => (row.lastAccompaniedOn ? f.shortDate(row.lastAccompaniedOn) : f.t('bucket.never')),
      csv: (row) => row.lastAccompaniedOn,
    },
    {
      key: 'months',
      header: f.t('map.col.months'),
      numeric: true,
      render: (row) =>
        row.monthsSinceLastAccompaniment === null || row.monthsSinceLastAccompaniment === undefined
          ? f.t('none')
          : f.number(row.monthsSinceLastAccompaniment),
      csv: (row) => row.monthsSinceLastAccompaniment,
    },
  ];

  if (error && !data)
    return <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data)
    return (
      <div className="card region-map__placeholder">
        <Loading lines={3} />
      </div>
    );
  return (
    <div className="region-map">
      <ChartCard
        title={f.t('map.title')}
        subtitle={f.t('map.sub', { from: f.date(from), to: f.date(to) })}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.regionCode}
      >
        <fieldset className="region-map__measure">
          <legend className="field__label">{f.t('map.sizeBy')}</legend>
          {(['twinnings', 'visits'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name={name} value={m} checked={measure === m} onChange={() => setMeasure(m)} />
              {f.t(`map.measure.${m}`)}
            </label>
          ))}
        </fieldset>
        <Suspense fallback={<div className="region-map__placeholder" role="status" aria-label={f.t('map.loading')} />}>
          <RegionMapFigure rows={rows} measure={measure} countryCode={countryCode ?? null} />
        </Suspense>
      </ChartCard>
    </div>
  );
}
