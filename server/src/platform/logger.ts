import { pino } from 'pino';

export type Logger = pino.Logger;

/** Structured logs: one JSON line per event, on stdout. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
