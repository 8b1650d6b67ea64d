import { Box, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { SessionLanguageSwitcher } from '../features/auth/session-language-switcher';
import { Logo } from '../ui/logo';

/** The partner app's phone-first frame: a slim top bar and one column. */
export function PartnerFrame({ actions, children }: { actions?: ReactNode; children: ReactNode }) {
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <Box
        component="header"
        px="md"
        py="sm"
        bg="var(--mantine-color-body)"
        style={{
          borderBottom: '1px solid var(--mantine-color-gray-3)',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Group justify="space-between" maw={560} mx="auto" wrap="nowrap">
          <Logo suffix="CTV" />
          <Group gap={4} wrap="nowrap">
            <SessionLanguageSwitcher />
            {actions}
          </Group>
        </Group>
      </Box>
      <Box component="main" px="md" py="lg" maw={560} mx="auto">
        {children}
      </Box>
    </Box>
  );
}
