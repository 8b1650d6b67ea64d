import { createRouter } from '../../platform/http/app';
import { routes as opportunityRoutes } from './routes-opportunities';
import { orderQueueRoutes } from './routes-queue';
import { selfOpportunityRoutes } from './routes-self-opportunities';
import { selfOrderRoutes } from './routes-self-orders';

export { orderAlertsJob, startOrderAlerts } from './alerts-job';

/**
 * Sales around orders: CTV-entered orders, customers and opportunities in the partner app; the
 * staff confirmation queue, order alerts and the opportunity pipeline.
 */
export const salesRoutes = createRouter()
  .route('/', selfOrderRoutes)
  .route('/', selfOpportunityRoutes)
  .route('/', orderQueueRoutes)
  .route('/', opportunityRoutes);
