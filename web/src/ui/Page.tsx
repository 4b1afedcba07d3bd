import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/format';

/**
 * A page: its one heading, the document title, and whether its data is still
 * loading (aria-busy on <main>, which assistive technology and the tests read).
 */
export function Page({
  title,
  lead,
  busy,
  actions,
  breadcrumb,
  children,
}: {
  title: string;
  lead?: ReactNode;
  busy: boolean;
  actions?: ReactNode;
  breadcrumb?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    document.getElementById('main')?.setAttribute('aria-busy', String(busy));
  }, [busy]);
  return (
    <>
      {breadcrumb && (
        <nav className="breadcrumb" aria-label="Breadcrumb">
          {breadcrumb}
        </nav>
      )}
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          {lead && <p className="page-lead">{lead}</p>}
        </div>
        {actions && <div className="row">{actions}</div>}
      </div>
      {children}
    </>
  );
}
