import { Group, Progress, Stack, Text } from '@mantine/core';
import { useFormat } from '../../ui/format';
import type { ClickCounts } from './types';

/** Rows of clicks as horizontal bars: unique and other clicks, scaled to the busiest row. */
export function ClickBars({
  rows,
  labelOf,
}: {
  rows: (ClickCounts & { key: string })[];
  labelOf: (row: ClickCounts & { key: string }) => string;
}) {
  const format = useFormat();
  const top = Math.max(1, ...rows.map((row) => row.total));
  return (
    <Stack gap={6}>
      {rows.map((row) => (
        <div key={row.key}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs" truncate>
              {labelOf(row)}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {format.number(row.unique)} / {format.number(row.total)}
            </Text>
          </Group>
          <Progress.Root size="md" aria-hidden>
            <Progress.Section value={(row.unique / top) * 100} color="teal" />
            <Progress.Section value={((row.total - row.unique - row.bots) / top) * 100} color="teal.2" />
            <Progress.Section value={(row.bots / top) * 100} color="gray.4" />
          </Progress.Root>
        </div>
      ))}
    </Stack>
  );
}
