import { listTwinnings, type ClustersDb, type HistoryDb } from '@werkbezoek/projections';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorize, authorizeMutation } from '../auth/roles.js';
import { execute, views, type ApiContext } from '../context.js';
import { RegisterMunicipalityInput } from './registry.input.js';
import { authorizeRead, findMunicipality, loadMunicipality } from './registry.load.js';
import { toTwinning } from './registry.map.js';
import { Municipality, Twinning } from './registry.type.js';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => Municipality, {
    nullable: true,
    description: 'A registered municipality; coordinators see their own only.',
  })
  async municipality(
    @Arg('nisCode', () => String) nisCode: string,
    @Ctx() context: ApiContext,
  ): Promise<Municipality | null> {
    authorizeRead(context, nisCode);
    return (await findMunicipality(context, nisCode)) ?? null;
  }

  @Query(() => [Municipality], { description: 'Every registered municipality, by name.' })
  async municipalities(@Ctx() context: ApiContext): Promise<Municipality[]> {
    authorize(context.principal, 'readAll');
    const rows = await views<HistoryDb>(context).selectFrom('history_municipalities').selectAll().execute();
    return rows
      .map((r) => ({ nisCode: r.nis_code, name: r.name, province: r.province }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.nisCode.localeCompare(b.nisCode));
  }

  @FieldResolver(() => [Twinning], { description: "The municipality's twinnings, ended ones included." })
  async twinnings(@Root() municipality: Municipality, @Ctx() context: ApiContext): Promise<Twinning[]> {
    authorizeRead(context, municipality.nisCode);
    const found = await listTwinnings(views<ClustersDb>(context), { nisCode: municipality.nisCode });
    return found.map(toTwinning);
  }

  @Mutation(() => Municipality, { description: 'Staff register a Flemish municipality by its NIS code.' })
  async registerMunicipality(
    @Arg('input', () => RegisterMunicipalityInput) input: RegisterMunicipalityInput,
    @Ctx() context: ApiContext,
  ): Promise<Municipality> {
    authorizeMutation(context.principal, 'registerMunicipality');
    const { nisCode, name, province } = input;
    const result = await execute(context, (meta) =>
      context.services.handlers.registerMunicipality({ nisCode, name, province }, meta),
    );
    return loadMunicipality(context, result.id);
  }
}
