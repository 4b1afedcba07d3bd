import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { useT } from '../i18n/format';
import { Field } from '../ui/Field';
import { useSession } from './session';

interface AuthConfig {
  readonly mode: 'demo' | 'jwt';
  readonly demo?: {
    readonly roles: readonly string[];
    readonly coordinators: readonly { nisCode: string; name: string }[];
  };
}

const demoRoles = ['MANAGEMENT', 'PLANNER', 'ANALYST', 'STAFF'] as const;

/** Only paths of this app: `next` never sends anyone elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const t = useT();
  const { token, signIn, signOutReason } = useSession();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [config, setConfig] = useState<AuthConfig | 'error'>();
  const [nisCode, setNisCode] = useState('');
  const [jwt, setJwt] = useState('');
  const [jwtError, setJwtError] = useState<string>();

  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    let live = true;
    fetch('/auth/config')
      .then((response) =>
        response.ok ? (response.json() as Promise<AuthConfig>) : Promise.reject(new Error(String(response.status))),
      )
      .then((value) => {
        if (!live) return;
        setConfig(value);
        setNisCode(value.demo?.coordinators[0]?.nisCode ?? '');
      })
      .catch(() => live && setConfig('error'));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (token) navigate(next, { replace: true });
  }, [token, next, navigate]);

  const enter = (value: string) => {
    signIn(value);
  };
  const submitJwt = (event: FormEvent) => {
    event.preventDefault();
    if (!jwt.trim()) setJwtError(t('signIn.jwt.empty'));
    else enter(jwt.trim());
  };

  return (
    <main id="main" className="shell-main" aria-busy={config === undefined}>
      <div className="signin stack">
        <div className="page-header">
          <div>
            <h1>
              {t('app.name')} · {t('signIn.title')}
            </h1>
            <p className="page-lead">{t('signIn.lead')}</p>
          </div>
          <LanguageSwitch />
        </div>
        {signOutReason === 'expired' && (
          <p className="notice notice--warn" role="alert">
            {t('signIn.expired')}
          </p>
        )}
        {config === 'error' && (
          <p className="notice notice--error" role="alert">
            {t('signIn.configError')}
          </p>
        )}
        {config && config !== 'error' && config.mode === 'demo' && (
          <>
            <section className="card" aria-labelledby="demo-title">
              <h2 id="demo-title">{t('signIn.demo.title')}</h2>
              <p className="muted">{t('signIn.demo.body')}</p>
              <div className="signin__roles">
                {demoRoles.map((role) => (
                  // The button is named by what it does; what the role sees is its description.
                  <button
                    key={role}
                    type="button"
                    className="button"
                    aria-describedby={`role-${role}`}
                    onClick={() => enter(`demo-${role.toLowerCase()}`)}
                  >
                    <span>
                      <span>{t('signIn.as', { role: t(`role.${role}`) })}</span>
                      <span className="chart__sub" id={`role-${role}`} aria-hidden="true">
                        {t(`signIn.role.${role}`)}
                      </span>
                    </span>
                  </button>
                ))}
              </div>
            </section>
            <section className="card" aria-labelledby="coordinator-title">
              <h2 id="coordinator-title">{t('signIn.coordinator.title')}</h2>
              <p className="muted">{t('signIn.coordinator.body')}</p>
              <div className="row" style={{ alignItems: 'flex-end' }}>
                <Field label={t('signIn.municipality')}>
                  <select value={nisCode} onChange={(e) => setNisCode(e.target.value)}>
                    {config.demo?.coordinators.map((m) => (
                      <option key={m.nisCode} value={m.nisCode}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </Field>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={!nisCode}
                  onClick={() => enter(`demo-coordinator-${nisCode}`)}
                >
                  {t('signIn.as', { role: t('role.COORDINATOR') })}
                </button>
              </div>
            </section>
          </>
        )}
        {config && config !== 'error' && config.mode === 'jwt' && (
          <form className="card" onSubmit={submitJwt} aria-labelledby="jwt-title" noValidate>
            <h2 id="jwt-title">{t('signIn.jwt.title')}</h2>
            <p className="muted">{t('signIn.jwt.body')}</p>
            <Field label={t('signIn.jwt.token')} error={jwtError}>
              <textarea value={jwt} onChange={(e) => setJwt(e.target.value)} spellCheck={false} autoComplete="off" />
            </Field>
            <div className="form-actions">
              <button type="submit" className="button button--primary">
                {t('signIn.jwt.submit')}
              </button>
            </div>
          </form>
        )}
      </div>
    </main>
  );
}
