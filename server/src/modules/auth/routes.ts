import { createRouter } from '../../platform/http/app';

export const routes = createRouter();
