import { useState } from 'react';
import { useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { MessageId } from '../i18n/messages';
import { useFormat, type Formatters } from '../i18n/format';
import { useLanguage } from '../i18n/locale';
import { Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';

const AuditDocument = graphql(`
  query RequestAudit($id: ID!, $first: Int!) {
    accompanimentRequest(id: $id) {
      id
      auditTrail(first: $first) {
        pageInfo {
          hasNextPage
        }
        edges {
          node {
            eventId
            type
            occurredAt
            data
            withheld
            summary {
              nl
              en
            }
            actor {
              id
              role
              nisCode
            }
          }
        }
      }
    }
  }
`);

/** The words in an event that say why: a note, a reason, a recommendation. */
function why(data: string, label: (kind: 'declineReasons' | 'decisions', code: string) => string): string[] {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(data) as Record<string, unknown>;
  } catch {
    return [];
  }
  const out: string[] = [];
  const recommendation = (parsed.recommendation ??
    (parsed.assessment as Record<string, unknown> | undefined)?.recommendation) as string | undefined;
  if (typeof recommendation === 'string') out.push(label('decisions', recommendation));
  if (typeof parsed.declineReason === 'string') out.push(label('declineReasons', parsed.declineReason));
  for (const key of ['note', 'reason', 'rationale'])
    if (typeof parsed[key] === 'string' && parsed[key]) out.push(`“${String(parsed[key])}”`);
  return out;
}

type Actor = { id: string; role: string; nisCode?: string | null };

/**
 * Who acted, in words. A coordinator's trail names no one at VVSG and no
 * other municipality (the API shows them as VVSG, or without a municipality);
 * the platform acts on its own when the visits in the region change.
 */
function actorLine(
  f: Formatters,
  actor: Actor,
  municipality: { nisCode: string; name: string },
  coordinatorView: boolean,
  roleLabel: (role: string) => string,
): string {
  if (actor.role === 'SYSTEM') return f.t('audit.byPlatform');
  if (actor.role === 'COORDINATOR') {
    if (!actor.nisCode) return f.t('audit.byOtherMunicipality');
    return f.t('audit.byCoordinator', {
      municipality: actor.nisCode === municipality.nisCode ? municipality.name : actor.nisCode,
    });
  }
  return coordinatorView ? f.t('audit.byVvsg') : f.t('audit.by', { role: roleLabel(actor.role) });
}

/** Who did what, when and why: the request's own events, oldest first. */
export function AuditTimeline({
  requestId,
  municipality,
}: {
  requestId: string;
  municipality: { nisCode: string; name: string };
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const viewer = useViewer();
  const { language } = useLanguage();
  const [first, setFirst] = useState(25);
  const [{ data }] = useQuery({ query: AuditDocument, variables: { id: requestId, first } });
  const trail = data?.accompanimentRequest?.auditTrail;
  const coordinatorView = viewer.role === 'COORDINATOR';
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{f.t('audit.title')}</h2>
      {!trail ? (
        <Loading />
      ) : trail.edges.length === 0 ? (
        <p className="muted">{f.t('audit.empty')}</p>
      ) : (
        <ol className="timeline">
          {trail.edges.map(({ node }) => {
            const key = `event.${node.type}` as MessageId;
            // The API's sentence where the type alone does not say what happened (a reassessment by the platform).
            const title = node.summary
              ? node.summary[language === 'en' ? 'en' : 'nl'].replace(/\.$/, '')
              : f.intl.messages[key]
                ? f.t(key)
                : node.type;
            const actor = actorLine(f, node.actor, municipality, coordinatorView, (role) =>
              vocabulary.label('roles', role),
            );
            return (
              <li key={node.eventId}>
                <time dateTime={node.occurredAt}>{f.dateTime(node.occurredAt)}</time>
                <div>
                  <strong>{title}</strong> <span className="muted small">{actor}</span>
                </div>
                {why(node.data, (kind, code) => vocabulary.label(kind, code)).map((text, i) => (
                  <div key={i} className="small">
                    {text}
                  </div>
                ))}
                {node.withheld.length > 0 && <div className="small muted">{f.t('audit.withheld')}</div>}
              </li>
            );
          })}
        </ol>
      )}
      {trail?.pageInfo.hasNextPage && (
        <button type="button" className="button button--small" onClick={() => setFirst(first + 50)}>
          {f.t('audit.more')}
        </button>
      )}
    </section>
  );
}
