import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { useCan } from '../../auth/viewer';
import { graphql } from '../../gql';
import type { RegionalEventsSectionQuery } from '../../gql/graphql';
import { fieldErrors } from '../../graphql/errors';
import { useFormat, type Formatters } from '../../i18n/format';
import { useLanguage } from '../../i18n/locale';
import { MunicipalityLink, RegionLink } from '../../places/links';
import { Field } from '../../ui/Field';
import { useVocabulary, type Vocabulary } from '../../vocabulary/vocabularies';
import { ActionForm } from '../decisionForms';
import { checkProposal, distinctGoodPractices, eventDays, reestimate, type ProposalProblem } from './proposal';

export type Suggestion = RegionalEventsSectionQuery['regionalEventSuggestions'][number];

const ProposeDocument = graphql(`
  mutation RegionalEventProposeForm($input: ProposeRegionalEventInput!) {
    proposeRegionalEvent(input: $input) {
      ...RegionalEventItem
    }
  }
`);

/** Municipalities named in a sentence, each linked to its page. */
export function MunicipalityList({
  municipalities,
}: {
  municipalities: readonly { nisCode: string; name?: string | null }[];
}) {
  return municipalities.map((m, index) => (
    <span key={m.nisCode}>
      {index > 0 && ', '}
      <MunicipalityLink nisCode={m.nisCode}>{m.name ?? m.nisCode}</MunicipalityLink>
    </span>
  ));
}

/** Regions named in a sentence, each linked to its page. */
export function RegionList({ codes }: { codes: readonly string[] }) {
  const vocabulary = useVocabulary();
  return codes.map((code, index) => (
    <span key={code}>
      {index > 0 && ', '}
      <RegionLink regionCode={code}>{vocabulary.region(code)}</RegionLink>
    </span>
  ));
}

export function themeLabels(vocabulary: Vocabulary, themes: readonly string[]): string {
  return themes.map((t) => vocabulary.label('policyDomains', t)).join(', ');
}

/** The title a proposal starts with: the kind, the place (the region when there is one) and the themes. */
export function defaultTitle(f: Formatters, vocabulary: Vocabulary, s: Suggestion): string {
  const place =
    s.regionCodes.length === 1 ? vocabulary.label('regions', s.regionCodes[0]) : vocabulary.country(s.countryCode);
  return f.t('events.defaultTitle', {
    kind: f.t(`events.kind.${s.kind}`),
    place,
    themes: themeLabels(vocabulary, s.themes).toLocaleLowerCase(),
  });
}

/**
 * One suggestion as a card: where and why, the rules that fired with their
 * figures, whom to invite, the themes and good practices, dates and the
 * estimated cost with its parts; and for planners, a proposal from it.
 */
export function SuggestionCard({
  suggestion: s,
  onProposed,
}: {
  suggestion: Suggestion;
  onProposed: (title: string) => void;
}) {
  const f = useFormat();
  const { language } = useLanguage();
  const vocabulary = useVocabulary();
  const may = useCan('proposeRegionalEvent');
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const practices = distinctGoodPractices(s.goodPractices);

  return (
    <article className="card stack suggestion" aria-labelledby={headingId}>
      <header>
        <h4 id={headingId} style={{ margin: 0 }}>
          {f.t('events.suggestionTitle', {
            kind: f.t(`events.kind.${s.kind}`),
            country: vocabulary.country(s.countryCode),
          })}
        </h4>
        <p className="small" style={{ margin: 0 }}>
          <span className="muted">{f.t('events.regions')}: </span>
          <RegionList codes={s.regionCodes} />
        </p>
      </header>
      <dl className="facts">
        <dt>{f.t('events.dates')}</dt>
        <dd>{f.t('events.datesValue', { from: f.date(s.startDate), to: f.date(s.endDate), days: s.days })}</dd>
        <dt>{f.t('events.cost')}</dt>
        <dd>
          <strong>{f.euro(s.estimatedCostEur)}</strong>
          <span className="small muted">
            {' = '}
            {f.t('events.costParts', {
              travel: f.euro(s.travelCostEur),
              allowance: f.euro(s.allowanceCostEur),
              organisation: f.euro(s.organisationCostEur),
              participants: s.participants,
            })}
          </span>
        </dd>
        <dt>{f.t('events.themes')}</dt>
        <dd>{themeLabels(vocabulary, s.themes) || f.t('none')}</dd>
        <dt>{f.t('events.invitees', { count: s.invitees.length })}</dt>
        <dd>
          <MunicipalityList municipalities={s.invitees} />
        </dd>
      </dl>
      <div>
        <h5 className="suggestion__label">{f.t('events.triggers')}</h5>
        <ul className="suggestion__triggers">
          {s.triggers.map((trigger, index) => (
            <li key={index}>
              {trigger.kind === 'NO_RECENT_ACCOMPANIMENT' ? (
                trigger.monthsSinceLastAccompaniment === null || trigger.monthsSinceLastAccompaniment === undefined ? (
                  f.t('events.trigger.never', { twinnings: trigger.activeTwinnings ?? 0 })
                ) : (
                  f.t('events.trigger.noRecent', {
                    months: trigger.monthsSinceLastAccompaniment,
                    last: f.date(trigger.lastAccompaniedOn),
                    twinnings: trigger.activeTwinnings ?? 0,
                  })
                )
              ) : (
                <>
                  {f.t('events.trigger.shared', {
                    domain: vocabulary.label('policyDomains', trigger.policyDomain).toLocaleLowerCase(),
                    level: trigger.level ? f.t(`events.level.${trigger.level}`) : f.t('none'),
                    count: trigger.lessons.length,
                  })}{' '}
                  <MunicipalityList municipalities={trigger.municipalities} />
                  {': '}
                  {trigger.lessons.map((lesson, i) => (
                    <span key={lesson.lessonId}>
                      {i > 0 && '; '}
                      <Link to={`/lessen/${encodeURIComponent(lesson.lessonId)}`} lang="nl">
                        {lesson.title}
                      </Link>
                    </span>
                  ))}
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h5 className="suggestion__label">{f.t('events.goodPractices')}</h5>
        {practices.length === 0 ? (
          <p className="small muted">{f.t('events.goodPractices.none')}</p>
        ) : (
          <ul className="suggestion__practices">
            {practices.map((p) => (
              <li key={p.lessonId}>
                <Link to={`/lessen/${encodeURIComponent(p.lessonId)}`} lang="nl">
                  {p.title}
                </Link>
                {p.regionCode && <span className="small muted"> · {vocabulary.region(p.regionCode)}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <details className="suggestion__why">
        <summary>{f.t('events.why')}</summary>
        <p className="small">{f.sentence(s.why[language])}</p>
      </details>
      {may &&
        (open ? (
          <ProposeForm
            suggestion={s}
            onCancel={() => {
              setOpen(false);
              requestAnimationFrame(() => opener.current?.focus());
            }}
            onProposed={onProposed}
          />
        ) : (
          <div className="row">
            <button
              ref={opener}
              type="button"
              className="button button--primary"
              onClick={() => setOpen(true)}
              aria-describedby={`${headingId}-hint`}
            >
              {f.t('events.propose')}
            </button>
            <span id={`${headingId}-hint`} className="small muted">
              {f.t('events.propose.hint')}
            </span>
          </div>
        ))}
    </article>
  );
}

function problemText(f: Formatters, problem: ProposalProblem): string {
  switch (problem.problem) {
    case 'required':
      return f.t('events.form.required');
    case 'endBeforeStart':
      return f.t('events.form.endBeforeStart');
    case 'tooLong':
      return f.t('events.form.tooLong', { days: problem.days });
    case 'twoInvitees':
      return f.t('events.form.twoInvitees');
  }
}

/** The proposal, prefilled from the suggestion: title, dates and invitees can be changed; the cost follows them. */
function ProposeForm({
  suggestion: s,
  onCancel,
  onProposed,
}: {
  suggestion: Suggestion;
  onCancel: () => void;
  onProposed: (title: string) => void;
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const [result, propose] = useMutation(ProposeDocument);
  const [title, setTitle] = useState(() => defaultTitle(f, vocabulary, s));
  const [startDate, setStartDate] = useState(s.startDate);
  const [endDate, setEndDate] = useState(s.endDate);
  const [invited, setInvited] = useState<string[]>(() => s.invitees.map((m) => m.nisCode));
  const [local, setLocal] = useState<Record<string, string>>({});
  const first = useRef<HTMLInputElement>(null);
  const formId = useId();
  useEffect(() => first.current?.focus(), []);

  const days = eventDays(startDate, endDate);
  const estimate = reestimate(s, days, invited.length);
  const api = fieldErrors(result.error);
  const errors: Record<string, string> = { ...api, ...local };
  const fromApi = (field: string) => (api[field] && !local[field] ? 'en' : undefined);

  const submit = async () => {
    const draft = { title: title.trim(), startDate, endDate, invitedNisCodes: invited };
    const problems = checkProposal(draft);
    setLocal(Object.fromEntries(problems.map((p) => [p.field, problemText(f, p)])));
    if (problems.length) return;
    const answer = await propose({
      input: {
        kind: s.kind,
        title: draft.title,
        countryCode: s.countryCode,
        regionCodes: [...s.regionCodes],
        startDate,
        endDate,
        themes: [...s.themes],
        invitedNisCodes: invited,
        estimatedCostEur: estimate,
      },
    });
    if (answer.data && !answer.error) onProposed(draft.title);
  };

  const toggle = (nisCode: string, on: boolean) =>
    setInvited((list) => (on ? [...list, nisCode] : list.filter((code) => code !== nisCode)));

  return (
    <ActionForm
      id={formId}
      look="event"
      title={f.t('events.propose.title')}
      onSubmit={submit}
      submitLabel={f.t('events.form.submit')}
      cancelLabel={f.t('events.form.cancel')}
      onCancel={onCancel}
      fetching={result.fetching}
      error={result.error}
    >
      <Field label={f.t('events.form.title')} error={errors.title} lang={fromApi('title')}>
        <input ref={first} type="text" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      </Field>
      <div className="form-grid">
        <Field label={f.t('events.form.start')} error={errors.startDate} lang={fromApi('startDate')}>
          <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
        </Field>
        <Field
          label={f.t('events.form.end')}
          hint={f.t('events.form.endHint')}
          error={errors.endDate}
          lang={fromApi('endDate')}
        >
          <input type="date" value={endDate} min={startDate} onChange={(e) => setEndDate(e.target.value)} />
        </Field>
      </div>
      <fieldset
        className="field"
        aria-describedby={`${formId}-invitees-hint${errors.invitedNisCodes ? ` ${formId}-invitees-error` : ''}`}
      >
        <legend>{f.t('events.form.invitees')}</legend>
        <span className="field__hint" id={`${formId}-invitees-hint`}>
          {f.t('events.form.inviteesHint')}
        </span>
        <div className="checks">
          {s.invitees.map((m) => (
            <label key={m.nisCode}>
              <input
                type="checkbox"
                checked={invited.includes(m.nisCode)}
                onChange={(e) => toggle(m.nisCode, e.target.checked)}
              />
              {m.name ?? m.nisCode}
            </label>
          ))}
        </div>
        {errors.invitedNisCodes && (
          <span className="field__error" id={`${formId}-invitees-error`} lang={fromApi('invitedNisCodes')}>
            {errors.invitedNisCodes}
          </span>
        )}
      </fieldset>
      <p className="small" style={{ marginBottom: 0 }}>
        {f.t('events.form.estimate', { cost: f.euro(estimate) })}
      </p>
    </ActionForm>
  );
}
