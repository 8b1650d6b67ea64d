import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatNumber } from '../lib/format';

const TimeZoneContext = createContext('Asia/Ho_Chi_Minh');

/** Dates on signed-in pages are shown in the organisation's time zone. */
export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

export function useFormat() {
  const { i18n } = useTranslation();
  const timeZone = useContext(TimeZoneContext);
  const locale = i18n.language;
  return {
    timeZone,
    date: (value: string | Date | null | undefined) => formatDate(value, { locale, timeZone }),
    day: (value: string | Date | null | undefined) =>
      formatDate(value, { locale, timeZone, withTime: false }),
    money: (amountMinor: bigint | string, currency: string) => formatMoney(amountMinor, currency, locale),
    number: (value: number | bigint) => formatNumber(value, locale),
  };
}
