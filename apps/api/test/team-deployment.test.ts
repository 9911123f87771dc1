import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { apiConfigFromEnvironment, configFileSchema } from '../src/api-config.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  profiles?: string[];
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  healthcheck?: { test: string[] };
}

const compose = parse(read('docker-compose.yml')) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const dex = parse(read('deploy/dex/config.yaml')) as {
  issuer: string;
  staticClients: Array<Record<string, unknown>>;
  staticPasswords: Array<Record<string, unknown>>;
};
/** `.env.example` as name → value. */
const environmentExample = Object.fromEntries(
  read('.env.example')
    .split('\n')
    .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

/** Every environment variable name the API reads: `environment.NAME` and `process.env.NAME` in its sources. */
function namesReadBy(directory: string): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) {
      for (const name of namesReadBy(path)) names.add(name);
    } else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) {
      for (const match of readFileSync(path, 'utf8').matchAll(/(?:environment|process\.env)\.([A-Z][A-Z0-9_]*)/g))
        names.add(match[1]!);
    }
  }
  return names;
}

/** Compose's interpolation: `${NAME}`, `${NAME:-default}`, `${NAME:?error}` (as `docker compose config` does). */
function interpolate(value: string, variables: Record<string, string>): string {
  return value.replace(/\$\{([A-Z][A-Z0-9_]*)(?:(:-|:\?)([^}]*))?\}/g, (_, name: string, operator, argument) => {
    const set = variables[name];
    if (set !== undefined && set !== '') return set;
    if (operator === ':?') throw new Error(`${name}: ${argument as string}`);
    return operator === ':-' ? (argument as string) : '';
  });
}

// A limit counted in tokens is a number, not a secret.
const secretName = /PASSWORD|SECRET|TOKEN(?!_LIMIT)|_KEY(S)?$|HASH/;

describe('the team deployment (docker-compose.yml, deploy/dex, .env.example)', () => {
  const { api, postgres, dex: dexService } = compose.services;

  it('runs PostgreSQL, an OpenID provider and the API built from its Dockerfile, each with a health check', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'dex', 'api', 'proxy']));
    expect(api!.build).toEqual({ context: '.', dockerfile: 'apps/api/Dockerfile' });
    expect(existsSync(join(root, api!.build!.dockerfile))).toBe(true);
    for (const [name, service] of Object.entries(compose.services))
      expect([name, service.healthcheck?.test?.[0]]).toEqual([name, 'CMD']);
    expect(api!.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      dex: { condition: 'service_healthy' },
    });
    // PostgreSQL's data lives in a named volume, so `docker compose down` keeps it.
    expect(postgres!.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain('postgres-data');
    // The provider's configuration file is the one in the repository.
    const mounted = dexService!.volumes!.find((volume) => volume.endsWith(':/etc/dex/config.yaml:ro'))!;
    expect(existsSync(join(root, mounted.split(':')[0]!))).toBe(true);
    // Several instances behind one load balancer, which alone is published.
    const { proxy } = compose.services;
    expect(api!.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(api!.ports).toBeUndefined();
    expect(proxy!.ports).toEqual(['127.0.0.1:8000:8000']);
    expect(proxy!.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    const caddyfile = proxy!.volumes!.find((volume) => volume.endsWith(':/etc/caddy/Caddyfile:ro'))!.split(':')[0]!;
    // Every instance by its service name and port (DNS answers with all of them), streams flushed at once.
    expect(read(caddyfile)).toMatch(/^\s*dynamic a api 8000 \{$/m);
    expect(read(caddyfile)).toMatch(/^\s*flush_interval -1$/m);
    // Published ports are on loopback only: a load balancer or reverse proxy in front is the way in.
    for (const service of Object.values(compose.services))
      for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
  });

  it('gives the API only variables it reads, and the API starts from them with .env.example filled in', () => {
    const known = new Set([
      ...namesReadBy(join(root, 'apps/api/src')),
      ...namesReadBy(join(root, 'libs/orchestrator/src')),
    ]);
    const names = Object.keys(api!.environment!);
    expect(names.filter((name) => !known.has(name))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'PUBLIC_URL',
        'ALLOWED_HOSTS',
        'OIDC_ISSUER',
        'OIDC_CLIENT_ID',
        'OIDC_CLIENT_SECRET',
        'CONNECTORMCP_SECRET_KEY',
      ]),
    );
    // Every variable compose reads is documented in .env.example.
    const referenced = new Set(
      [...read('docker-compose.yml').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]!),
    );
    expect([...referenced].filter((name) => !(name in environmentExample))).toEqual([]);

    // Compose refuses to start while a required secret is empty, naming it.
    expect(() => interpolate(api!.environment!.CONNECTORMCP_SECRET_KEY!, environmentExample)).toThrow(
      /CONNECTORMCP_SECRET_KEY/,
    );
    const filled = Object.fromEntries(
      Object.entries(environmentExample).map(([name, value]) => [
        name,
        value === '' && secretName.test(name) && name !== 'CONNECTORMCP_PREVIOUS_SECRET_KEYS'
          ? randomBytes(32).toString('hex')
          : value,
      ]),
    );
    const environment = Object.fromEntries(
      Object.entries(api!.environment!).map(([name, value]) => [name, interpolate(value, filled)]),
    );
    const config = apiConfigFromEnvironment({ environment });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      publicUrl: 'http://localhost:8000',
      databaseUrl: `postgres://connectormcp:${filled.POSTGRES_PASSWORD}@postgres:5432/connectormcp`,
      oidc: {
        issuer: 'http://dex.localhost:5556/dex',
        clientId: 'connectormcp',
        clientSecret: filled.OIDC_CLIENT_SECRET,
        scopes: expect.arrayContaining(['openid', 'groups']),
        groupsClaim: 'groups',
        adminGroups: ['connectormcp-admins'],
        allowedGroups: [],
      },
      secretKeys: { current: filled.CONNECTORMCP_SECRET_KEY, previous: [] },
      auditRetentionDays: 365,
    });
    // The names the API is reached by: its public name, `api` for other containers, loopback for health checks.
    expect(config.allowedHosts).toEqual(expect.arrayContaining(['localhost', 'api', '127.0.0.1']));
  });

  it('commits no secret: secrets come from .env, whose example leaves them empty', () => {
    for (const [serviceName, service] of Object.entries(compose.services))
      for (const [name, value] of Object.entries(service.environment ?? {})) {
        if (!secretName.test(name)) continue;
        // A reference with no default, or an empty default for the optional example services.
        expect([serviceName, name, value]).toEqual([
          serviceName,
          name,
          expect.stringMatching(/^\$\{[A-Z][A-Z0-9_]*(:\?[^}]*|:-)?\}$/),
        ]);
      }
    // Credentials inside URLs are references too.
    for (const service of Object.values(compose.services))
      for (const value of Object.values(service.environment ?? {}))
        for (const match of value.matchAll(/:\/\/[^:/@]+:([^@]+)@/g)) expect(match[1]).toMatch(/^\$\{[^}]+\}$/);
    for (const [name, value] of Object.entries(environmentExample))
      if (secretName.test(name)) expect([name, value]).toEqual([name, '']);
    expect(read('.gitignore').split('\n')).toContain('.env');
  });

  it("configures the provider with the API's issuer, client and callback, and users with groups", () => {
    // The Dex image renders its configuration with gomplate: `{{ .Env.NAME }}` is a variable compose passes.
    const environment = dexService!.environment!;
    const references = [...read('deploy/dex/config.yaml').matchAll(/\{\{ *\.Env\.([A-Z][A-Z0-9_]*) *\}\}/g)].map(
      (match) => match[1]!,
    );
    expect(references.filter((name) => !(name in environment))).toEqual([]);
    // Only through the image's entrypoint (`dex serve <file>.yaml`) is the file rendered.
    expect(dexService!.command).toEqual(['dex', 'serve', '/etc/dex/config.yaml']);
    expect(dex.issuer).toBe('{{ .Env.OIDC_ISSUER }}');
    expect(dex.staticClients).toEqual([
      expect.objectContaining({
        id: '{{ .Env.OIDC_CLIENT_ID }}',
        secret: '{{ .Env.OIDC_CLIENT_SECRET }}',
        redirectURIs: ['{{ .Env.DEX_REDIRECT_URI }}'],
      }),
    ]);
    expect(environment.DEX_REDIRECT_URI).toBe('${PUBLIC_URL:-http://localhost:8000}/api/auth/callback');
    expect(environment.OIDC_ISSUER).toBe(api!.environment!.OIDC_ISSUER);
    expect(environment.OIDC_CLIENT_ID).toBe(api!.environment!.OIDC_CLIENT_ID);
    expect(environment.OIDC_CLIENT_SECRET).toBe(api!.environment!.OIDC_CLIENT_SECRET);
    // Password hashes come from .env too.
    for (const user of dex.staticPasswords) expect(user.hash).toMatch(/^\{\{ \.Env\.DEX_[A-Z_]+_PASSWORD_HASH \}\}$/);
    expect(dex.staticPasswords.map((user) => user.groups)).toEqual([['connectormcp-admins'], ['analysts']]);
  });

  it('ships an example config file the API accepts, with access groups and a remote connector', () => {
    const example = configFileSchema.parse(JSON.parse(read('apps/api/connectormcp.config.example.json')));
    const finance = example.datasources.find((datasource) => datasource.id === 'finance')!;
    expect(finance.access).toEqual({ use: ['finance', 'connectormcp-admins'], approve: ['finance-leads'] });
    const remote = example.datasources.find((datasource) => datasource.url !== undefined)!;
    expect(remote).toMatchObject({
      url: expect.stringMatching(/\/mcp$/),
      headers: { Authorization: expect.any(String) },
    });
    expect(remote.command).toBeUndefined();
  });
});
