import { createRouter } from '../../platform/http/app';
import { categoryRoutes } from './routes-categories';
import { productImportRoutes } from './routes-import';
import { partnerCatalogRoutes } from './routes-partner';
import { productRoutes } from './routes-products';

/** Every route of the catalog: categories, products, imports and the partner app's catalog. */
export const catalogRoutes = createRouter()
  .route('/', productImportRoutes)
  .route('/', categoryRoutes)
  .route('/', productRoutes)
  .route('/', partnerCatalogRoutes);
