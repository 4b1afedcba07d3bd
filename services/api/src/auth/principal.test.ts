import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from './principal.js';

const secret = 'a-test-secret-of-at-least-thirty-two-bytes!';
const jwt = createAuthenticator({ mode: 'jwt', issuer: 'https://login.vvsg.be', audience: 'werkbezoek', secret });

async function token(
  claims: Record<string, unknown>,
  options: { issuer?: string; audience?: string; expires?: string; key?: string } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('user-42')
    .setIssuer(options.issuer ?? 'https://login.vvsg.be')
    .setAudience(options.audience ?? 'werkbezoek')
    .setExpirationTime(options.expires ?? '5m')
    .sign(new TextEncoder().encode(options.key ?? secret));
}

describe('authentication', () => {
  it('accepts the demo tokens in demo mode, a coordinator with a valid NIS code only', async () => {
    const demo = createAuthenticator({ mode: 'demo' });
    expect(await demo.authenticate('Bearer demo-planner')).toMatchObject({ role: 'PLANNER' });
    expect(await demo.authenticate('bearer demo-coordinator-11055')).toMatchObject({
      role: 'COORDINATOR',
      nisCode: '11055',
    });
    await expect(demo.authenticate('Bearer demo-coordinator-abc')).rejects.toThrow(/Unknown demo token/);
    await expect(demo.authenticate(undefined)).rejects.toThrow(/Authorization: Bearer/);
  });

  it('verifies signed JWTs: issuer, audience, expiry, role and municipality claims', async () => {
    expect(await jwt.authenticate(`Bearer ${await token({ role: 'ANALYST', name: 'An' })}`)).toEqual({
      id: 'user-42',
      role: 'ANALYST',
      name: 'An',
    });
    expect(await jwt.authenticate(`Bearer ${await token({ role: 'COORDINATOR', nis_code: '44043' })}`)).toMatchObject({
      role: 'COORDINATOR',
      nisCode: '44043',
    });
    const refusals: [Promise<string>, RegExp][] = [
      [token({ role: 'ANALYST' }, { issuer: 'https://evil.example' }), /refused.*iss/],
      [token({ role: 'ANALYST' }, { audience: 'other-app' }), /refused.*aud/],
      [token({ role: 'ANALYST' }, { expires: '-1m' }), /refused.*exp/],
      [token({ role: 'ANALYST' }, { key: 'another-secret-of-at-least-thirty-two-b' }), /refused.*signature/],
      [token({ role: 'ADMIN' }), /"role" claim must be one of/],
      [token({ role: 'COORDINATOR' }), /needs the "nis_code" claim/],
    ];
    for (const [t, message] of refusals) {
      const error = await jwt.authenticate(`Bearer ${await t}`).catch((e: Error) => e);
      expect((error as Error).message).toMatch(message);
      expect(error).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
  });
});
