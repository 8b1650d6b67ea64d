import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function show(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Field-by-field before/after of one audit entry; changed fields are marked. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const left = asRecord(before);
  const right = asRecord(after);
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  if (keys.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noDetails')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder fz="xs" aria-label={t('audit.changes')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.field')}</Table.Th>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => {
            const changed = show(left[key]) !== show(right[key]);
            return (
              <Table.Tr key={key} bg={changed ? 'var(--mantine-color-yellow-light)' : undefined}>
                <Table.Td>
                  <Code>{key}</Code>
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{key in left ? show(left[key]) : '—'}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  {key in right ? show(right[key]) : '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
