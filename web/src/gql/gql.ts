/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  query ReadModelPosition {\n    readModelPosition\n  }\n': typeof types.ReadModelPositionDocument;
  '\n  query Viewer {\n    viewer {\n      role\n      nisCode\n      municipalityName\n      displayName\n      allowedMutations\n    }\n  }\n': typeof types.ViewerDocument;
  '\n  query DraftAssessment($input: DraftRequestInput!) {\n    assessDraftRequest(input: $input) {\n      requiredReasons\n      claimedReasons\n      satisfiedReasons\n      derivedReasons {\n        reason\n        why {\n          nl\n          en\n        }\n      }\n      opportune\n      staffTimeAvailable\n      budgetAvailable\n      recommendation\n      daysNeeded\n      explanation\n      explanationEn\n    }\n  }\n': typeof types.DraftAssessmentDocument;
  '\n  query MyRequests {\n    twinnings {\n      id\n      partnerName\n      regionCode\n      countryCode\n      active\n    }\n    accompanimentRequests(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          missionType\n          startDate\n          endDate\n          submittedOn\n          decidedOn\n          declineReason\n          reasons\n          policyDomains\n          delegationSize\n          notes\n          twinning {\n            id\n            partnerName\n            regionCode\n          }\n          assessment {\n            recommendation\n          }\n          mission {\n            id\n            status\n            startDate\n            endDate\n          }\n        }\n      }\n    }\n  }\n': typeof types.MyRequestsDocument;
  '\n  mutation SubmitRequest($input: SubmitAccompanimentRequestInput!) {\n    submitAccompanimentRequest(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.SubmitRequestDocument;
  '\n  mutation AmendRequest($input: AmendAccompanimentRequestInput!) {\n    amendAccompanimentRequest(input: $input) {\n      id\n      status\n      missionType\n      startDate\n      endDate\n      reasons\n      policyDomains\n      delegationSize\n      notes\n    }\n  }\n': typeof types.AmendRequestDocument;
  '\n  mutation WithdrawRequest($input: WithdrawAccompanimentRequestInput!) {\n    withdrawAccompanimentRequest(input: $input) {\n      id\n      status\n      withdrawalReason\n    }\n  }\n': typeof types.WithdrawRequestDocument;
  '\n  query DashboardPage(\n    $fromQuarter: String!\n    $toQuarter: String!\n    $missionType: MissionType\n    $countryCode: String\n    $fromYear: Int!\n    $toYear: Int!\n  ) {\n    dashboard(fromQuarter: $fromQuarter, toQuarter: $toQuarter, missionType: $missionType, countryCode: $countryCode) {\n      totals {\n        submitted\n        accepted\n        declined\n        withdrawn\n        pending\n        agreements\n        assessedDecisions\n        agreementRate\n        medianDaysToDecision\n      }\n      byQuarter {\n        quarter\n        submitted\n        accepted\n        declined\n        withdrawn\n        pending\n        agreements\n        assessedDecisions\n        agreementRate\n        declinedByReason {\n          reason\n          count\n        }\n      }\n      rows {\n        quarter\n        missionType\n        submitted\n      }\n    }\n    capacitySummary(fromYear: $fromYear, toYear: $toYear) {\n      year\n      declaredDays\n      bookedDays\n      usedDays\n      freeDays\n    }\n    budgets(fromYear: $fromYear, toYear: $toYear) {\n      year\n      allocatedEur\n      reservedEur\n      spentEur\n      unreservedEur\n    }\n    coverage {\n      nisCode\n      name\n      lastAccompaniedOn\n      monthsSinceLastAccompaniment\n    }\n    twinnings {\n      id\n      nisCode\n      countryCode\n    }\n  }\n': typeof types.DashboardPageDocument;
  '\n  query AssessmentResources($year: Int!) {\n    staffCapacity(year: $year) {\n      staffMemberId\n      year\n      name\n      freeDays\n    }\n    budgets(fromYear: $year, toYear: $year) {\n      year\n      unreservedEur\n    }\n  }\n': typeof types.AssessmentResourcesDocument;
  '\n  mutation Reassess($requestId: ID!) {\n    assessAccompanimentRequest(requestId: $requestId) {\n      id\n      assessment {\n        assessedOn\n        recommendation\n      }\n    }\n  }\n': typeof types.ReassessDocument;
  '\n  query RequestAudit($id: ID!, $first: Int!) {\n    accompanimentRequest(id: $id) {\n      id\n      auditTrail(first: $first) {\n        pageInfo {\n          hasNextPage\n        }\n        edges {\n          node {\n            eventId\n            type\n            occurredAt\n            data\n            actor {\n              id\n              role\n              nisCode\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.RequestAuditDocument;
  '\n  query DecisionStaff($year: Int!) {\n    staffCapacity(year: $year) {\n      staffMemberId\n      year\n      name\n      freeDays\n    }\n  }\n': typeof types.DecisionStaffDocument;
  '\n  mutation Decide($input: DecideAccompanimentInput!) {\n    decideAccompaniment(input: $input) {\n      id\n      status\n      decidedOn\n      declineReason\n      decisionNote\n      staffMemberName\n    }\n  }\n': typeof types.DecideDocument;
  '\n  query RequestPage($id: ID!) {\n    accompanimentRequest(id: $id) {\n      id\n      status\n      missionType\n      startDate\n      endDate\n      submittedOn\n      delegationSize\n      notes\n      policyDomains\n      reasons\n      decidedOn\n      declineReason\n      decisionNote\n      staffMemberName\n      withdrawalReason\n      municipality {\n        nisCode\n        name\n      }\n      twinning {\n        id\n        partnerName\n        regionCode\n        countryCode\n      }\n      assessment {\n        assessedOn\n        policyVersion\n        recommendation\n        declineReason\n        opportune\n        staffTimeAvailable\n        budgetAvailable\n        requiredReasons\n        satisfiedReasons\n        derivedReasons\n        daysNeeded\n        estimatedCostEur\n        explanation\n        explanationEn\n      }\n      mission {\n        id\n        status\n        startDate\n        endDate\n        activitiesDone\n        activitiesPlanned\n        staffNames\n      }\n    }\n  }\n': typeof types.RequestPageDocument;
  '\n  query RequestsPage($filter: RequestFilter, $first: Int, $after: String) {\n    accompanimentRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          submittedOn\n          status\n          missionType\n          startDate\n          endDate\n          municipality {\n            nisCode\n            name\n          }\n          twinning {\n            id\n            partnerName\n            regionCode\n          }\n          assessment {\n            recommendation\n            daysNeeded\n            estimatedCostEur\n          }\n        }\n      }\n    }\n  }\n': typeof types.RequestsPageDocument;
  '\n  query MunicipalityHistory($nisCode: String!) {\n    accompanimentHistory(nisCode: $nisCode) {\n      nisCode\n      lastAccompaniedOn\n      monthsSinceLastAccompaniment\n      visits {\n        id\n        kind\n        requestId\n        missionType\n        startDate\n        endDate\n        accompanied\n        status\n      }\n    }\n  }\n': typeof types.MunicipalityHistoryDocument;
  '\n  query RegionVisits($filter: RequestFilter!) {\n    accompanimentRequests(filter: $filter, first: 20) {\n      edges {\n        node {\n          id\n          status\n          missionType\n          startDate\n          endDate\n          municipality {\n            nisCode\n            name\n          }\n        }\n      }\n    }\n  }\n': typeof types.RegionVisitsDocument;
  '\n  query Vocabularies {\n    vocabularies {\n      missionTypes {\n        code\n        rank\n        label {\n          nl\n          en\n        }\n      }\n      additionalReasons {\n        code\n        derivable\n        label {\n          nl\n          en\n        }\n      }\n      declineReasons {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      decisions {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      requestStatuses {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      activities {\n        code\n        phase\n        label {\n          nl\n          en\n        }\n      }\n      phases {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      policyDomains {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      regions {\n        code\n        countryCode\n        label {\n          nl\n          en\n        }\n      }\n      roles {\n        code\n        label {\n          nl\n          en\n        }\n      }\n    }\n  }\n': typeof types.VocabulariesDocument;
};
const documents: Documents = {
  '\n  query ReadModelPosition {\n    readModelPosition\n  }\n': types.ReadModelPositionDocument,
  '\n  query Viewer {\n    viewer {\n      role\n      nisCode\n      municipalityName\n      displayName\n      allowedMutations\n    }\n  }\n':
    types.ViewerDocument,
  '\n  query DraftAssessment($input: DraftRequestInput!) {\n    assessDraftRequest(input: $input) {\n      requiredReasons\n      claimedReasons\n      satisfiedReasons\n      derivedReasons {\n        reason\n        why {\n          nl\n          en\n        }\n      }\n      opportune\n      staffTimeAvailable\n      budgetAvailable\n      recommendation\n      daysNeeded\n      explanation\n      explanationEn\n    }\n  }\n':
    types.DraftAssessmentDocument,
  '\n  query MyRequests {\n    twinnings {\n      id\n      partnerName\n      regionCode\n      countryCode\n      active\n    }\n    accompanimentRequests(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          missionType\n          startDate\n          endDate\n          submittedOn\n          decidedOn\n          declineReason\n          reasons\n          policyDomains\n          delegationSize\n          notes\n          twinning {\n            id\n            partnerName\n            regionCode\n          }\n          assessment {\n            recommendation\n          }\n          mission {\n            id\n            status\n            startDate\n            endDate\n          }\n        }\n      }\n    }\n  }\n':
    types.MyRequestsDocument,
  '\n  mutation SubmitRequest($input: SubmitAccompanimentRequestInput!) {\n    submitAccompanimentRequest(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.SubmitRequestDocument,
  '\n  mutation AmendRequest($input: AmendAccompanimentRequestInput!) {\n    amendAccompanimentRequest(input: $input) {\n      id\n      status\n      missionType\n      startDate\n      endDate\n      reasons\n      policyDomains\n      delegationSize\n      notes\n    }\n  }\n':
    types.AmendRequestDocument,
  '\n  mutation WithdrawRequest($input: WithdrawAccompanimentRequestInput!) {\n    withdrawAccompanimentRequest(input: $input) {\n      id\n      status\n      withdrawalReason\n    }\n  }\n':
    types.WithdrawRequestDocument,
  '\n  query DashboardPage(\n    $fromQuarter: String!\n    $toQuarter: String!\n    $missionType: MissionType\n    $countryCode: String\n    $fromYear: Int!\n    $toYear: Int!\n  ) {\n    dashboard(fromQuarter: $fromQuarter, toQuarter: $toQuarter, missionType: $missionType, countryCode: $countryCode) {\n      totals {\n        submitted\n        accepted\n        declined\n        withdrawn\n        pending\n        agreements\n        assessedDecisions\n        agreementRate\n        medianDaysToDecision\n      }\n      byQuarter {\n        quarter\n        submitted\n        accepted\n        declined\n        withdrawn\n        pending\n        agreements\n        assessedDecisions\n        agreementRate\n        declinedByReason {\n          reason\n          count\n        }\n      }\n      rows {\n        quarter\n        missionType\n        submitted\n      }\n    }\n    capacitySummary(fromYear: $fromYear, toYear: $toYear) {\n      year\n      declaredDays\n      bookedDays\n      usedDays\n      freeDays\n    }\n    budgets(fromYear: $fromYear, toYear: $toYear) {\n      year\n      allocatedEur\n      reservedEur\n      spentEur\n      unreservedEur\n    }\n    coverage {\n      nisCode\n      name\n      lastAccompaniedOn\n      monthsSinceLastAccompaniment\n    }\n    twinnings {\n      id\n      nisCode\n      countryCode\n    }\n  }\n':
    types.DashboardPageDocument,
  '\n  query AssessmentResources($year: Int!) {\n    staffCapacity(year: $year) {\n      staffMemberId\n      year\n      name\n      freeDays\n    }\n    budgets(fromYear: $year, toYear: $year) {\n      year\n      unreservedEur\n    }\n  }\n':
    types.AssessmentResourcesDocument,
  '\n  mutation Reassess($requestId: ID!) {\n    assessAccompanimentRequest(requestId: $requestId) {\n      id\n      assessment {\n        assessedOn\n        recommendation\n      }\n    }\n  }\n':
    types.ReassessDocument,
  '\n  query RequestAudit($id: ID!, $first: Int!) {\n    accompanimentRequest(id: $id) {\n      id\n      auditTrail(first: $first) {\n        pageInfo {\n          hasNextPage\n        }\n        edges {\n          node {\n            eventId\n            type\n            occurredAt\n            data\n            actor {\n              id\n              role\n              nisCode\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.RequestAuditDocument,
  '\n  query DecisionStaff($year: Int!) {\n    staffCapacity(year: $year) {\n      staffMemberId\n      year\n      name\n      freeDays\n    }\n  }\n':
    types.DecisionStaffDocument,
  '\n  mutation Decide($input: DecideAccompanimentInput!) {\n    decideAccompaniment(input: $input) {\n      id\n      status\n      decidedOn\n      declineReason\n      decisionNote\n      staffMemberName\n    }\n  }\n':
    types.DecideDocument,
  '\n  query RequestPage($id: ID!) {\n    accompanimentRequest(id: $id) {\n      id\n      status\n      missionType\n      startDate\n      endDate\n      submittedOn\n      delegationSize\n      notes\n      policyDomains\n      reasons\n      decidedOn\n      declineReason\n      decisionNote\n      staffMemberName\n      withdrawalReason\n      municipality {\n        nisCode\n        name\n      }\n      twinning {\n        id\n        partnerName\n        regionCode\n        countryCode\n      }\n      assessment {\n        assessedOn\n        policyVersion\n        recommendation\n        declineReason\n        opportune\n        staffTimeAvailable\n        budgetAvailable\n        requiredReasons\n        satisfiedReasons\n        derivedReasons\n        daysNeeded\n        estimatedCostEur\n        explanation\n        explanationEn\n      }\n      mission {\n        id\n        status\n        startDate\n        endDate\n        activitiesDone\n        activitiesPlanned\n        staffNames\n      }\n    }\n  }\n':
    types.RequestPageDocument,
  '\n  query RequestsPage($filter: RequestFilter, $first: Int, $after: String) {\n    accompanimentRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          submittedOn\n          status\n          missionType\n          startDate\n          endDate\n          municipality {\n            nisCode\n            name\n          }\n          twinning {\n            id\n            partnerName\n            regionCode\n          }\n          assessment {\n            recommendation\n            daysNeeded\n            estimatedCostEur\n          }\n        }\n      }\n    }\n  }\n':
    types.RequestsPageDocument,
  '\n  query MunicipalityHistory($nisCode: String!) {\n    accompanimentHistory(nisCode: $nisCode) {\n      nisCode\n      lastAccompaniedOn\n      monthsSinceLastAccompaniment\n      visits {\n        id\n        kind\n        requestId\n        missionType\n        startDate\n        endDate\n        accompanied\n        status\n      }\n    }\n  }\n':
    types.MunicipalityHistoryDocument,
  '\n  query RegionVisits($filter: RequestFilter!) {\n    accompanimentRequests(filter: $filter, first: 20) {\n      edges {\n        node {\n          id\n          status\n          missionType\n          startDate\n          endDate\n          municipality {\n            nisCode\n            name\n          }\n        }\n      }\n    }\n  }\n':
    types.RegionVisitsDocument,
  '\n  query Vocabularies {\n    vocabularies {\n      missionTypes {\n        code\n        rank\n        label {\n          nl\n          en\n        }\n      }\n      additionalReasons {\n        code\n        derivable\n        label {\n          nl\n          en\n        }\n      }\n      declineReasons {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      decisions {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      requestStatuses {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      activities {\n        code\n        phase\n        label {\n          nl\n          en\n        }\n      }\n      phases {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      policyDomains {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      regions {\n        code\n        countryCode\n        label {\n          nl\n          en\n        }\n      }\n      roles {\n        code\n        label {\n          nl\n          en\n        }\n      }\n    }\n  }\n':
    types.VocabulariesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ReadModelPosition {\n    readModelPosition\n  }\n',
): (typeof documents)['\n  query ReadModelPosition {\n    readModelPosition\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Viewer {\n    viewer {\n      role\n      nisCode\n      municipalityName\n      displayName\n      allowedMutations\n    }\n  }\n',
): (typeof documents)['\n  query Viewer {\n    viewer {\n      role\n      nisCode\n      municipalityName\n      displayName\n      allowedMutations\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DraftAssessment($input: DraftRequestInput!) {\n    assessDraftRequest(input: $input) {\n      requiredReasons\n      claimedReasons\n      satisfiedReasons\n      derivedReasons {\n        reason\n        why {\n          nl\n          en\n        }\n      }\n      opportune\n      staffTimeAvailable\n      budgetAvailable\n      recommendation\n      daysNeeded\n      explanation\n      explanationEn\n    }\n  }\n',
): (typeof documents)['\n  query DraftAssessment($input: DraftRequestInput!) {\n    assessDraftRequest(input: $input) {\n      requiredReasons\n      claimedReasons\n      satisfiedReasons\n      derivedReasons {\n        reason\n        why {\n          nl\n          en\n        }\n      }\n      opportune\n      staffTimeAvailable\n      budgetAvailable\n      recommendation\n      daysNeeded\n      explanation\n      explanationEn\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MyRequests {\n    twinnings {\n      id\n      partnerName\n      regionCode\n      countryCode\n      active\n    }\n    accompanimentRequests(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          missionType\n          startDate\n          endDate\n          submittedOn\n          decidedOn\n          declineReason\n          reasons\n          policyDomains\n          delegationSize\n          notes\n          twinning {\n            id\n            partnerName\n            regionCode\n          }\n          assessment {\n            recommendation\n          }\n          mission {\n            id\n            status\n            startDate\n            endDate\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MyRequests {\n    twinnings {\n      id\n      partnerName\n      regionCode\n      countryCode\n      active\n    }\n    accompanimentRequests(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          missionType\n          startDate\n          endDate\n          submittedOn\n          decidedOn\n          declineReason\n          reasons\n          policyDomains\n          delegationSize\n          notes\n          twinning {\n            id\n            partnerName\n            regionCode\n          }\n          assessment {\n            recommendation\n          }\n          mission {\n            id\n            status\n            startDate\n            endDate\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SubmitRequest($input: SubmitAccompanimentRequestInput!) {\n    submitAccompanimentRequest(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation SubmitRequest($input: SubmitAccompanimentRequestInput!) {\n    submitAccompanimentRequest(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AmendRequest($input: AmendAccompanimentRequestInput!) {\n    amendAccompanimentRequest(input: $input) {\n      id\n      status\n      missionType\n      startDate\n      endDate\n      reasons\n      policyDomains\n      delegationSize\n      notes\n    }\n  }\n',
): (typeof documents)['\n  mutation AmendRequest($input: AmendAccompanimentRequestInput!) {\n    amendAccompanimentRequest(input: $input) {\n      id\n      status\n      missionType\n      startDate\n      endDate\n      reasons\n      policyDomains\n      delegationSize\n      notes\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WithdrawRequest($input: WithdrawAccompanimentRequestInput!) {\n    withdrawAccompanimentRequest(input: $input) {\n      id\n      status\n      withdrawalReason\n    }\n  }\n',
): (typeof documents)['\n  mutation WithdrawRequest($input: WithdrawAccompanimentRequestInput!) {\n    withdrawAccompanimentRequest(input: $input) {\n      id\n      status\n      withdrawalReason\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardPage(\n    $fromQuarter: String!\n    $toQuarter: String!\n    $missionType: MissionType\n    $countryCode: String\n    $fromYear: Int!\n    $toYear: Int!\n  ) {\n    dashboard(fromQuarter: $fromQuarter, toQuarter: $toQuarter, missionType: $missionType, countryCode: $countryCode) {\n      totals {\n        submitted\n        accepted\n        declined\n        withdrawn\n        pending\n        agreements\n        assessedDecisions\n        agreementRate\n        medianDaysToDecision\n      }\n      byQuarter {\n        quarter\n        submitted\n        accepted\n        declined\n        withdrawn\n        pending\n        agreements\n        assessedDecisions\n        agreementRate\n        declinedByReason {\n          reason\n          count\n        }\n      }\n      rows {\n        quarter\n        missionType\n        submitted\n      }\n    }\n    capacitySummary(fromYear: $fromYear, toYear: $toYear) {\n      year\n      declaredDays\n      bookedDays\n      usedDays\n      freeDays\n    }\n    budgets(fromYear: $fromYear, toYear: $toYear) {\n      year\n      allocatedEur\n      reservedEur\n      spentEur\n      unreservedEur\n    }\n    coverage {\n      nisCode\n      name\n      lastAccompaniedOn\n      monthsSinceLastAccompaniment\n    }\n    twinnings {\n      id\n      nisCode\n      countryCode\n    }\n  }\n',
): (typeof documents)['\n  query DashboardPage(\n    $fromQuarter: String!\n    $toQuarter: String!\n    $missionType: MissionType\n    $countryCode: String\n    $fromYear: Int!\n    $toYear: Int!\n  ) {\n    dashboard(fromQuarter: $fromQuarter, toQuarter: $toQuarter, missionType: $missionType, countryCode: $countryCode) {\n      totals {\n        submitted\n        accepted\n        declined\n        withdrawn\n        pending\n        agreements\n        assessedDecisions\n        agreementRate\n        medianDaysToDecision\n      }\n      byQuarter {\n        quarter\n        submitted\n        accepted\n        declined\n        withdrawn\n        pending\n        agreements\n        assessedDecisions\n        agreementRate\n        declinedByReason {\n          reason\n          count\n        }\n      }\n      rows {\n        quarter\n        missionType\n        submitted\n      }\n    }\n    capacitySummary(fromYear: $fromYear, toYear: $toYear) {\n      year\n      declaredDays\n      bookedDays\n      usedDays\n      freeDays\n    }\n    budgets(fromYear: $fromYear, toYear: $toYear) {\n      year\n      allocatedEur\n      reservedEur\n      spentEur\n      unreservedEur\n    }\n    coverage {\n      nisCode\n      name\n      lastAccompaniedOn\n      monthsSinceLastAccompaniment\n    }\n    twinnings {\n      id\n      nisCode\n      countryCode\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AssessmentResources($year: Int!) {\n    staffCapacity(year: $year) {\n      staffMemberId\n      year\n      name\n      freeDays\n    }\n    budgets(fromYear: $year, toYear: $year) {\n      year\n      unreservedEur\n    }\n  }\n',
): (typeof documents)['\n  query AssessmentResources($year: Int!) {\n    staffCapacity(year: $year) {\n      staffMemberId\n      year\n      name\n      freeDays\n    }\n    budgets(fromYear: $year, toYear: $year) {\n      year\n      unreservedEur\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Reassess($requestId: ID!) {\n    assessAccompanimentRequest(requestId: $requestId) {\n      id\n      assessment {\n        assessedOn\n        recommendation\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Reassess($requestId: ID!) {\n    assessAccompanimentRequest(requestId: $requestId) {\n      id\n      assessment {\n        assessedOn\n        recommendation\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RequestAudit($id: ID!, $first: Int!) {\n    accompanimentRequest(id: $id) {\n      id\n      auditTrail(first: $first) {\n        pageInfo {\n          hasNextPage\n        }\n        edges {\n          node {\n            eventId\n            type\n            occurredAt\n            data\n            actor {\n              id\n              role\n              nisCode\n            }\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query RequestAudit($id: ID!, $first: Int!) {\n    accompanimentRequest(id: $id) {\n      id\n      auditTrail(first: $first) {\n        pageInfo {\n          hasNextPage\n        }\n        edges {\n          node {\n            eventId\n            type\n            occurredAt\n            data\n            actor {\n              id\n              role\n              nisCode\n            }\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DecisionStaff($year: Int!) {\n    staffCapacity(year: $year) {\n      staffMemberId\n      year\n      name\n      freeDays\n    }\n  }\n',
): (typeof documents)['\n  query DecisionStaff($year: Int!) {\n    staffCapacity(year: $year) {\n      staffMemberId\n      year\n      name\n      freeDays\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Decide($input: DecideAccompanimentInput!) {\n    decideAccompaniment(input: $input) {\n      id\n      status\n      decidedOn\n      declineReason\n      decisionNote\n      staffMemberName\n    }\n  }\n',
): (typeof documents)['\n  mutation Decide($input: DecideAccompanimentInput!) {\n    decideAccompaniment(input: $input) {\n      id\n      status\n      decidedOn\n      declineReason\n      decisionNote\n      staffMemberName\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RequestPage($id: ID!) {\n    accompanimentRequest(id: $id) {\n      id\n      status\n      missionType\n      startDate\n      endDate\n      submittedOn\n      delegationSize\n      notes\n      policyDomains\n      reasons\n      decidedOn\n      declineReason\n      decisionNote\n      staffMemberName\n      withdrawalReason\n      municipality {\n        nisCode\n        name\n      }\n      twinning {\n        id\n        partnerName\n        regionCode\n        countryCode\n      }\n      assessment {\n        assessedOn\n        policyVersion\n        recommendation\n        declineReason\n        opportune\n        staffTimeAvailable\n        budgetAvailable\n        requiredReasons\n        satisfiedReasons\n        derivedReasons\n        daysNeeded\n        estimatedCostEur\n        explanation\n        explanationEn\n      }\n      mission {\n        id\n        status\n        startDate\n        endDate\n        activitiesDone\n        activitiesPlanned\n        staffNames\n      }\n    }\n  }\n',
): (typeof documents)['\n  query RequestPage($id: ID!) {\n    accompanimentRequest(id: $id) {\n      id\n      status\n      missionType\n      startDate\n      endDate\n      submittedOn\n      delegationSize\n      notes\n      policyDomains\n      reasons\n      decidedOn\n      declineReason\n      decisionNote\n      staffMemberName\n      withdrawalReason\n      municipality {\n        nisCode\n        name\n      }\n      twinning {\n        id\n        partnerName\n        regionCode\n        countryCode\n      }\n      assessment {\n        assessedOn\n        policyVersion\n        recommendation\n        declineReason\n        opportune\n        staffTimeAvailable\n        budgetAvailable\n        requiredReasons\n        satisfiedReasons\n        derivedReasons\n        daysNeeded\n        estimatedCostEur\n        explanation\n        explanationEn\n      }\n      mission {\n        id\n        status\n        startDate\n        endDate\n        activitiesDone\n        activitiesPlanned\n        staffNames\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RequestsPage($filter: RequestFilter, $first: Int, $after: String) {\n    accompanimentRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          submittedOn\n          status\n          missionType\n          startDate\n          endDate\n          municipality {\n            nisCode\n            name\n          }\n          twinning {\n            id\n            partnerName\n            regionCode\n          }\n          assessment {\n            recommendation\n            daysNeeded\n            estimatedCostEur\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query RequestsPage($filter: RequestFilter, $first: Int, $after: String) {\n    accompanimentRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          submittedOn\n          status\n          missionType\n          startDate\n          endDate\n          municipality {\n            nisCode\n            name\n          }\n          twinning {\n            id\n            partnerName\n            regionCode\n          }\n          assessment {\n            recommendation\n            daysNeeded\n            estimatedCostEur\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MunicipalityHistory($nisCode: String!) {\n    accompanimentHistory(nisCode: $nisCode) {\n      nisCode\n      lastAccompaniedOn\n      monthsSinceLastAccompaniment\n      visits {\n        id\n        kind\n        requestId\n        missionType\n        startDate\n        endDate\n        accompanied\n        status\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MunicipalityHistory($nisCode: String!) {\n    accompanimentHistory(nisCode: $nisCode) {\n      nisCode\n      lastAccompaniedOn\n      monthsSinceLastAccompaniment\n      visits {\n        id\n        kind\n        requestId\n        missionType\n        startDate\n        endDate\n        accompanied\n        status\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RegionVisits($filter: RequestFilter!) {\n    accompanimentRequests(filter: $filter, first: 20) {\n      edges {\n        node {\n          id\n          status\n          missionType\n          startDate\n          endDate\n          municipality {\n            nisCode\n            name\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query RegionVisits($filter: RequestFilter!) {\n    accompanimentRequests(filter: $filter, first: 20) {\n      edges {\n        node {\n          id\n          status\n          missionType\n          startDate\n          endDate\n          municipality {\n            nisCode\n            name\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Vocabularies {\n    vocabularies {\n      missionTypes {\n        code\n        rank\n        label {\n          nl\n          en\n        }\n      }\n      additionalReasons {\n        code\n        derivable\n        label {\n          nl\n          en\n        }\n      }\n      declineReasons {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      decisions {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      requestStatuses {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      activities {\n        code\n        phase\n        label {\n          nl\n          en\n        }\n      }\n      phases {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      policyDomains {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      regions {\n        code\n        countryCode\n        label {\n          nl\n          en\n        }\n      }\n      roles {\n        code\n        label {\n          nl\n          en\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Vocabularies {\n    vocabularies {\n      missionTypes {\n        code\n        rank\n        label {\n          nl\n          en\n        }\n      }\n      additionalReasons {\n        code\n        derivable\n        label {\n          nl\n          en\n        }\n      }\n      declineReasons {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      decisions {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      requestStatuses {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      activities {\n        code\n        phase\n        label {\n          nl\n          en\n        }\n      }\n      phases {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      policyDomains {\n        code\n        label {\n          nl\n          en\n        }\n      }\n      regions {\n        code\n        countryCode\n        label {\n          nl\n          en\n        }\n      }\n      roles {\n        code\n        label {\n          nl\n          en\n        }\n      }\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
