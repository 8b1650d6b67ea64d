import { createRouter } from '../../platform/http/app';
import { hookRoutes } from './routes-hooks';
import { importRoutes } from './routes-imports';
import { sourceRoutes } from './routes-sources';

export { processDeliveryJob } from './deliveries/process-delivery';
export { hmacBase64 } from './hooks/signatures';
export { orderImportRows, orderImports, webhookDeliveries, webhookSources } from './schema';
export { seedDemoIntegrations } from './seed-demo';

/** Webhook sources and deliveries, the public /hooks URLs, and order imports. */
export const integrationRoutes = createRouter()
  .route('/', sourceRoutes)
  .route('/', importRoutes)
  .route('/', hookRoutes);
