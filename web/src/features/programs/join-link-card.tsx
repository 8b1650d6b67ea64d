import {
  Anchor,
  Button,
  CopyButton,
  Group,
  Image,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { joinUrl, type Program } from './types';

/** The program's public join page: link to copy, QR code to print (PNG or SVG). */
export function JoinLinkCard({ program }: { program: Program }) {
  const { t } = useTranslation();
  const url = joinUrl(program);
  const qr = `/api/v1/programs/${program.id}/qr`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="join-link-heading">
      <Title order={2} size="h5" mb="sm" id="join-link-heading">
        {t('programs.joinLink')}
      </Title>
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Stack gap="xs" style={{ flex: 1, minWidth: 240 }}>
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              label={t('programs.joinLinkLabel')}
              readOnly
              value={url}
              data-testid="join-link"
              style={{ flex: 1 }}
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  onClick={copy}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('programs.joinLinkHint', { code: program.pageCode })}
          </Text>
          {program.status !== 'active' ? (
            <Text size="xs" c="orange">
              {t('programs.joinLinkInactive')}
            </Text>
          ) : null}
          <Anchor href={url} target="_blank" rel="noopener" size="sm">
            {t('programs.openJoinPage')}
          </Anchor>
        </Stack>
        <Stack gap="xs" align="center">
          <Image
            src={`${qr}.svg`}
            w={160}
            h={160}
            alt={t('programs.qrAlt', { name: program.name })}
            data-testid="program-qr"
          />
          <Group gap="xs">
            <Button
              component="a"
              href={`${qr}.png`}
              download={`${program.pageCode}.png`}
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} aria-hidden />}
            >
              PNG
            </Button>
            <Button
              component="a"
              href={`${qr}.svg`}
              download={`${program.pageCode}.svg`}
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} aria-hidden />}
            >
              SVG
            </Button>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
