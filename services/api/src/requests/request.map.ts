import type { RequestView } from '@werkbezoek/projections';
import type { AccompanimentRequest } from './request.type.js';

export function toAccompanimentRequest(r: RequestView): AccompanimentRequest {
  return {
    id: r.requestId,
    status: r.status,
    missionType: r.missionType,
    startDate: r.startDate,
    endDate: r.endDate,
    municipality: { nisCode: r.nisCode, name: r.municipalityName },
    twinning: { id: r.twinningId, partnerName: r.partnerName, countryCode: r.countryCode, regionCode: r.regionCode },
    delegationSize: r.delegationSize,
    policyDomains: r.policyDomains,
    reasons: r.claimedReasons,
    notes: r.notes,
    submittedOn: r.submittedOn,
    assessment: r.assessment && {
      recommendation: r.assessment.recommendation,
      declineReason: r.assessment.declineReason,
      opportune: r.assessment.opportune,
      requiredReasons: r.assessment.requiredReasons,
      satisfiedReasons: r.assessment.satisfiedReasons,
      derivedReasons: r.assessment.derivedReasons,
      staffTimeAvailable: r.assessment.staffTimeAvailable,
      budgetAvailable: r.assessment.budgetAvailable,
      daysNeeded: r.assessment.daysNeeded,
      estimatedCostEur: r.assessment.estimatedCostEur,
      explanation: r.assessment.explanation.nl,
      explanationEn: r.assessment.explanation.en,
      policyVersion: r.assessment.policyVersion,
      assessedOn: r.assessment.assessedOn,
    },
    decidedOn: r.decidedOn,
    declineReason: r.declineReason,
    decisionNote: r.decisionNote,
    withdrawalReason: r.withdrawalReason,
    staffMemberName: r.staffMemberName,
    mission: r.missionId
      ? {
          id: r.missionId,
          status: r.missionStatus ?? 'SCHEDULED',
          missionType: r.missionType,
          startDate: r.startDate,
          endDate: r.endDate,
          regionCode: r.regionCode,
          staffNames: r.staffMemberName ? [r.staffMemberName] : [],
          bookedDays: r.bookedDays,
          daysSpent: r.daysSpent,
          costEur: r.costEur,
          completedOn: r.completedOn,
        }
      : null,
  };
}
