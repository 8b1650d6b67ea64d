import { createRouter } from '../../platform/http/app';
import { publicTrackingRoutes, trackingPages } from './routes-public';
import { selfLinkRoutes } from './routes-self';
import { staffTrackingRoutes } from './routes-staff';

/** Every route of the tracking module, mounted once by the composition root. */
export const routes = createRouter()
  .route('/', staffTrackingRoutes)
  .route('/', selfLinkRoutes)
  .route('/', publicTrackingRoutes)
  .route('/', trackingPages);
