import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from './logo';

/** The frame of every signed-out page: brand, language menu, one card. */
export function AuthLayout({
  title,
  subtitle,
  language,
  children,
}: {
  title: string;
  subtitle?: string;
  language: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)" px="md" py="lg">
      <Group justify="space-between" maw={440} mx="auto" mb="xl">
        <Logo />
        {language}
      </Group>
      <Center>
        <Paper
          withBorder
          shadow="sm"
          radius="lg"
          p={{ base: 'lg', sm: 'xl' }}
          w="100%"
          maw={440}
          component="main"
        >
          <Stack gap={4} mb="lg">
            <Title order={1} size="h3">
              {title}
            </Title>
            {subtitle ? (
              <Text c="dimmed" size="sm">
                {subtitle}
              </Text>
            ) : null}
          </Stack>
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
