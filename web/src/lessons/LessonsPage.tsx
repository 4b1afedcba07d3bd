import { useT } from '../i18n/format';
import { Page } from '../ui/Page';

/** Placeholder until this page is built (issue 13). */
export default function LessonsPage() {
  const t = useT();
  return (
    <Page title={t('lessons.title')} busy={false}>
      <p className="notice">{t('state.comingSoon.body')}</p>
    </Page>
  );
}
