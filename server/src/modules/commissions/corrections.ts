import type { commissionLines } from './schema';

type Line = Pick<typeof commissionLines.$inferSelect, 'id' | 'kind' | 'reversesLineId' | 'amountMinor'>;

/** The correction lines written so far for a line, among the lines of its order or conversion. */
export function correctionsOf<T extends Line>(line: Line, lines: T[]): T[] {
  return lines.filter((l) => l.kind === 'correction' && l.reversesLineId === line.id);
}

/** What a line is worth now: its amount plus the corrections written for it. */
export function correctedAmount(line: Line, lines: Line[]): bigint {
  return correctionsOf(line, lines).reduce((sum, c) => sum + c.amountMinor, line.amountMinor);
}
