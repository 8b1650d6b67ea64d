import { Group, Text } from '@mantine/core';

/** The Kênh mark: a channel of three strokes in a teal tile. */
export function Logo({ suffix }: { suffix?: string }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width="28" height="28" viewBox="0 0 64 64" aria-hidden="true">
        <rect width="64" height="64" rx="14" fill="#0ca678" />
        <path d="M14 22h36M14 32h26M14 42h16" stroke="#fff" strokeWidth="6" strokeLinecap="round" />
      </svg>
      <Text fw={700} size="lg">
        Kênh{suffix ? ` ${suffix}` : ''}
      </Text>
    </Group>
  );
}
