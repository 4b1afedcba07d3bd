import type { AdditionalReason, DraftRequestInput, MissionType } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';

export interface RequestFormValues {
  twinningId: string;
  missionType: MissionType | '';
  startDate: string;
  endDate: string;
  reasons: AdditionalReason[];
  policyDomains: string[];
  delegationSize: string;
  notes: string;
}

export const emptyForm: RequestFormValues = {
  twinningId: '',
  missionType: '',
  startDate: '',
  endDate: '',
  reasons: [],
  policyDomains: [],
  delegationSize: '',
  notes: '',
};

export type FormErrors = Partial<Record<keyof RequestFormValues, MessageId>>;

/**
 * What the form can tell before asking the API: missing fields and dates in
 * the wrong order. Everything else (past dates, an ended twinning, unknown
 * domains) is the API's to say, beside the same fields.
 */
export function validateRequestForm(values: RequestFormValues): FormErrors {
  const errors: FormErrors = {};
  if (!values.twinningId) errors.twinningId = 'form.required';
  if (!values.missionType) errors.missionType = 'form.required';
  if (!values.startDate) errors.startDate = 'form.required';
  if (!values.endDate) errors.endDate = 'form.required';
  else if (values.startDate && values.endDate < values.startDate) errors.endDate = 'form.endBeforeStart';
  if (!values.delegationSize.trim()) errors.delegationSize = 'form.required';
  else if (!(Number(values.delegationSize) >= 1)) errors.delegationSize = 'form.delegationMin';
  return errors;
}

/** The draft the API can assess: enough to say something, whatever else is still empty. */
export function toDraftInput(values: RequestFormValues): DraftRequestInput | undefined {
  if (
    !values.twinningId ||
    !values.missionType ||
    !values.startDate ||
    !values.endDate ||
    values.endDate < values.startDate
  )
    return undefined;
  const size = Number(values.delegationSize);
  return {
    twinningId: values.twinningId,
    missionType: values.missionType,
    startDate: values.startDate,
    endDate: values.endDate,
    reasons: values.reasons,
    policyDomains: values.policyDomains,
    delegationSize: Number.isInteger(size) && size >= 1 ? size : 1,
    ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
  };
}

/** The input of submitAccompanimentRequest; valid values only. */
export function toSubmitInput(values: RequestFormValues) {
  return {
    twinningId: values.twinningId,
    missionType: values.missionType as MissionType,
    startDate: values.startDate,
    endDate: values.endDate,
    reasons: values.reasons,
    policyDomains: values.policyDomains,
    delegationSize: Number(values.delegationSize),
    ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
  };
}
