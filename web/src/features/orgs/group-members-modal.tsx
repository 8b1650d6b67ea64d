import { Button, Group, Modal, MultiSelect, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Member, Page, StaffGroup } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/page';

const MAX_PAGES = 10;

/** Every active member of the organisation, following cursors (a group picker needs them all). */
async function fetchAllMembers(): Promise<Member[]> {
  const all: Member[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await api.get<Page<Member>>('/api/v1/members', { limit: 100, cursor, status: 'active' });
    all.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return all;
}

export function GroupMembersModal({ group, onClose }: { group: StaffGroup; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const members = useQuery({ queryKey: ['members', 'all-active'], queryFn: fetchAllMembers });
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => {
    if (members.data)
      setSelected(
        members.data
          .filter((member) => member.groups.some((item) => item.id === group.id))
          .map((member) => member.id),
      );
  }, [members.data, group.id]);
  const save = useMutation({
    mutationFn: () => api.put(`/api/v1/staff-groups/${group.id}/members`, { memberIds: selected }),
    onSuccess: () => {
      notifySuccess(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['staff-groups'] });
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('groups.membersOf', { name: group.name })}>
      <Stack>
        <ErrorAlert error={members.error ?? save.error} />
        {members.isLoading ? <PageLoader /> : null}
        {members.data ? (
          <MultiSelect
            label={t('groups.members')}
            placeholder={t('groups.pickMembers')}
            searchable
            data-autofocus
            nothingFoundMessage={t('common.nothingFound')}
            data={members.data.map((member) => ({
              value: member.id,
              label: `${member.fullName} · ${member.email ?? ''}`,
            }))}
            value={selected}
            onChange={setSelected}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!members.data}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
