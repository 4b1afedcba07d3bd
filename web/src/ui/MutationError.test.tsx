// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { CombinedError } from 'urql';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../i18n/locale';
import { loadAllMessages, type Language, type Messages } from '../i18n/messages';
import { MutationError } from './states';

afterEach(cleanup);
const messages = {} as Record<Language, Messages>;
beforeAll(async () => {
  messages.nl = await loadAllMessages('nl');
  messages.en = await loadAllMessages('en');
});

const noAnswer = () => new CombinedError({ networkError: new TypeError('Failed to fetch') });
const refused = (code: string, extra: Record<string, unknown> = {}) =>
  new CombinedError({ graphQLErrors: [{ message: `Refused: ${code}.`, extensions: { code, ...extra } }] });

function show(
  error: CombinedError,
  props: { retry?: () => void; onSubmit?: () => void } = {},
  language: Language = 'nl',
) {
  return render(
    <LocaleProvider initial={{ language, messages: messages[language] }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit?.();
        }}
      >
        <MutationError error={error} retry={props.retry} />
      </form>
    </LocaleProvider>,
  );
}

describe('MutationError', () => {
  it('says a change without an answer may be stored, takes the focus, and retries through the form', () => {
    let submitted = 0;
    show(noAnswer(), { onSubmit: () => submitted++ });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Niet zeker of uw wijziging is opgeslagen');
    expect(alert.textContent).toContain('hoogstens één keer opgeslagen');
    expect(document.activeElement).toBe(alert);
    fireEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(submitted).toBe(1);
  });

  it('calls its own retry when given one, and offers it for an error the API marks retryable', () => {
    let retried = 0;
    show(refused('READ_MODELS_BEHIND', { retryable: true }), { retry: () => retried++ }, 'en');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Refused: READ_MODELS_BEHIND.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(retried).toBe(1);
  });

  it('calls a refused Idempotency-Key a bug in Werkbezoek and offers a reload, in both languages', () => {
    show(refused('IDEMPOTENCY_KEY_REUSED'));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Fout in Werkbezoek');
    expect(alert.textContent).toContain('Herlaad de pagina');
    expect(alert.textContent).toContain('Refused: IDEMPOTENCY_KEY_REUSED.');
    expect(within(alert).getByRole('button', { name: 'Pagina herladen' })).toBeTruthy();
    expect(within(alert).queryByRole('button', { name: 'Opnieuw proberen' })).toBeNull();
    cleanup();
    show(refused('BAD_IDEMPOTENCY_KEY'), {}, 'en');
    expect(screen.getByRole('alert').textContent).toContain('This is an error in Werkbezoek');
  });

  it('offers no retry for a definite refusal', () => {
    show(refused('CONFLICT', { retryable: false }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Refused: CONFLICT.');
    expect(within(alert).queryByRole('button')).toBeNull();
  });
});
