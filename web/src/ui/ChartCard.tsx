import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useFormat } from '../i18n/format';
import { useLanguage } from '../i18n/locale';
import { csvFileName, csvFormats, downloadCsv, toCsv, type CsvColumn } from './csv';
import { DataTable, type Column } from './DataTable';

export interface FigureColumn<Row> extends Column<Row> {
  /** The raw figure for CSV (numbers stay numbers). */
  readonly csv: (row: Row) => string | number | null | undefined;
}

/**
 * A chart with a title and unit, and the same figures as a table and as CSV.
 * The table is the chart's accessible twin: keyboard users drill through from
 * its links, screen readers read its cells.
 */
export function ChartCard<Row>({
  title,
  subtitle,
  columns,
  rows,
  rowKey,
  children,
  onDrawn,
}: {
  title: string;
  subtitle?: string;
  columns: readonly FigureColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  children: ReactNode;
  /** Called once the chart's marks are in the document. */
  onDrawn?: () => void;
}) {
  const f = useFormat();
  const { language } = useLanguage();
  const [table, setTable] = useState(false);
  const id = useId();
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!onDrawn || table) return;
    let frame = 0;
    const started = performance.now();
    const check = () => {
      if (body.current?.querySelector('.recharts-rectangle, .recharts-curve, .recharts-sector')) onDrawn();
      else if (performance.now() - started < 5000) frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [onDrawn, table, rows]);

  const exportCsv = () => {
    const csvColumns: CsvColumn<Row>[] = columns.map((c) => ({ header: c.header, value: c.csv }));
    downloadCsv(csvFileName(title), toCsv(csvColumns, rows, csvFormats[language]));
  };

  return (
    <figure className="card chart" aria-labelledby={`${id}-title`}>
      <div className="chart__head">
        <figcaption id={`${id}-title`}>
          {title}
          {subtitle && <span className="chart__sub">{subtitle}</span>}
        </figcaption>
        <div className="chart__tools">
          <button type="button" className="button button--small" aria-pressed={table} onClick={() => setTable(!table)}>
            {table ? f.t('chart.showChart') : f.t('chart.showTable')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={exportCsv}
            aria-label={f.t('chart.csvHint', { title })}
            title={f.t('chart.csvHint', { title })}
          >
            {f.t('chart.csv')}
          </button>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{f.t('state.empty')}</p>
      ) : table ? (
        <DataTable
          caption={f.t('chart.tableOf', { title })}
          captionHidden
          columns={columns}
          rows={rows}
          rowKey={rowKey}
        />
      ) : (
        <div className="chart__body" ref={body}>
          {children}
        </div>
      )}
    </figure>
  );
}
