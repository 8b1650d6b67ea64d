export { body, json } from '../../platform/http/openapi';
/** OpenAPI response and body helpers shared by the partners module's routers. */
