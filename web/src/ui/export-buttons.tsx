import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Query, withQuery } from '../lib/api';

/**
 * Downloads of a list as a spreadsheet (`<path>/export.csv`, `.xlsx`) with the filters on screen:
 * every matching row, not only the page shown.
 */
export function ExportButtons({ path, query }: { path: string; query: Query }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={withQuery(`${path}/export.${format}`, query)}
          download
          size="xs"
          variant="default"
          title={t('common.exportAs', { format: format.toUpperCase() })}
          leftSection={<IconDownload size={14} aria-hidden />}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
