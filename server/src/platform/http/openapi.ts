import { z } from '@hono/zod-openapi';

/** An OpenAPI JSON response of a route: its schema and what it is. */
export const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body. */
export const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

/** A record id in the path, with an example for the API reference. */
export const pathId = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name, in: 'path' }, example });
