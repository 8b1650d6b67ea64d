export const SESSION_COOKIE = 'kenh_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_DAYS = 30;
