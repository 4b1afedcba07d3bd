import { Link, useLocation } from 'wouter';
import { useT } from '../i18n/format';
import { Page } from '../ui/Page';

export function NotFound() {
  const t = useT();
  const [pathname] = useLocation();
  return (
    <Page title={t('state.notFound.title')} busy={false}>
      <p>{t('state.notFound.body', { path: pathname })}</p>
      <Link to="/">{t('state.notFound.home')}</Link>
    </Page>
  );
}
