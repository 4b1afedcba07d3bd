import type { Explained } from './assess.js';

/*
 * What a municipal coordinator may read of an assessment: whether staff time
 * and budget allow the visit, not whose time or how much money. The policy's
 * full explanation names the staff member with the most free days and the
 * euro figures; these sentences take their place.
 */

/** The staff-time sentence a coordinator reads: the days needed and whether there are enough, no names. */
export function neutralStaffTimeSentence(daysNeeded: number, available: boolean, year: number): Explained {
  return {
    nl: `Personeelstijd: ${daysNeeded} dagen nodig; ${available ? `er is voldoende personeelstijd in ${year}` : `er is onvoldoende personeelstijd in ${year}`}.`,
    en: `Staff time: ${daysNeeded} days needed; ${available ? `there is enough staff time in ${year}` : `there is not enough staff time in ${year}`}.`,
  };
}

/** The budget sentence a coordinator reads: whether the year's budget allows it, no amounts. */
export function neutralBudgetSentence(available: boolean, year: number): Explained {
  return {
    nl: `Budget: ${available ? `het budget van ${year} laat het toe` : `het budget van ${year} laat het niet toe`}.`,
    en: `Budget: ${available ? `the budget of ${year} allows it` : `the budget of ${year} does not allow it`}.`,
  };
}

/** The parts of a stored assessment (AccompanimentRequestAssessed) its coordinator's explanation is made from. */
export interface StoredAssessment {
  readonly policyVersion: string;
  readonly explanation: { readonly nl: readonly string[]; readonly en: readonly string[] };
  readonly daysNeeded: number;
  readonly staffTimeAvailable: boolean;
  readonly budgetAvailable: boolean;
}

type Language = keyof Explained;

/** Where a policy version's explanation says the things a coordinator may not read, counted from its end. */
interface Shape {
  readonly staffTime: { readonly fromEnd: number; readonly prefix: Explained };
  readonly budget: { readonly fromEnd: number; readonly prefix: Explained };
  readonly verdict: { readonly fromEnd: number; readonly prefix: Explained };
}

// As assess() writes them: the reasons, then staff time, budget and the recommendation as the last three.
const shapes: Readonly<Record<string, Shape>> = {
  '2026.1': {
    staffTime: { fromEnd: 3, prefix: { nl: 'Personeelstijd: ', en: 'Staff time: ' } },
    budget: { fromEnd: 2, prefix: { nl: 'Budget: ', en: 'Budget: ' } },
    verdict: { fromEnd: 1, prefix: { nl: 'Advies: ', en: 'Recommendation: ' } },
  },
};

/**
 * A euro amount, a staff token (⟦staff:<id>⟧, staffTokens.ts), or a sentence about staff, their free days
 * or the budget: where names and figures stand.
 */
const undisclosable =
  /€|\bEUR\b|\u27E6|personeel|medewerker|meest vrij|capaciteit|budget|staff|most free|capacity|free days/i;

function hasShape(sentences: readonly string[], shape: Shape, language: Language): boolean {
  const n = sentences.length;
  const at = (part: Shape[keyof Shape]) => sentences[n - part.fromEnd]?.startsWith(part.prefix[language]) === true;
  if (!at(shape.staffTime) || !at(shape.budget) || !at(shape.verdict)) return false;
  // The sentences before them are about reasons: none of them may carry a figure or speak of staff or budget.
  return sentences.slice(0, n - 3).every((sentence) => !undisclosable.test(sentence));
}

function forCoordinatorIn(language: Language, stored: StoredAssessment, year: number): string[] {
  const sentences = stored.explanation[language];
  const staffTime = neutralStaffTimeSentence(stored.daysNeeded, stored.staffTimeAvailable, year)[language];
  const budget = neutralBudgetSentence(stored.budgetAvailable, year)[language];
  const shape = shapes[stored.policyVersion];
  if (shape && hasShape(sentences, shape, language)) {
    const n = sentences.length;
    return sentences.map((sentence, i) =>
      i === n - shape.staffTime.fromEnd ? staffTime : i === n - shape.budget.fromEnd ? budget : sentence,
    );
  }
  // Not the shape its policy version writes: drop what could name someone or cost something, and say
  // where the first of them stood what staff time and budget allow, from the flags every version records.
  const kept: string[] = [];
  let dropped = -1;
  for (const sentence of sentences) {
    if (!undisclosable.test(sentence)) kept.push(sentence);
    else if (dropped < 0) dropped = kept.length;
  }
  if (dropped >= 0) kept.splice(dropped, 0, staffTime, budget);
  return kept;
}

/**
 * The explanation of a stored assessment as a coordinator reads it: the
 * staff-time and budget sentences replaced by neutral ones, the same
 * sentences `assessInDetail` gives as `coordinatorExplanation` for the same
 * facts. `year` is the year of the visit (its start date), the year whose
 * staff time and budget the assessment weighed.
 *
 * The sentences are found where the stored policy version writes them (for
 * 2026.1: the third- and second-last, starting "Personeelstijd:" / "Staff
 * time:" and "Budget:"). An explanation without that shape (another version,
 * or text that does not match) is not trusted: every sentence that carries a
 * euro amount or speaks of staff, their free days, capacity or the budget is
 * dropped, and the two neutral sentences stand where the first of them stood.
 * Assessments name the staff member by token (staffTokens.ts), which is
 * dropped wherever it stands; those stored before version 2 of the event are
 * read with the token in place of the name (its upcaster). A name in a text
 * of any other shape is recognised by the sentence it stands in, not by
 * itself: telling names apart from other words would need the team's list,
 * which a request's read path does not have without another query. This
 * drops some harmless sentences (a verdict that mentions staff time) rather
 * than risk one that names someone.
 *
 * @example
 * explanationForCoordinator(assessment, yearOf(request.startDate)).en
 * // [..., 'Staff time: 9 days needed; there is enough staff time in 2027.',
 * //  'Budget: the budget of 2027 allows it.', 'Recommendation: accept.']
 */
export function explanationForCoordinator(stored: StoredAssessment, year: number): { nl: string[]; en: string[] } {
  return { nl: forCoordinatorIn('nl', stored, year), en: forCoordinatorIn('en', stored, year) };
}
