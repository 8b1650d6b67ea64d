/** The orders module's HTTP routers, mounted by the composition root. */

export { orderRoutes } from './routes';
export { customerRoutes } from './routes-customers';
