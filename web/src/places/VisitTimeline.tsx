import { Link } from 'wouter';
import type { MunicipalityPage_QueryQuery } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import { requestHref } from '../requests/columns';
import { Badge, type Tone } from '../ui/Badge';
import { useVocabulary } from '../vocabulary/vocabularies';
import { byYear, visitOutcome, type Outcome } from './timeline';

export type TimelineVisit = MunicipalityPage_QueryQuery['accompanimentHistory']['visits'][number];
export interface MissionLesson {
  readonly id: string;
  readonly title: string;
  readonly goodPractice: boolean;
}

export const outcomeTones: Record<Outcome, Tone> = {
  accompanied: 'ok',
  planned: 'info',
  pending: 'info',
  declined: 'bad',
  withdrawn: 'muted',
  cancelled: 'muted',
  notAccompanied: 'muted',
};

export const lessonHref = (id: string) => `/lessen/${encodeURIComponent(id)}`;

/**
 * A municipality's work visits as a timeline grouped by year: what was
 * asked, whether VVSG went along and why not, and what was learned.
 */
export function VisitTimeline({
  visits,
  lessonsOf,
  headingId,
}: {
  visits: readonly TimelineVisit[];
  /** The lessons of a mission; undefined where the viewer may not read lessons. */
  lessonsOf?: (missionId: string) => readonly MissionLesson[] | undefined;
  headingId: string;
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  return (
    <div className="places-timeline">
      {byYear(visits).map((group) => (
        <section key={group.year} aria-labelledby={`${headingId}-${group.year}`}>
          <h3 id={`${headingId}-${group.year}`} className="places-timeline__year">
            {group.year} <span className="muted small">· {f.t('timeline.count', { count: group.items.length })}</span>
          </h3>
          <ul className="timeline">
            {group.items.map((visit) => {
              const outcome = visitOutcome(visit);
              const type = vocabulary.label('missionTypes', visit.missionType);
              const lessons = visit.missionId ? lessonsOf?.(visit.missionId) : undefined;
              const staff = visit.staffNames.join(', ');
              return (
                <li key={visit.id} className={`places-visit places-visit--${outcome}`}>
                  <time dateTime={visit.startDate}>
                    {f.t('requests.visit', { from: f.shortDate(visit.startDate), to: f.shortDate(visit.endDate) })}
                  </time>
                  <div className="row places-visit__head">
                    <strong>{visit.requestId ? <Link to={requestHref(visit.requestId)}>{type}</Link> : type}</strong>
                    <Badge tone={outcomeTones[outcome]}>{f.t(`outcome.${outcome}`)}</Badge>
                    {visit.jointMissionId && <Badge tone="info">{f.t('timeline.joint')}</Badge>}
                    {!visit.requestId && <span className="small muted">{f.t('timeline.proactive')}</span>}
                  </div>
                  {outcome === 'declined' && visit.declineReason && (
                    <p className="small places-visit__detail">
                      {f.t('timeline.declineReason', {
                        reason: vocabulary.label('declineReasons', visit.declineReason),
                      })}
                      {visit.decidedOn && ` · ${f.t('timeline.decidedOn', { date: f.date(visit.decidedOn) })}`}
                    </p>
                  )}
                  {staff && (outcome === 'accompanied' || outcome === 'planned') && (
                    <p className="small muted places-visit__detail">
                      {f.t(outcome === 'accompanied' ? 'timeline.staff' : 'timeline.staffPlanned', { names: staff })}
                    </p>
                  )}
                  {lessons && lessons.length > 0 && (
                    <div className="places-visit__lessons">
                      <span className="small muted">{f.t('timeline.lessons')}</span>
                      <ul className="places-lessons">
                        {lessons.map((lesson) => (
                          <li key={lesson.id}>
                            {/* before the title: a long title wraps, and the badge stays with its lesson */}
                            {lesson.goodPractice && <Badge tone="ok">{f.t('timeline.goodPractice')}</Badge>}
                            <Link to={lessonHref(lesson.id)}>{lesson.title}</Link>
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
