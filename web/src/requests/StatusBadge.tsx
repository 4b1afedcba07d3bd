import type { Decision, RequestStatus } from '../gql/graphql';
import { Badge, type Tone } from '../ui/Badge';
import { useVocabulary } from '../vocabulary/vocabularies';

const tones: Record<RequestStatus, Tone> = {
  SUBMITTED: 'info',
  ACCEPTED: 'ok',
  COMPLETED: 'ok',
  DECLINED: 'bad',
  WITHDRAWN: 'muted',
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  return <Badge tone={tones[status]}>{useVocabulary().label('requestStatuses', status)}</Badge>;
}

export function RecommendationBadge({ decision }: { decision: Decision | null | undefined }) {
  const vocabulary = useVocabulary();
  if (!decision) return <span className="muted">—</span>;
  return <Badge tone={decision === 'ACCEPT' ? 'ok' : 'warn'}>{vocabulary.label('decisions', decision)}</Badge>;
}
