import { NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ATTRIBUTION_MODELS, type AttributionModel } from './types';

export type TrackingSettings = {
  destinationUrl: string;
  allowedDomains: string[];
  fallbackUrl: string;
  attributionModel: AttributionModel;
  customerOwnershipDays: number | null;
  confirmAlertHours: number;
  codAlertDays: number;
};

/** The "Tracking & attribution" settings of a program, each with a line saying what it does. */
export function TrackingFields({
  value,
  onChange,
  error,
}: {
  value: TrackingSettings;
  onChange: (value: TrackingSettings) => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof TrackingSettings>(key: K, next: TrackingSettings[K]) =>
    onChange({ ...value, [key]: next });
  const whole =
    (key: 'confirmAlertHours' | 'codAlertDays' | 'customerOwnershipDays') => (next: string | number) =>
      set(key, typeof next === 'number' ? next : Number.parseInt(next, 10) || 1);
  const lifetime = value.customerOwnershipDays === null;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('tracking.settings.destinationUrl')}
          description={t('tracking.settings.destinationUrlHelp')}
          placeholder="https://shop.example.vn/"
          inputMode="url"
          value={value.destinationUrl}
          onChange={(event) => set('destinationUrl', event.currentTarget.value)}
          error={error('destinationUrl')}
        />
        <TextInput
          label={t('tracking.settings.fallbackUrl')}
          description={t('tracking.settings.fallbackUrlHelp')}
          placeholder="https://shop.example.vn/khuyen-mai"
          inputMode="url"
          value={value.fallbackUrl}
          onChange={(event) => set('fallbackUrl', event.currentTarget.value)}
          error={error('fallbackUrl')}
        />
      </SimpleGrid>
      <TagsInput
        label={t('tracking.settings.allowedDomains')}
        description={t('tracking.settings.allowedDomainsHelp')}
        placeholder="shop.example.vn"
        value={value.allowedDomains}
        onChange={(domains) =>
          set(
            'allowedDomains',
            domains.map((domain) =>
              domain
                .trim()
                .toLowerCase()
                .replace(/^https?:\/\//, '')
                .replace(/\/.*$/, ''),
            ),
          )
        }
        error={error('allowedDomains') ?? error('0')}
        clearable
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('tracking.settings.attributionModel')}
          description={t('tracking.settings.attributionModelHelp')}
          allowDeselect={false}
          value={value.attributionModel}
          onChange={(next) => set('attributionModel', (next ?? 'last_click') as AttributionModel)}
          data={ATTRIBUTION_MODELS.map((model) => ({
            value: model,
            label: t(`tracking.settings.models.${model}`),
          }))}
        />
        <Stack gap={6}>
          <Switch
            label={t('tracking.settings.ownershipLifetime')}
            description={t('tracking.settings.ownershipHelp')}
            checked={lifetime}
            onChange={(event) => set('customerOwnershipDays', event.currentTarget.checked ? null : 365)}
          />
          {lifetime ? null : (
            <NumberInput
              label={t('tracking.settings.ownershipDays')}
              min={1}
              max={3650}
              allowDecimal={false}
              value={value.customerOwnershipDays ?? 365}
              onChange={whole('customerOwnershipDays')}
              error={error('customerOwnershipDays')}
            />
          )}
        </Stack>
        <NumberInput
          label={t('tracking.settings.confirmAlertHours')}
          description={t('tracking.settings.confirmAlertHoursHelp')}
          min={1}
          max={720}
          allowDecimal={false}
          value={value.confirmAlertHours}
          onChange={whole('confirmAlertHours')}
          error={error('confirmAlertHours')}
        />
        <NumberInput
          label={t('tracking.settings.codAlertDays')}
          description={t('tracking.settings.codAlertDaysHelp')}
          min={1}
          max={365}
          allowDecimal={false}
          value={value.codAlertDays}
          onChange={whole('codAlertDays')}
          error={error('codAlertDays')}
        />
      </SimpleGrid>
    </Stack>
  );
}
