import type { RequestPageQuery } from '../gql/graphql';

export type RequestDetail = NonNullable<RequestPageQuery['accompanimentRequest']>;
