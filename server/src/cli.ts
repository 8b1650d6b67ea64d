import { type ParseArgsConfig, parseArgs } from 'node:util';
import { z } from 'zod';
import { createServices } from './app';
import { resetUserPassword } from './flows/reset-user-password';
import { formatDemoLogins, seedDemo } from './flows/seed-demo';
import { createApiKey } from './modules/api-keys';
import { findIdentityByLogin, generatePassword } from './modules/auth';
import { createOrganisation, hasAnyOrganisation } from './modules/orgs';
import { ConfigError, loadConfig } from './platform/config';
import { DataDirLockedError, openDatabase } from './platform/db';
import { AppError } from './platform/errors';
import { createLogger } from './platform/logger';
import type { Services } from './platform/services';

const USAGE = `Usage: kenh <command>

  start                                   run the server (API and web app)
  migrate                                 apply database migrations
  seed --demo                             add the demo organisation
  org create --name NAME --owner-email EMAIL [--json]
                                          create an organisation with its owner and an API key
  user reset-password --email EMAIL       set a new random password and print it
`;

class UsageError extends Error {}

type ParseArgsOptions = NonNullable<ParseArgsConfig['options']>;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start();
    case 'migrate':
      return withServices(async (services) => {
        process.stdout.write(`Migrations applied (${services.database.kind}).\n`);
      });
    case 'seed':
      return seed(rest);
    case 'org':
      if (rest[0] === 'create') return orgCreate(rest.slice(1));
      break;
    case 'user':
      if (rest[0] === 'reset-password') return userResetPassword(rest.slice(1));
      break;
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return;
  }
  throw new UsageError(`Unknown command "${argv.join(' ')}".\n\n${USAGE}`);
}

async function start() {
  const { startServer } = await import('./main');
  const config = loadConfig();
  const running = await startServer(config, {
    // the first start of the embedded database gets the demo organisation, so there is something to see
    onFirstStart: async (services) => {
      if (config.databaseUrl || (await hasAnyOrganisation(services.db))) return;
      const result = await seedDemo(services);
      if (result.created) process.stdout.write(`\n${formatDemoLogins(result.logins, config.appUrl)}\n`);
    },
  });
  const shutdown = (signal: string) => {
    running.services.log.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

async function seed(args: string[]) {
  const flags = parseFlags(args, { demo: { type: 'boolean' } });
  if (!flags.demo) throw new UsageError('Say what to seed: kenh seed --demo');
  await withServices(async (services) => {
    const result = await seedDemo(services);
    if (result.created) process.stdout.write(formatDemoLogins(result.logins, services.config.appUrl));
    else process.stdout.write(`The demo organisation already exists (${result.orgId}); nothing changed.\n`);
  });
}

async function orgCreate(args: string[]) {
  const flags = parseFlags(args, {
    name: { type: 'string' },
    'owner-email': { type: 'string' },
    json: { type: 'boolean' },
  });
  const name = requireFlag(flags.name, '--name');
  const ownerEmail = requireFlag(flags['owner-email'], '--owner-email').trim().toLowerCase();
  if (!z.email().safeParse(ownerEmail).success)
    throw new UsageError(`--owner-email: "${ownerEmail}" is not an email`);
  await withServices(async (services) => {
    const existing = await findIdentityByLogin(services.db, { email: ownerEmail });
    // an existing account keeps its password: the owner signs in with the one they have
    const ownerPassword = existing ? null : generatePassword();
    const { org } = await createOrganisation(services, {
      name: String(name),
      owner: { email: ownerEmail, fullName: ownerEmail.split('@')[0]!, password: ownerPassword },
    });
    const ctx = { orgId: org.id, services, actor: { type: 'system' as const, label: 'kenh CLI' } };
    const { secret } = await createApiKey(ctx, { name: 'CLI', role: 'owner' });
    const result = { orgId: org.id, ownerEmail, ownerPassword, apiKey: secret };
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    process.stdout.write(
      [
        `Created ${org.name} (${org.id}, slug ${org.slug}).`,
        `Owner:    ${ownerEmail}`,
        `Password: ${ownerPassword ?? '(existing account: unchanged)'}`,
        `API key:  ${secret}   (owner role, shown once)`,
        '',
      ].join('\n'),
    );
  });
}

async function userResetPassword(args: string[]) {
  const flags = parseFlags(args, { email: { type: 'string' } });
  const email = requireFlag(flags.email, '--email');
  await withServices(async (services) => {
    const result = await resetUserPassword(services, String(email));
    process.stdout.write(
      `New password for ${result.email}: ${result.password}\nSigned out of ${result.revokedSessions} session(s).\n`,
    );
  });
}

function requireFlag(value: string | boolean | undefined, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Missing ${name}.\n\n${USAGE}`);
  return value;
}

async function withServices<T>(run: (services: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
  });
  try {
    await database.migrate();
    return await run(createServices({ config, database, log: createLogger('warn') }));
  } finally {
    await database.close();
  }
}

export function parseFlags<const Options extends ParseArgsOptions>(args: string[], options: Options) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error) => {
  if (
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof UsageError ||
    error instanceof AppError
  ) {
    process.stderr.write(`kenh: ${error.message}\n`);
  } else {
    process.stderr.write(
      `kenh: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
