import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type JoinFormField, STANDARD_FIELDS } from './types';

type Mode = 'required' | 'optional' | 'hidden';
const CUSTOM_TYPES = ['text', 'textarea', 'select', 'checkbox'] as const;

function customKey(label: string, taken: Set<string>): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 40) || 'question';
  let key = `custom:${base}`;
  for (let n = 2; taken.has(key); n++) key = `custom:${base.slice(0, 36)}_${n}`;
  return key;
}

/** Staff choose which standard fields the join form asks for, and add their own questions. */
export function JoinFormBuilder({
  value,
  onChange,
}: {
  value: JoinFormField[];
  onChange: (fields: JoinFormField[]) => void;
}) {
  const { t } = useTranslation();
  const byKey = new Map(value.map((field) => [field.key, field]));
  const custom = value.filter((field) => field.key.startsWith('custom:'));
  const modeOf = (key: string): Mode => {
    const field = byKey.get(key);
    return !field ? 'hidden' : field.required ? 'required' : 'optional';
  };
  const setMode = (key: string, mode: Mode) => {
    const standard = STANDARD_FIELDS.flatMap((name): JoinFormField[] => {
      const current = name === key ? mode : modeOf(name);
      return current === 'hidden' ? [] : [{ key: name, required: current === 'required' }];
    });
    onChange([...standard, ...custom]);
  };
  const standardFields = value.filter((field) => !field.key.startsWith('custom:'));
  const setCustom = (next: JoinFormField[]) => onChange([...standardFields, ...next]);
  const updateCustom = (index: number, patch: Partial<JoinFormField>) =>
    setCustom(custom.map((field, at) => (at === index ? { ...field, ...patch } : field)));
  const addQuestion = () =>
    setCustom([
      ...custom,
      {
        key: customKey(`q${custom.length + 1}`, new Set(value.map((f) => f.key))),
        label: '',
        type: 'text',
        required: false,
      },
    ]);
  return (
    <Stack gap="sm">
      {STANDARD_FIELDS.map((name) => (
        <Group key={name} justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" id={`field-${name}`}>
            {t(`joinFields.${name}`)}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby={`field-${name}`}
            value={modeOf(name)}
            onChange={(mode) => setMode(name, mode as Mode)}
            disabled={name === 'fullName'}
            data={(['required', 'optional', 'hidden'] as const).map((mode) => ({
              value: mode,
              label: t(`programs.fieldModes.${mode}`),
            }))}
          />
        </Group>
      ))}
      <Text size="sm" fw={600} mt="sm">
        {t('programs.customQuestions')}
      </Text>
      {custom.map((field, index) => (
        <Paper key={field.key} withBorder p="sm" radius="md">
          <Stack gap="xs">
            <Group align="flex-end" wrap="nowrap" gap="xs">
              <TextInput
                label={t('programs.questionLabel')}
                value={field.label ?? ''}
                onChange={(event) => updateCustom(index, { label: event.currentTarget.value })}
                style={{ flex: 1 }}
                required
              />
              <Select
                label={t('programs.questionType')}
                w={140}
                allowDeselect={false}
                value={field.type ?? 'text'}
                onChange={(type) => updateCustom(index, { type: (type ?? 'text') as JoinFormField['type'] })}
                data={CUSTOM_TYPES.map((type) => ({
                  value: type,
                  label: t(`programs.questionTypes.${type}`),
                }))}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('programs.removeQuestion', { label: field.label || index + 1 })}
                onClick={() => setCustom(custom.filter((_, at) => at !== index))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            {field.type === 'select' ? (
              <TagsInput
                label={t('programs.questionOptions')}
                value={field.options ?? []}
                onChange={(options) => updateCustom(index, { options })}
              />
            ) : null}
            <Checkbox
              label={t('programs.fieldModes.required')}
              checked={field.required}
              onChange={(event) => updateCustom(index, { required: event.currentTarget.checked })}
            />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={addQuestion}
        >
          {t('programs.addQuestion')}
        </Button>
      </Group>
    </Stack>
  );
}
