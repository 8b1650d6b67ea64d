/** OpenAPI response and body helpers shared by the catalog module's routers. */
export const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
