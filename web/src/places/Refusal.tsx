import { useFormat } from '../i18n/format';

/**
 * The app's refusal, without asking the API what it would refuse anyway:
 * the same words as a FORBIDDEN answer (ErrorState), naming the role.
 */
export function Refusal({ role }: { role: string }) {
  const f = useFormat();
  return (
    <div className="notice notice--error" role="alert">
      <h2>{f.t('state.forbidden.title')}</h2>
      <p>{f.t('state.error.forbidden', { role: f.t(`role.${role}` as 'role.COORDINATOR') })}</p>
    </div>
  );
}
