import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './platform/config';
import { DataDirLockedError, openDatabase } from './platform/db';

const USAGE = `Usage: kenh <command>

  start                                   run the server (API and web app)
  migrate                                 apply database migrations
  seed --demo                             add the demo organisation
  org create --name NAME --owner-email EMAIL [--json]
                                          create an organisation with its owner and an API key
  user reset-password --email EMAIL       set a new random password and print it
`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start();
    case 'migrate':
      return withDatabase(async () => undefined);
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return;
    default:
      throw new UsageError(`Unknown command "${[command, ...rest].join(' ')}".\n\n${USAGE}`);
  }
}

async function start() {
  const { startServer } = await import('./main');
  const running = await startServer(loadConfig());
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

async function withDatabase<T>(
  run: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    return await run(database);
  } finally {
    await database.close();
  }
}

export function parseFlags(args: string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options']) {
  return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
}

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof UsageError) {
    process.stderr.write(`kenh: ${error.message}\n`);
  } else {
    process.stderr.write(
      `kenh: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
