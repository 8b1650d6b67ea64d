import list from './vn-banks.json';

/** A Vietnamese bank with its NAPAS BIN (the id VietQR and interbank transfers use). */
export type Bank = { bin: string; code: string; shortName: string; name: string };

/** The Vietnamese banks shipped with Kênh, by short name. */
export const VN_BANKS: readonly Bank[] = [...(list as Bank[])].sort((a, b) =>
  a.shortName.localeCompare(b.shortName, 'vi'),
);

const BY_BIN = new Map(VN_BANKS.map((bank) => [bank.bin, bank]));

export function findBankByBin(bin: string | null | undefined): Bank | undefined {
  return bin ? BY_BIN.get(bin) : undefined;
}

export function isKnownBankBin(bin: string): boolean {
  return BY_BIN.has(bin);
}
