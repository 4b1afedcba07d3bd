import { z } from 'zod';
import { Id, LocalDate } from '../codes.js';
import { defineEvent } from '../event.js';
import { DataSubjectKinds, ErasureReasons } from '../vocabularies/privacy.js';

/**
 * A case number in the register of data-protection requests, such as
 * AVG-2026-0142: letters, the year, a number. The pattern leaves no room for
 * a name or a free text, so an erasure never records what it erases.
 */
export const CaseReference = z
  .string()
  .regex(
    /^[A-Z]{2,8}-\d{4}-\d{1,6}$/,
    'a case reference is 2 to 8 capital letters, a year and a number, such as "AVG-2026-0142"',
  );

/*
 * The erasure of a data subject (crypto-shredding, issue 15). Requested by
 * management, confirmed by a second person; the subject is named by its
 * pseudonymous id and a kind, never by a name, so these events hold no
 * personal data and are themselves never erased.
 */

export const DataSubjectErasureRequested = defineEvent({
  type: 'DataSubjectErasureRequested',
  aggregate: 'dataSubject',
  description: "Management asked to erase a person's personal data; a second person must confirm it.",
  schema: z.strictObject({
    erasureId: Id,
    subjectId: Id,
    subjectKind: DataSubjectKinds.schema,
    reason: ErasureReasons.schema,
    caseReference: CaseReference.optional(),
    requestedOn: LocalDate,
  }),
  // A case number of a fixed pattern (letters, a year, a number): no room for a name.
  notPersonal: ['caseReference'],
});

export const DataSubjectErased = defineEvent({
  type: 'DataSubjectErased',
  aggregate: 'dataSubject',
  description:
    "A second person confirmed the erasure: the person's key is deleted, so their personal data in every event reads as erased.",
  schema: z.strictObject({ erasureId: Id, subjectId: Id, erasedOn: LocalDate }),
});

export const DataSubjectErasureCancelled = defineEvent({
  type: 'DataSubjectErasureCancelled',
  aggregate: 'dataSubject',
  description: 'Management withdrew an erasure before it was confirmed; nothing was erased.',
  schema: z.strictObject({ erasureId: Id, subjectId: Id, cancelledOn: LocalDate }),
});
