export { API_KEY_PREFIX, unsafeFindApiKeyBySecret } from './find-api-key';
export { apiKeys } from './schema';
