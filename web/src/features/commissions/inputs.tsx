import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minorToMajorText, parseMajorToMinor } from '../programs/money';
import { percentTextToPpm, ppmToPercentText } from './rates';

type Base = Omit<TextInputProps, 'value' | 'onChange'>;

/**
 * A percent typed as a person writes it ("12,5"), handed up as millionths ("125000"); '' while
 * empty or not a percent, which the form treats as missing.
 */
export function PercentInput({
  ppm,
  onPpm,
  ...props
}: Base & { ppm: string | null; onPpm: (ppm: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(ppm ? ppmToPercentText(ppm) : '');
  const invalid = text.trim() !== '' && percentTextToPpm(text) === null;
  return (
    <TextInput
      inputMode="decimal"
      rightSection="%"
      {...props}
      value={text}
      error={invalid ? t('commissions.form.invalidPercent') : props.error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        onPpm(percentTextToPpm(next) ?? '');
      }}
    />
  );
}

/** An amount typed in major units, handed up as minor units ('' while empty or not an amount). */
export function MoneyInput({
  minor,
  onMinor,
  currency,
  ...props
}: Base & { minor: string | null; onMinor: (minor: string) => void; currency: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(minor ? minorToMajorText(minor, currency) : '');
  const invalid = text.trim() !== '' && parseMajorToMinor(text, currency) === null;
  return (
    <TextInput
      inputMode="decimal"
      rightSection={currency}
      rightSectionWidth={48}
      {...props}
      value={text}
      error={invalid ? t('commissions.form.invalidAmount') : props.error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        onMinor(parseMajorToMinor(next, currency) ?? '');
      }}
    />
  );
}

/** A whole count (units, orders) as a string of digits ('' when not one). */
export function CountInput({
  value,
  onValue,
  ...props
}: Base & { value: string; onValue: (value: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const invalid = text.trim() !== '' && !/^\d{1,12}$/.test(text.trim());
  return (
    <TextInput
      inputMode="numeric"
      {...props}
      value={text}
      error={invalid ? t('commissions.form.invalidCount') : props.error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        onValue(/^\d{1,12}$/.test(next.trim()) ? next.trim() : '');
      }}
    />
  );
}
