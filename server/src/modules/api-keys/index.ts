export { createApiKey } from './create-api-key';
export { API_KEY_PREFIX, unsafeFindApiKeyBySecret } from './find-api-key';
export { type ApiKeyView, findApiKeys } from './find-api-keys';
export { revokeApiKey } from './revoke-api-key';
export { apiKeys } from './schema';
