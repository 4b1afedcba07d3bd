import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/format';

/**
 * The last question before an erasure: a modal dialog (the browser's own, so
 * focus stays inside, Escape closes it and the page behind is inert) that
 * says the erasure cannot be undone. "Do not erase" has the focus first.
 */
export function ConfirmErasureDialog({
  subject,
  kind,
  busy,
  onConfirm,
  onClose,
}: {
  subject: string;
  kind: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const title = useId();
  const body = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    keep.current?.focus();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="card dialog"
      aria-labelledby={title}
      aria-describedby={body}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={title}>{t('privacy.dialog.title')}</h2>
      <div id={body}>
        <p>{t('privacy.dialog.body', { subject, kind })}</p>
        <p className="notice notice--warn">
          <strong>{t('privacy.dialog.irreversible')}</strong>
        </p>
      </div>
      <div className="form-actions">
        <button ref={keep} type="button" className="button" onClick={onClose} disabled={busy}>
          {t('privacy.dialog.keep')}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy}>
          {t('privacy.dialog.confirm')}
        </button>
      </div>
    </dialog>
  );
}
