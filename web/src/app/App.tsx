import { lazy, useEffect, useMemo, type ComponentType } from 'react';
import { Provider, useQuery } from 'urql';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { homeOf } from '../auth/roles';
import { SessionProvider, useSession } from '../auth/session';
import { SignInPage } from '../auth/SignInPage';
import { ViewerDocument, ViewerProvider, useViewer } from '../auth/viewer';
import { createApiClient } from '../graphql/client';
import { errorKind } from '../graphql/errors';
import { AreaMessages } from '../i18n/AreaMessages';
import { LocaleProvider, type Locale } from '../i18n/locale';
import type { Area } from '../i18n/messages';
import { ErrorState, Loading } from '../ui/states';
import { VocabularyProvider } from '../vocabulary/vocabularies';
import { NotFound } from './placeholders';
import { Shell } from './Shell';

// Each page is its own chunk: the sign-in page loads without the charts.
const DashboardPage = lazy(() => import('../dashboard/DashboardPage'));
const RequestsPage = lazy(() => import('../requests/RequestsPage'));
const RequestPage = lazy(() => import('../requests/RequestPage'));
const MyRequestsPage = lazy(() => import('../coordinator/MyRequestsPage'));
// These pages' Dutch messages load with them (AreaMessages), in parallel with their code.
const inArea = <P extends object>(area: Area, Page: ComponentType<P>) =>
  function PageInArea(props: P) {
    return (
      <AreaMessages area={area}>
        <Page {...props} />
      </AreaMessages>
    );
  };
const PlannerPage = inArea(
  'planner',
  lazy(() => import('../planner/PlannerPage')),
);
const LessonsPage = inArea(
  'lessons',
  lazy(() => import('../lessons/LessonsPage')),
);
const LessonPage = inArea(
  'lessons',
  lazy(() => import('../lessons/LessonPage')),
);
const MunicipalityPage = inArea(
  'places',
  lazy(() => import('../places/MunicipalityPage')),
);
const RegionPage = inArea(
  'places',
  lazy(() => import('../places/RegionPage')),
);
const PrivacyPage = inArea(
  'privacy',
  lazy(() => import('../privacy/PrivacyPage')),
);
const AccessReportPage = inArea(
  'privacy',
  lazy(() => import('../privacy/AccessReportPage')),
);

/** Signed in or sent to sign-in (coming back here afterwards); the viewer is known before any page shows. */
function SignedIn() {
  const { token, signOut } = useSession();
  const [pathname] = useLocation();
  const search = useSearch();
  const client = useMemo(() => (token ? createApiClient(token, () => signOut('expired')) : null), [token, signOut]);
  if (!token || !client) {
    const next = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + (search ? `?${search}` : ''))}`;
    return <Redirect to={`/aanmelden${next}`} replace />;
  }
  return (
    <Provider value={client}>
      <WithViewer />
    </Provider>
  );
}

function WithViewer() {
  const { signOut } = useSession();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ViewerDocument });
  const refused = !!error && errorKind(error) === 'unauthenticated';
  // Signing out changes the session's state: after rendering, never during it.
  useEffect(() => {
    if (refused) signOut('expired');
  }, [refused, signOut]);
  if (refused) return null;
  if (!data) {
    return (
      <main id="main" className="shell-main" aria-busy={fetching}>
        {error ? (
          <ErrorState error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : (
          <Loading lines={4} />
        )}
      </main>
    );
  }
  return (
    <ViewerProvider viewer={data.viewer}>
      <VocabularyProvider>
        <Switch>
          <Route path="/">
            <Home />
          </Route>
          <Route>
            <Shell>
              <Pages />
            </Shell>
          </Route>
        </Switch>
      </VocabularyProvider>
    </ViewerProvider>
  );
}

function Home() {
  return <Redirect to={homeOf(useViewer().role)} replace />;
}

/** Dutch paths, fixed: links and bookmarks keep working. */
function Pages() {
  return (
    <Switch>
      <Route path="/dashboard" component={DashboardPage} />
      <Route path="/aanvragen" component={RequestsPage} />
      <Route path="/aanvragen/:id" component={RequestPage} />
      <Route path="/mijn-aanvragen" component={MyRequestsPage} />
      <Route path="/planner" component={PlannerPage} />
      <Route path="/lessen" component={LessonsPage} />
      <Route path="/lessen/:id" component={LessonPage} />
      <Route path="/gemeenten/:nisCode" component={MunicipalityPage} />
      <Route path="/regios/:regionCode" component={RegionPage} />
      <Route path="/privacy" component={PrivacyPage} />
      <Route path="/privacy/inzage/:subjectId?" component={AccessReportPage} />
      <Route component={NotFound} />
    </Switch>
  );
}

export function App({ locale }: { locale: Locale }) {
  return (
    <LocaleProvider initial={locale}>
      <SessionProvider>
        <Switch>
          <Route path="/aanmelden" component={SignInPage} />
          <Route component={SignedIn} />
        </Switch>
      </SessionProvider>
    </LocaleProvider>
  );
}
