import { useT } from '../i18n/format';
import { useLanguage } from '../i18n/locale';

/** Named in the language it switches to, as language switches are. */
export function LanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  const next = language === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      className="button button--small"
      lang={next}
      title={t('locale.switchHint')}
      onClick={() => setLanguage(next)}
    >
      {t('locale.switch')}
    </button>
  );
}
