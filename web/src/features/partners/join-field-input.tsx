import { Checkbox, Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JoinFormField } from '../programs/types';
import { BankSelect } from './bank-select';

export type JoinValues = {
  fullName: string;
  phone: string;
  email: string;
  province: string;
  dateOfBirth: string;
  citizenId: string;
  bankBin: string | null;
  accountNumber: string;
  holderName: string;
  socialLinks: string[];
  answers: Record<string, string | boolean>;
};

export const EMPTY_JOIN_VALUES: JoinValues = {
  fullName: '',
  phone: '',
  email: '',
  province: '',
  dateOfBirth: '',
  citizenId: '',
  bankBin: null,
  accountNumber: '',
  holderName: '',
  socialLinks: [],
  answers: {},
};

/** One field of a program's join form, as the program chose it (required or optional). */
export function JoinFieldInput({
  field,
  values,
  onChange,
  error,
}: {
  field: JoinFormField;
  values: JoinValues;
  onChange: (patch: Partial<JoinValues>) => void;
  error: (name: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const required = field.required;
  const text = (name: 'fullName' | 'phone' | 'email' | 'province' | 'dateOfBirth' | 'citizenId') =>
    ({
      name,
      label: t(`joinFields.${name}`),
      required,
      value: values[name],
      error: error(name),
      onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
        onChange({ [name]: event.currentTarget.value }),
    }) as const;
  switch (field.key) {
    case 'fullName':
      return <TextInput {...text('fullName')} autoComplete="name" />;
    case 'phone':
      return (
        <TextInput
          {...text('phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder="0901 234 567"
        />
      );
    case 'email':
      return <TextInput {...text('email')} type="email" inputMode="email" autoComplete="email" />;
    case 'province':
      return <TextInput {...text('province')} autoComplete="address-level1" />;
    case 'dateOfBirth':
      return <TextInput {...text('dateOfBirth')} type="date" autoComplete="bday" />;
    case 'citizenId':
      return (
        <TextInput
          {...text('citizenId')}
          inputMode="numeric"
          maxLength={12}
          description={t('joinFields.citizenIdHint')}
        />
      );
    case 'bankAccount':
      return (
        <SimpleGrid cols={1} spacing="sm">
          <BankSelect
            required={required}
            value={values.bankBin}
            onChange={(bankBin) => onChange({ bankBin })}
            error={error('bankBin')}
          />
          <TextInput
            label={t('kyc.fields.bankAccount')}
            required={required}
            inputMode="numeric"
            value={values.accountNumber}
            onChange={(event) => onChange({ accountNumber: event.currentTarget.value })}
            error={error('accountNumber')}
          />
          <TextInput
            label={t('kyc.fields.bankHolder')}
            required={required}
            value={values.holderName}
            onChange={(event) => onChange({ holderName: event.currentTarget.value.toUpperCase() })}
            error={error('holderName')}
          />
        </SimpleGrid>
      );
    case 'socialLinks':
      return (
        <TagsInput
          label={t('joinFields.socialLinks')}
          description={t('partnerApp.socialHint')}
          required={required}
          value={values.socialLinks}
          onChange={(socialLinks) => onChange({ socialLinks })}
          error={error('socialLinks')}
        />
      );
    default:
      return <CustomQuestion field={field} values={values} onChange={onChange} error={error} />;
  }
}

function CustomQuestion({
  field,
  values,
  onChange,
  error,
}: {
  field: JoinFormField;
  values: JoinValues;
  onChange: (patch: Partial<JoinValues>) => void;
  error: (name: string) => string | undefined;
}) {
  const key = field.key.replace(/^custom:/, '');
  const value = values.answers[key];
  const set = (answer: string | boolean) => onChange({ answers: { ...values.answers, [key]: answer } });
  const common = { label: field.label ?? key, required: field.required, error: error(key) };
  if (field.type === 'checkbox')
    return (
      <Checkbox {...common} checked={value === true} onChange={(event) => set(event.currentTarget.checked)} />
    );
  if (field.type === 'select')
    return (
      <Select
        {...common}
        data={field.options ?? []}
        value={typeof value === 'string' ? value : null}
        onChange={(choice) => set(choice ?? '')}
      />
    );
  if (field.type === 'textarea')
    return (
      <Textarea
        {...common}
        autosize
        minRows={2}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => set(event.currentTarget.value)}
      />
    );
  return (
    <TextInput
      {...common}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => set(event.currentTarget.value)}
    />
  );
}

/** The join body's fields from the form's values: only what the form asked, empty left out. */
export function joinFieldsBody(fields: JoinFormField[], values: JoinValues): Record<string, unknown> {
  const keys = new Set(fields.map((field) => field.key));
  const body: Record<string, unknown> = { fullName: values.fullName.trim() };
  for (const name of ['phone', 'email', 'province', 'dateOfBirth', 'citizenId'] as const)
    if (keys.has(name) && values[name].trim()) body[name] = values[name].trim();
  if (keys.has('bankAccount') && values.bankBin && values.accountNumber.trim())
    body.bankAccount = {
      bankBin: values.bankBin,
      accountNumber: values.accountNumber.replace(/\s+/g, ''),
      holderName: values.holderName.trim(),
    };
  if (keys.has('socialLinks') && values.socialLinks.length > 0) body.socialLinks = values.socialLinks;
  const answers = Object.fromEntries(
    Object.entries(values.answers).filter(([key, value]) => keys.has(`custom:${key}`) && value !== ''),
  );
  if (Object.keys(answers).length > 0) body.answers = answers;
  return body;
}
