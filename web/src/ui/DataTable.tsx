import type { ReactNode } from 'react';
import { Link } from 'wouter';

export interface Column<Row> {
  readonly key: string;
  readonly header: string;
  /** Numbers are right-aligned with tabular figures. */
  readonly numeric?: boolean;
  /** The cell as shown. */
  readonly render: (row: Row) => ReactNode;
  /** Where the cell's figure drills through to. */
  readonly href?: (row: Row) => string | undefined;
}

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  captionHidden = false,
}: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  captionHidden?: boolean;
}) {
  return (
    // A wide table scrolls on a phone; the region can take focus so the keyboard can scroll it too.
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) => {
                const content = column.render(row);
                const href = column.href?.(row);
                const cell = href ? <Link to={href}>{content}</Link> : content;
                return index === 0 ? (
                  <th
                    key={column.key}
                    scope="row"
                    className={column.numeric ? 'num' : undefined}
                    style={{ fontWeight: 400 }}
                  >
                    {cell}
                  </th>
                ) : (
                  <td key={column.key} className={column.numeric ? 'num' : undefined}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
