import { Ctx, Query, Resolver } from 'type-graphql';
import { allowedMutations } from '../auth/roles.js';
import type { ApiContext } from '../context.js';
import { findMunicipality } from '../registry/registry.load.js';
import { Viewer } from './viewer.type.js';

@Resolver()
export class ViewerResolver {
  // Every signed-in user may ask who they are: the UI builds its menus from the answer.
  @Query(() => Viewer, { description: 'Who the bearer token is: role, municipality, name and allowed mutations.' })
  async viewer(@Ctx() context: ApiContext): Promise<Viewer> {
    const { principal } = context;
    const nisCode = principal.role === 'COORDINATOR' ? (principal.nisCode ?? null) : null;
    const municipality = nisCode ? await findMunicipality(context, nisCode) : undefined;
    return {
      role: principal.role,
      nisCode,
      municipalityName: municipality?.name ?? null,
      displayName: principal.name,
      allowedMutations: allowedMutations(principal.role),
    };
  }
}
