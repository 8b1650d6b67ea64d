import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconLogout, IconLogout2, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSessionActions, useSignedInMe } from '../features/auth/session';
import { useConfirm } from '../ui/confirm';
import { notifyError } from '../ui/notify';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0]!.charAt(0);
  const last = parts.length > 1 ? parts[parts.length - 1]!.charAt(0) : '';
  return (first + last).toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const session = useSessionActions();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const signOut = async (everywhere: boolean) => {
    if (
      everywhere &&
      !(await confirm({
        title: t('account.signOutEverywhere'),
        message: t('account.signOutEverywhereConfirm'),
        confirmLabel: t('account.signOutEverywhere'),
      }))
    )
      return;
    try {
      await session.signOut(everywhere);
      await navigate({ to: '/sign-in' });
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal width={240}>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('nav.userMenu', { name: me.identity.fullName })}
          data-testid="user-menu"
        >
          <Avatar color="teal" radius="xl" size={34}>
            {initials(me.identity.fullName)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {me.identity.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {me.identity.email}
          </Text>
        </Menu.Label>
        <Menu.Item
          leftSection={<IconUserCircle size={16} aria-hidden />}
          onClick={() => navigate({ to: '/account' })}
        >
          {t('nav.account')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => signOut(false)}>
          {t('account.signOut')}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconLogout2 size={16} aria-hidden />}
          onClick={() => signOut(true)}
        >
          {t('account.signOutEverywhere')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
