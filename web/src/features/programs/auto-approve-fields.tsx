import { Stack, Switch, TagsInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AutoApproveRules } from './types';

/** Rules that approve a sign-up without anyone looking (programs in "approval" mode). */
export function AutoApproveFields({
  value,
  onChange,
}: {
  value: AutoApproveRules;
  onChange: (rules: AutoApproveRules) => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<AutoApproveRules>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <Switch
        label={t('programs.autoApprove.enabled')}
        checked={value.enabled}
        onChange={(event) => set({ enabled: event.currentTarget.checked })}
      />
      {value.enabled ? (
        <>
          <Text size="xs" c="dimmed">
            {t('programs.autoApprove.hint')}
          </Text>
          <Switch
            label={t('programs.autoApprove.requireVerifiedContact')}
            checked={Boolean(value.requireVerifiedContact)}
            onChange={(event) => set({ requireVerifiedContact: event.currentTarget.checked })}
          />
          <Switch
            label={t('programs.autoApprove.requireReferrer')}
            checked={Boolean(value.requireReferrer)}
            onChange={(event) => set({ requireReferrer: event.currentTarget.checked })}
          />
          <TagsInput
            label={t('programs.autoApprove.provinces')}
            description={t('programs.autoApprove.provincesHint')}
            value={value.provinces ?? []}
            onChange={(provinces) => set({ provinces })}
          />
        </>
      ) : null}
    </Stack>
  );
}
