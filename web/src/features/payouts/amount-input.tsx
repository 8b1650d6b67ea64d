import { Button, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currencyDigits } from '../../lib/format';
import { formatAmountText } from './amount';

/**
 * An amount in the currency's major units, grouped as the reader writes it ("2.450.000"), with an
 * "All" button that fills in the whole available amount.
 */
export function AmountInput({
  label,
  value,
  onChange,
  currency,
  allText,
  error,
  description,
  name,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  currency: string;
  /** The text of the whole available amount; no "All" button without it. */
  allText?: string;
  error?: string;
  description?: string;
  name: string;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <TextInput
      name={name}
      label={label}
      value={value}
      inputMode={currencyDigits(currency) > 0 ? 'decimal' : 'numeric'}
      autoComplete="off"
      onChange={(event) => onChange(formatAmountText(event.currentTarget.value, currency, i18n.language))}
      error={error}
      description={description}
      disabled={disabled}
      rightSectionWidth={allText ? 64 : 52}
      rightSection={
        allText ? (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => onChange(allText)}
            disabled={disabled}
            data-testid={`${name}-all`}
          >
            {t('payouts.request.all')}
          </Button>
        ) : (
          currency
        )
      }
      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
