import { NisCode, type Actor, type Role } from '@werkbezoek/schema';
import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { loadAuthConfig } from '../config.js';

/** Who is asking: a user in one role; a coordinator for one municipality. */
export interface Principal extends Actor {
  readonly role: Role;
  readonly name: string;
}

export type AuthConfig =
  | { readonly mode: 'demo' }
  | {
      readonly mode: 'jwt';
      readonly issuer: string;
      readonly audience: string;
      /** A shared HMAC secret (HS256) … */
      readonly secret?: string;
      /** … or the URL of the issuer's JSON Web Key Set. */
      readonly jwksUrl?: string;
      /** Claim names; defaults `role` and `nis_code`. */
      readonly roleClaim?: string;
      readonly municipalityClaim?: string;
    };

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

const demoRoles: Record<string, Role> = {
  'demo-management': 'MANAGEMENT',
  'demo-planner': 'PLANNER',
  'demo-analyst': 'ANALYST',
  'demo-staff': 'STAFF',
};

const ROLES: readonly Role[] = ['MANAGEMENT', 'PLANNER', 'ANALYST', 'STAFF', 'COORDINATOR'];

export interface Authenticator {
  /** The principal of a request's Authorization header; throws UNAUTHENTICATED. */
  authenticate(authorization: string | undefined): Promise<Principal>;
  readonly mode: AuthConfig['mode'];
}

function bearer(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) {
    throw unauthenticated(
      'Send credentials as "Authorization: Bearer <token>"; without them nothing can be read or written',
    );
  }
  return match[1]!;
}

export function createAuthenticator(config: AuthConfig): Authenticator {
  if (config.mode === 'demo') {
    return {
      mode: 'demo',
      async authenticate(authorization) {
        const token = bearer(authorization);
        const role = demoRoles[token];
        if (role) return { id: token, role, name: `Demo ${role.toLowerCase()}` };
        const coordinator = /^demo-coordinator-(.+)$/.exec(token);
        if (coordinator && NisCode.safeParse(coordinator[1]).success) {
          return {
            id: token,
            role: 'COORDINATOR',
            nisCode: coordinator[1]!,
            name: `Demo coordinator ${coordinator[1]}`,
          };
        }
        throw unauthenticated(
          'Unknown demo token; use demo-management, demo-planner, demo-analyst, demo-staff or demo-coordinator-<NIS code> (e.g. demo-coordinator-11055)',
        );
      },
    };
  }
  const key: Uint8Array | JWTVerifyGetKey | undefined = config.secret
    ? new TextEncoder().encode(config.secret)
    : config.jwksUrl
      ? createRemoteJWKSet(new URL(config.jwksUrl))
      : undefined;
  if (!key) throw new Error('AUTH_MODE=jwt needs JWT_SECRET or JWT_JWKS_URL');
  const roleClaim = config.roleClaim ?? 'role';
  const municipalityClaim = config.municipalityClaim ?? 'nis_code';
  return {
    mode: 'jwt',
    async authenticate(authorization) {
      const token = bearer(authorization);
      let payload;
      try {
        ({ payload } = await jwtVerify(token, key as Uint8Array, { issuer: config.issuer, audience: config.audience }));
      } catch (error) {
        throw unauthenticated(`The token was refused: ${(error as Error).message}`);
      }
      const role = payload[roleClaim];
      if (typeof role !== 'string' || !ROLES.includes(role as Role)) {
        throw unauthenticated(`The token's "${roleClaim}" claim must be one of ${ROLES.join(', ')}`);
      }
      const nisCode = payload[municipalityClaim];
      if (role === 'COORDINATOR' && (typeof nisCode !== 'string' || !NisCode.safeParse(nisCode).success)) {
        throw unauthenticated(
          `A coordinator's token needs the "${municipalityClaim}" claim with the municipality's NIS code`,
        );
      }
      const subject = payload.sub;
      if (!subject) throw unauthenticated('The token has no subject (sub)');
      return {
        id: subject,
        role: role as Role,
        name: typeof payload.name === 'string' ? payload.name : subject,
        ...(role === 'COORDINATOR' ? { nisCode: nisCode as string } : {}),
      };
    },
  };
}

/** AUTH_MODE and the JWT_ variables, checked as at start (see config.ts). */
export function authConfigFromEnv(env: NodeJS.ProcessEnv): AuthConfig {
  return loadAuthConfig(env);
}
