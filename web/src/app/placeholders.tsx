import { Link, useLocation } from 'wouter';
import { useT } from '../i18n/format';
import { Page } from '../ui/Page';

/** Routes that part 2 of the UI fills; they exist now so links and bookmarks keep working. */
export function PartTwo({ page }: { page: 'planner' | 'lessons' | 'municipality' | 'region' }) {
  const t = useT();
  return (
    <Page title={t(`part2.${page}`)} busy={false}>
      <p className="notice">{t('state.comingSoon.body')}</p>
    </Page>
  );
}

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
