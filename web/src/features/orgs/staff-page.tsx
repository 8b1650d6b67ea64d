import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page';
import { useCan } from '../auth/session';
import { InvitationsTab } from './invitations-tab';
import { MembersTab } from './members-tab';

export function StaffPage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <PageHeader title={t('staff.title')} description={t('staff.text')} />
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="members">{t('staff.membersTab')}</Tabs.Tab>
          {can('members.invite') ? (
            <Tabs.Tab value="invitations">{t('staff.invitationsTab')}</Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="members">
          <MembersTab />
        </Tabs.Panel>
        {can('members.invite') ? (
          <Tabs.Panel value="invitations">
            <InvitationsTab />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </>
  );
}
