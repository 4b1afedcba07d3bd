/**
 * docker-compose.yml and deploy/nginx.conf, checked statically (no Docker
 * engine runs on the development machines or in CI): pinned images, health
 * checks gating the start order, the replicas of the topology, variables the
 * code reads, connection strings that name the services, and the proxy.
 */
import { describe, expect, it } from 'vitest';
import { envPairs, parseDockerfile, stagesOf } from './dockerSyntax.js';
import { documentedVariables, exists, read } from './repository.js';
import { parseYamlSubset, type YamlValue } from './yamlSubset.js';

type Mapping = { [key: string]: YamlValue };

function mapping(value: YamlValue | undefined, what: string): Mapping {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${what} is not a mapping`);
  return value;
}

function strings(value: YamlValue | undefined, what: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new Error(`${what}: not a list of strings`);
  return value;
}

function scalar(value: YamlValue | undefined, what: string): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return '';
  throw new Error(`${what} is not a scalar`);
}

const compose = mapping(parseYamlSubset(read('docker-compose.yml')), 'docker-compose.yml');
const services = mapping(compose.services, 'services');
const serviceNames = Object.keys(services);
const service = (name: string): Mapping => mapping(services[name], `services.${name}`);

/** A service's environment as strings, from the mapping form or the `KEY=value` list form. */
function environment(name: string): Record<string, string> {
  const env = service(name).environment;
  if (Array.isArray(env))
    return Object.fromEntries(
      strings(env, `${name}.environment`).map((e) => [e.split('=')[0]!, e.slice(e.indexOf('=') + 1)]),
    );
  return Object.fromEntries(
    Object.entries(env ? mapping(env, `${name}.environment`) : {}).map(([k, v]) => [k, scalar(v, `${name}.${k}`)]),
  );
}

/** The services that run our image (built from the Dockerfile). */
const ours = serviceNames.filter((name) => service(name).build !== undefined);
const finalStage = stagesOf(parseDockerfile(read('Dockerfile'))).at(-1)!;
const imageEnv = Object.assign(
  {},
  ...finalStage.instructions.filter((i) => i.keyword === 'ENV').map((i) => envPairs(i.args)),
) as Record<string, string>;
/** The port a service of our image listens on: its PORT, else the image's. */
const portOf = (name: string): number => Number(environment(name).PORT ?? imageEnv.PORT);

const nginx = read('deploy/nginx.conf').replace(/#.*$/gm, '');

describe('docker-compose.yml', () => {
  it('runs the topology: the event store, PostgreSQL, the api, the projector and the proxy', () => {
    expect(serviceNames.sort()).toEqual(['api', 'eventstore', 'postgres', 'projector', 'proxy']);
    expect(ours.sort()).toEqual(['api', 'projector']);
  });

  it('pins every pulled image to a version (no latest, no missing tag)', () => {
    for (const name of serviceNames) {
      const image = scalar(service(name).image, `${name}.image`);
      const tag = /:([^:/@]+)(@sha256:[a-f0-9]{64})?$/.exec(image)?.[1];
      if (ours.includes(name)) {
        expect(tag, `${name}: the built image's tag`).toBeDefined();
        expect(tag).not.toBe('latest');
        continue;
      }
      expect(tag, `${name}: ${image} has a tag`).toBeDefined();
      expect(tag, `${name}: ${image}`).not.toBe('latest');
      // At least major.minor: a bare major (postgres:18) moves with every release.
      expect(tag, `${name}: ${image} names a version`).toMatch(/^v?\d+\.\d+/);
    }
  });

  it('builds the api and the projector from the repository’s Dockerfile, never pulling their image', () => {
    const images = new Set(ours.map((name) => service(name).image));
    expect(images.size, 'one image for every role').toBe(1);
    for (const name of ours) {
      const build = service(name).build;
      const { context, dockerfile } =
        typeof build === 'string' ? { context: build, dockerfile: 'Dockerfile' } : mapping(build, `${name}.build`);
      expect(context).toBe('.');
      expect(exists(dockerfile === undefined ? 'Dockerfile' : scalar(dockerfile, `${name}.build.dockerfile`))).toBe(
        true,
      );
      expect(service(name).pull_policy, `${name}: a local image cannot be pulled`).toBe('build');
      // The image's CMD starts the role; a command here would bypass it.
      expect(service(name).command, `${name}.command`).toBeUndefined();
      expect(service(name).entrypoint, `${name}.entrypoint`).toBeUndefined();
    }
  });

  it('gives every service a health check', () => {
    for (const name of serviceNames) {
      const healthcheck = mapping(service(name).healthcheck, `${name}.healthcheck`);
      expect(healthcheck.disable, `${name}.healthcheck.disable`).not.toBe(true);
      const test = healthcheck.test;
      const words = typeof test === 'string' ? [test] : strings(test, `${name}.healthcheck.test`);
      expect(words.length, `${name}.healthcheck.test`).toBeGreaterThan(0);
      expect(words[0], `${name}.healthcheck.test`).not.toBe('NONE');
    }
  });

  it('checks the api and the projector on /readyz of the port they listen on', () => {
    for (const name of ours) {
      const test = strings(mapping(service(name).healthcheck, name).test, `${name}.healthcheck.test`).join(' ');
      expect(test).toMatch(/\/readyz\b/);
      const port =
        /127\.0\.0\.1:' \+ \(process\.env\.PORT \|\| (\d+)\)/.exec(test)?.[1] ?? /:(\d+)\/readyz/.exec(test)?.[1];
      expect(Number(port), `${name}: the health check's port`).toBe(portOf(name));
    }
  });

  it('starts each service after the ones it needs are healthy', () => {
    for (const name of serviceNames) {
      const dependsOn = service(name).depends_on;
      if (dependsOn === undefined) continue;
      expect(Array.isArray(dependsOn), `${name}.depends_on: the long form, with conditions`).toBe(false);
      for (const [dependency, spec] of Object.entries(mapping(dependsOn, `${name}.depends_on`))) {
        expect(serviceNames, `${name} depends on ${dependency}`).toContain(dependency);
        const condition = mapping(spec, `${name}.depends_on.${dependency}`).condition;
        expect(['service_healthy', 'service_completed_successfully'], `${name} -> ${dependency}`).toContain(condition);
        if (condition === 'service_healthy') expect(service(dependency).healthcheck).toBeDefined();
      }
    }
    for (const name of ours)
      expect(Object.keys(mapping(service(name).depends_on, name)).sort()).toEqual(['eventstore', 'postgres']);
    expect(Object.keys(mapping(service('proxy').depends_on, 'proxy'))).toEqual(['api']);
  });

  it('runs two api replicas and two projectors (one active, one standing by), in their roles', () => {
    for (const name of ours) {
      expect(mapping(service(name).deploy, `${name}.deploy`).replicas, `${name} replicas`).toBe(2);
      // Replicas cannot share a container name or a host port.
      expect(service(name).container_name).toBeUndefined();
      expect(service(name).ports, `${name}.ports`).toBeUndefined();
    }
    expect(environment('api').ROLE).toBe('api');
    expect(environment('projector').ROLE).toBe('projector');
  });

  it('sets on the api and the projector only variables the code reads and documents', () => {
    const documented = documentedVariables();
    for (const name of ours)
      for (const variable of Object.keys(environment(name)))
        expect(documented.names.has(variable), `${name}: ${variable} is not in ${documented.source}`).toBe(true);
  });

  it('loads the demo history in exactly one place: the projector (its active replica), never an api replica', () => {
    // The code loads it unless DEMO_DATA=off, into an empty store: two api replicas would race.
    expect(environment('api').DEMO_DATA).toBe('off');
    expect(environment('projector').DEMO_DATA).toBe('on');
  });

  it('points the api and the projector at the event store and PostgreSQL services', () => {
    const postgres = environment('postgres');
    for (const name of ours) {
      const env = environment(name);
      const eventStore = new URL(env.EVENTSTORE_URL!);
      expect(eventStore.protocol).toBe('esdb:');
      expect(eventStore.hostname).toBe('eventstore');
      expect(eventStore.port).toBe('2113');
      // The event store runs insecure (local use): a client expecting TLS would never connect.
      expect(eventStore.searchParams.get('tls')).toBe('false');
      expect(environment('eventstore').KURRENTDB_INSECURE ?? environment('eventstore').EVENTSTORE_INSECURE).toBe(
        'true',
      );

      const database = new URL(env.DATABASE_URL!);
      expect(['postgres:', 'postgresql:']).toContain(database.protocol);
      expect(database.hostname).toBe('postgres');
      expect(database.port || '5432').toBe('5432');
      expect(decodeURIComponent(database.username)).toBe(postgres.POSTGRES_USER);
      expect(decodeURIComponent(database.password)).toBe(postgres.POSTGRES_PASSWORD);
      expect(database.pathname.slice(1)).toBe(postgres.POSTGRES_DB);
    }
  });

  it('keeps the event log and the read models in named volumes, and mounts only files that exist', () => {
    const declared = Object.keys(mapping(compose.volumes, 'volumes'));
    for (const name of ['eventstore', 'postgres']) {
      const named = strings(service(name).volumes, `${name}.volumes`).filter((v) => !/^[./~]/.test(v));
      expect(named.length, `${name}: a named volume`).toBeGreaterThan(0);
    }
    for (const name of serviceNames)
      for (const volume of strings(service(name).volumes, `${name}.volumes`)) {
        const source = volume.split(':')[0]!;
        if (/^[./~]/.test(source)) expect(exists(source), `${name}: ${source}`).toBe(true);
        else expect(declared, `${name}: volume ${source}`).toContain(source);
      }
  });

  it('publishes one port for the UI and the API: the proxy’s 4000', () => {
    const published = serviceNames.flatMap((name) =>
      strings(service(name).ports, `${name}.ports`).map((p) => ({ name, port: p })),
    );
    // Only the databases' ports besides, and those on the loopback interface only.
    for (const { name, port } of published.filter((p) => p.name !== 'proxy'))
      expect(port, `${name} publishes ${port}`).toMatch(/^127\.0\.0\.1:/);
    expect(strings(service('proxy').ports, 'proxy.ports')).toEqual(['4000:4000']);
  });
});

describe('deploy/nginx.conf', () => {
  const mount = strings(service('proxy').volumes, 'proxy.volumes').find((v) => v.startsWith('./deploy/nginx.conf:'));

  it('is the proxy’s configuration, mounted read-only where nginx includes it', () => {
    expect(mount).toBe('./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro');
  });

  it('listens on the port the proxy publishes', () => {
    const listen = /^\s*listen\s+(\d+)\s*;/m.exec(nginx)?.[1];
    const containerPort = strings(service('proxy').ports, 'proxy.ports')[0]!.split(':').at(-1);
    expect(listen).toBe(containerPort);
  });

  it('sends every request to the api service on the port it listens on', () => {
    const upstreams = [...nginx.matchAll(/upstream\s+(\S+)\s*\{([^}]*)\}/g)];
    expect(upstreams).toHaveLength(1);
    const [, upstreamName, body] = upstreams[0]!;
    const servers = [...body!.matchAll(/^\s*server\s+([^\s;]+)([^;]*);/gm)].map((m) => ({
      address: m[1]!,
      options: m[2]!,
    }));
    expect(servers.map((s) => s.address)).toEqual([`api:${portOf('api')}`]);
    // Re-resolved (Docker's DNS answers with every replica), so scaling needs no proxy restart.
    expect(servers[0]!.options).toMatch(/\bresolve\b/);
    expect(nginx).toMatch(/^\s*resolver\s+127\.0\.0\.11\b/m);
    expect(body).toMatch(/^\s*zone\s+\S+/m);
    const passes = [...nginx.matchAll(/proxy_pass\s+([^;]+);/g)].map((m) => m[1]!.trim());
    expect(passes).toEqual([`http://${upstreamName}`]);
  });

  it('answers the proxy’s own health check', () => {
    const test = strings(mapping(service('proxy').healthcheck, 'proxy').test, 'proxy.healthcheck.test').join(' ');
    const path = /http:\/\/127\.0\.0\.1:\d+(\/\S*)/.exec(test)?.[1];
    expect(path).toBeDefined();
    expect(nginx).toMatch(
      new RegExp(`location\\s+=\\s+${path!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*\\{[^}]*return\\s+200`),
    );
  });
});
