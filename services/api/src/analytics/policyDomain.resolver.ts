import { PolicyDomains } from '@werkbezoek/schema';
import { Query, Resolver } from 'type-graphql';
import { PolicyDomainInfo } from './policyDomain.type.js';

@Resolver()
export class PolicyDomainResolver {
  // The catalogue is public within the platform: every signed-in user may read it.
  @Query(() => [PolicyDomainInfo], { description: 'The catalogue of policy domains, in its own order.' })
  policyDomains(): PolicyDomainInfo[] {
    return PolicyDomains.entries.map((e) => ({
      code: e.code,
      label: { nl: e.label.nl, en: e.label.en },
      dacPurposeCodes: [...e.dacPurposeCodes],
      sdgs: [...e.sdgs],
    }));
  }
}
