import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { buildApp, createServices } from './app';
import { startComputingClickCommissions, startReleasingHeldLines } from './modules/commissions';
import { startOrderAlerts } from './modules/orders/partner-orders-routes';
import { startScheduledBatches } from './modules/payouts';
import { redirectListener, stopTracking } from './modules/tracking';
import { type Config, loadConfig } from './platform/config';
import { openDatabase } from './platform/db';
import type { Services } from './platform/services';

export type RunningServer = { services: Services; url: string; stop: () => Promise<void> };

/** Starts Kênh: opens the database, migrates, seeds demo data on a new embedded database, serves. */
export async function startServer(
  config: Config = loadConfig(),
  options: { onFirstStart?: (services: Services) => Promise<void> } = {},
): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const services = createServices({ config, database });
  const { log } = services;
  await database.migrate();
  if (options.onFirstStart) await options.onFirstStart(services);

  const app = buildApp(services);
  services.jobs.start();
  // the periodic sweeps book their own next run; starting them twice adds nothing
  await startOrderAlerts(services);
  await startReleasingHeldLines(services);
  await startScheduledBatches(services);
  await startComputingClickCommissions(services);
  // `/r/{code}` is answered before the framework: it is the busiest URL and needs none of it
  const redirect = redirectListener(services);
  const listener = getRequestListener(app.fetch);
  const server = createServer((request, response) => {
    if (!redirect(request, response)) void listener(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
    server.listen(config.port);
  });
  const url = `http://localhost:${config.port}`;
  log.info({ url, database: database.kind }, 'Kênh is running');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopTracking(services);
      await services.jobs.stop();
      await database.close();
    })();
    return stopping;
  };
  return { services, url, stop };
}
