import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Cursor paging with a back stack: the API only knows "next", the UI offers both ways. */
export function useCursorPaging() {
  const [stack, setStack] = useState<string[]>([]);
  return {
    cursor: stack[stack.length - 1],
    page: stack.length + 1,
    next: (cursor: string) => setStack((current) => [...current, cursor]),
    previous: () => setStack((current) => current.slice(0, -1)),
    reset: () => setStack([]),
  };
}

export function CursorPager({
  paging,
  nextCursor,
}: {
  paging: ReturnType<typeof useCursorPaging>;
  nextCursor: string | null | undefined;
}) {
  const { t } = useTranslation();
  if (paging.page === 1 && !nextCursor) return null;
  return (
    <Group justify="space-between" mt="md" component="nav" aria-label={t('common.paging')}>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconChevronLeft size={14} aria-hidden />}
        disabled={paging.page === 1}
        onClick={paging.previous}
      >
        {t('common.previous')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('common.page', { page: paging.page })}
      </Text>
      <Button
        variant="default"
        size="xs"
        rightSection={<IconChevronRight size={14} aria-hidden />}
        disabled={!nextCursor}
        onClick={() => nextCursor && paging.next(nextCursor)}
      >
        {t('common.next')}
      </Button>
    </Group>
  );
}
