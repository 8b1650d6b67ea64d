import { routes as apiKeyRoutes } from './modules/api-keys/routes';
import { routes as auditRoutes } from './modules/audit/routes';
import { authenticate } from './modules/auth/authenticate';
import { routes as authRoutes } from './modules/auth/routes';
import { catalogRoutes } from './modules/catalog/routes';
import {
  clickCommissionsJob,
  commissionReportRoutes,
  commissionRoutes,
  commissionSelfRoutes,
  computeConversionsJob,
  recomputeOrdersJob,
  releaseHeldLinesJob,
  settleDailyActionsJob,
} from './modules/commissions';
import { integrationRoutes, processDeliveryJob } from './modules/integrations';
import { routes as joiningRoutes } from './modules/joining/routes';
import { deliverMailJob } from './modules/mail';
import { routes as mailRoutes } from './modules/mail/routes';
import { notificationRoutes } from './modules/notifications/routes';
import { orderAlertsJob, salesRoutes } from './modules/orders/partner-orders-routes';
import { customerRoutes, orderRoutes } from './modules/orders/routes-index';
import { routes as orgRoutes } from './modules/orgs/routes';
import { overviewRoutes } from './modules/overview/routes';
import { partnerImportJob } from './modules/partners/import/run-import';
import { bulkEnrollmentRoutes } from './modules/partners/routes-bulk';
import { directoryRoutes } from './modules/partners/routes-directory';
import { enrollmentRoutes } from './modules/partners/routes-enrollments';
import { partnerGroupRoutes } from './modules/partners/routes-groups';
import { importRoutes } from './modules/partners/routes-import';
import { kycRoutes } from './modules/partners/routes-kyc';
import { partnerNoteRoutes } from './modules/partners/routes-notes';
import { selfRoutes } from './modules/partners/routes-self';
import { partnerTagRoutes } from './modules/partners/routes-tags';
import { uplineRoutes } from './modules/partners/routes-upline';
import { payoutRoutes, payoutSelfRoutes, scheduledBatchesJob } from './modules/payouts';
import { routes as programRoutes } from './modules/programs/routes';
import { routes as trackingRoutes } from './modules/tracking/routes';
import { type Clock, systemClock } from './platform/clock';
import type { Config } from './platform/config';
import { createKeyring } from './platform/crypto';
import type { Database } from './platform/db';
import { mountApiDocs } from './platform/http/api-docs';
import { createHttpApp, type Router } from './platform/http/app';
import { healthRoutes } from './platform/http/health';
import type { RateLimits } from './platform/http/rate-limit';
import { mountWebAssets } from './platform/http/web-assets';
import { JobQueue } from './platform/jobs/queue';
import { createLogger, type Logger } from './platform/logger';
import type { Services } from './platform/services';
import { VERSION } from './platform/version';

export type BuildOptions = {
  config: Config;
  database: Database;
  clock?: Clock;
  log?: Logger;
  rateLimits?: RateLimits;
  serveWeb?: boolean;
};

export function createServices(options: BuildOptions): Services {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(options.config.logLevel);
  const services: Services = {
    database: options.database,
    db: options.database.db,
    config: options.config,
    clock,
    keys: createKeyring(options.config.secretKey),
    jobs: new JobQueue(options.database, clock, log),
    log,
  };
  services.jobs.register(deliverMailJob(services));
  services.jobs.register(partnerImportJob(services));
  services.jobs.register(recomputeOrdersJob(services));
  services.jobs.register(releaseHeldLinesJob(services));
  services.jobs.register(computeConversionsJob(services));
  services.jobs.register(clickCommissionsJob(services));
  services.jobs.register(settleDailyActionsJob(services));
  services.jobs.register(processDeliveryJob(services));
  services.jobs.register(orderAlertsJob(services));
  services.jobs.register(scheduledBatchesJob(services));
  return services;
}

/** Composition root: the modules' routers and jobs mounted on the HTTP app. */
export function buildApp(
  services: Services,
  options: { rateLimits?: RateLimits; serveWeb?: boolean } = {},
): Router {
  const app = createHttpApp(services, { authenticate, rateLimits: options.rateLimits });
  app.route('/', healthRoutes);
  app.route('/', authRoutes);
  app.route('/', orgRoutes);
  app.route('/', apiKeyRoutes);
  app.route('/', auditRoutes);
  app.route('/', mailRoutes);
  app.route('/', programRoutes);
  app.route('/', joiningRoutes);
  app.route('/', directoryRoutes);
  app.route('/', importRoutes);
  app.route('/', selfRoutes);
  app.route('/', enrollmentRoutes);
  app.route('/', bulkEnrollmentRoutes);
  app.route('/', uplineRoutes);
  app.route('/', partnerGroupRoutes);
  app.route('/', partnerTagRoutes);
  app.route('/', kycRoutes);
  app.route('/', partnerNoteRoutes);
  app.route('/', notificationRoutes);
  app.route('/', commissionReportRoutes);
  app.route('/', commissionRoutes);
  app.route('/', commissionSelfRoutes);
  app.route('/', payoutRoutes);
  app.route('/', payoutSelfRoutes);
  app.route('/', salesRoutes);
  app.route('/', trackingRoutes);
  app.route('/', catalogRoutes);
  app.route('/', orderRoutes);
  app.route('/', customerRoutes);
  app.route('/', integrationRoutes);
  app.route('/', overviewRoutes);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Kênh API',
      version: VERSION,
      description:
        'Partner (CTV), affiliate and channel-partner management. Authenticate with `Authorization: Bearer <API key>`.',
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key created under Settings → API keys',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'kenh_session',
    description: 'The web app session; state-changing requests also send X-CSRF-Token',
  });
  mountApiDocs(app);

  if (options.serveWeb !== false) mountWebAssets(app);
  return app;
}
