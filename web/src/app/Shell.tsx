import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useSession } from '../auth/session';
import { useViewer } from '../auth/viewer';
import { plannerRoles, privacyRoles, readerRoles } from '../auth/roles';
import { useT } from '../i18n/format';
import { Loading } from '../ui/states';
import { LanguageSwitch } from './LanguageSwitch';
import { usePositionWatch } from './usePositionWatch';

/** The frame of every signed-in page: navigation for the role, language, sign-out. */
export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const viewer = useViewer();
  const { signOut } = useSession();
  const [pathname] = useLocation();
  const main = useRef<HTMLElement>(null);
  const shown = useRef(pathname);
  usePositionWatch();

  // A new page moves focus to its content, as a page load would; filters changing the query string do not.
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    main.current?.focus();
  }, [pathname]);

  const reader = readerRoles.has(viewer.role);
  // The role in the chosen language, with the person's name where the token carries one (demo tokens do not).
  const role =
    viewer.role === 'COORDINATOR'
      ? `${t('role.COORDINATOR')} ${viewer.municipalityName ?? viewer.nisCode ?? ''}`
      : t(`role.${viewer.role}`);
  const who = viewer.displayName.startsWith('Demo ') ? role : `${viewer.displayName} (${role})`;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="shell-header">
        <div className="shell-header__inner">
          <Link to="/" className="shell-brand">
            {t('app.name')} <small>{t('app.tagline')}</small>
          </Link>
          <nav aria-label={t('nav.label')} className="shell-nav">
            {reader && <NavItem to="/dashboard">{t('nav.dashboard')}</NavItem>}
            {reader && <NavItem to="/aanvragen">{t('nav.requests')}</NavItem>}
            {plannerRoles.has(viewer.role) && <NavItem to="/planner">{t('nav.planner')}</NavItem>}
            {reader && <NavItem to="/lessen">{t('nav.lessons')}</NavItem>}
            {viewer.role === 'COORDINATOR' && <NavItem to="/mijn-aanvragen">{t('nav.myRequests')}</NavItem>}
            {privacyRoles.has(viewer.role) && <NavItem to="/privacy">{t('nav.privacy')}</NavItem>}
          </nav>
          <div className="shell-tools">
            <span>{t('nav.signedInAs', { who })}</span>
            <LanguageSwitch />
            <button type="button" className="button button--small" onClick={() => signOut()}>
              {t('nav.signOut')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="shell-main" tabIndex={-1} ref={main} aria-busy="true">
        <Suspense fallback={<Loading lines={6} />}>{children}</Suspense>
      </main>
    </>
  );
}

/** A navigation link that says when its page (or one below it) is shown. */
function NavItem({ to, children }: { to: string; children: ReactNode }) {
  const [pathname] = useLocation();
  const current = pathname === to || pathname.startsWith(`${to}/`);
  return (
    <Link to={to} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
