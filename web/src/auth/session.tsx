import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

const storageKey = 'werkbezoek.token';

function stored(): string | null {
  try {
    return sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

interface SessionContext {
  /** The bearer token, kept for this browser session only. */
  readonly token: string | null;
  readonly signIn: (token: string) => void;
  /** Forgets the token; `reason` is shown on the sign-in page. */
  readonly signOut: (reason?: 'expired') => void;
  readonly signOutReason: 'expired' | undefined;
}

const Context = createContext<SessionContext | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(stored);
  const [signOutReason, setReason] = useState<'expired'>();
  const signIn = useCallback((next: string) => {
    sessionStorage.setItem(storageKey, next);
    setReason(undefined);
    setToken(next);
  }, []);
  const signOut = useCallback((reason?: 'expired') => {
    sessionStorage.removeItem(storageKey);
    setReason(reason);
    setToken(null);
  }, []);
  const value = useMemo(() => ({ token, signIn, signOut, signOutReason }), [token, signIn, signOut, signOutReason]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const session = useContext(Context);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
