import type { ReactNode } from 'react';
import { Link } from 'wouter';

export interface Kpi {
  readonly label: string;
  readonly value: ReactNode;
  /** A line under the figure, e.g. the date it counts from. */
  readonly note?: ReactNode;
  /** Where the figure's items are listed, when there is such a page. */
  readonly href?: string | undefined;
}

/** Key figures as cards; a figure with items behind it links to them. */
export function KpiGrid({ kpis, label, className }: { kpis: readonly Kpi[]; label: string; className?: string }) {
  return (
    <section className={`grid grid--kpi${className ? ` ${className}` : ''}`} aria-label={label}>
      {kpis.map((kpi) => {
        const content = (
          <>
            <span className="kpi__label">{kpi.label}</span>
            <span className="kpi__value">{kpi.value}</span>
            {kpi.note && <span className="kpi__label">{kpi.note}</span>}
          </>
        );
        return kpi.href ? (
          <Link key={kpi.label} to={kpi.href} className="card kpi">
            {content}
          </Link>
        ) : (
          <div key={kpi.label} className="card kpi">
            {content}
          </div>
        );
      })}
    </section>
  );
}
