import { Button, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconPlus, IconSelector } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Org } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { notifyError } from '../../ui/notify';
import { useFormErrors } from '../../ui/use-form-errors';
import { useSessionActions, useSignedInMe } from '../auth/session';

/** Lists the person's organisations; switching reloads every query for the new one. */
export function OrgSwitcher() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const session = useSessionActions();
  const navigate = useNavigate();
  const [creating, { open, close }] = useDisclosure(false);
  const current = me.currentOrg;
  return (
    <>
      <Menu position="bottom-start" withinPortal width={260}>
        <Menu.Target>
          <Button
            variant="default"
            size="sm"
            rightSection={<IconSelector size={14} aria-hidden />}
            aria-label={t('orgs.switcherLabel', { name: current?.name ?? '' })}
            maw={{ base: 150, xs: 240 }}
            styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
            data-testid="org-switcher"
          >
            {current?.name ?? t('orgs.none')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('orgs.yourOrgs')}</Menu.Label>
          {me.orgs.map((org) => (
            <Menu.Item
              key={org.id}
              rightSection={org.id === current?.id ? <IconCheck size={14} aria-hidden /> : null}
              onClick={() =>
                org.id === current?.id
                  ? undefined
                  : session
                      .switchOrg(org.id)
                      .then(() => navigate({ to: '/' }))
                      .catch(notifyError)
              }
            >
              <Text size="sm">{org.name}</Text>
              <Text size="xs" c="dimmed">
                {t(`roles.${org.role}`)}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={14} aria-hidden />} onClick={open}>
            {t('orgs.create')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={creating} onClose={close} title={t('orgs.create')}>
        <CreateOrgForm onDone={close} />
      </Modal>
    </>
  );
}

/** Creates an organisation (the creator becomes its owner) and switches to it. */
export function CreateOrgForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const session = useSessionActions();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      const created = await api.post<{ org: Org }>('/api/orgs', { name: name.trim() });
      await session.switchOrg(created.org.id);
      onDone?.();
      await navigate({ to: '/' });
    } catch (error) {
      errors.set(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={errors.general} />
        <TextInput
          label={t('orgs.name')}
          required
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.field('name')}
        />
        <Button type="submit" loading={busy}>
          {t('orgs.create')}
        </Button>
      </Stack>
    </form>
  );
}
