import {
  Button,
  Group,
  Menu,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { notifyError, notifySuccess } from '../../ui/notify';
import { usePartnerOptions } from './options';

type Kind = 'group' | 'tags' | 'care';
type BulkResult = { succeeded: number; failed: number };

/** Group, tags and care staff for many enrollments at once. */
export function BulkActions({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind | null>(null);
  return (
    <Group gap="xs" role="toolbar" aria-label={t('partners.bulkActions')}>
      <Text size="sm" data-testid="selected-count">
        {t('partners.selected', { count: ids.length })}
      </Text>
      <Menu withinPortal>
        <Menu.Target>
          <Button size="xs" rightSection={<IconChevronDown size={14} aria-hidden />}>
            {t('partners.bulkActions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(['group', 'tags', 'care'] as const).map((item) => (
            <Menu.Item key={item} onClick={() => setKind(item)}>
              {t(`partners.bulk.${item}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {kind ? <BulkModal kind={kind} ids={ids} onClose={() => setKind(null)} onDone={onDone} /> : null}
    </Group>
  );
}

function BulkModal({
  kind,
  ids,
  onClose,
  onDone,
}: {
  kind: Kind;
  ids: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const options = usePartnerOptions();
  const queryClient = useQueryClient();
  const [groupId, setGroupId] = useState<string | null>(null);
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const [careMode, setCareMode] = useState<'member' | 'round_robin'>('member');
  const [careId, setCareId] = useState<string | null>(null);
  const apply = useMutation({
    mutationFn: () => {
      const enrollmentIds = ids;
      if (kind === 'group')
        return api.post<BulkResult>('/api/v1/enrollments/bulk-group', { enrollmentIds, groupId });
      if (kind === 'tags')
        return api.post<BulkResult>('/api/v1/enrollments/bulk-tags', { enrollmentIds, add, remove });
      return api.post<BulkResult>(
        '/api/v1/enrollments/bulk-care',
        careMode === 'member'
          ? { enrollmentIds, memberId: careId }
          : { enrollmentIds, staffGroupId: careId, mode: 'round_robin' },
      );
    },
    onSuccess: (result) => {
      if (result.failed > 0)
        notifications.show({ color: 'yellow', message: t('partners.bulkPartial', result) });
      else notifySuccess(t('partners.bulkDone', { count: result.succeeded }));
      void queryClient.invalidateQueries({ queryKey: ['partners'] });
      onDone();
      onClose();
    },
    onError: notifyError,
  });
  const ready = kind === 'group' || (kind === 'tags' ? add.length + remove.length > 0 : Boolean(careId));
  return (
    <Modal opened onClose={onClose} title={t(`partners.bulk.${kind}`)}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('partners.bulkFor', { count: ids.length })}
        </Text>
        {kind === 'group' ? (
          <Select
            label={t('partners.group')}
            data-testid="bulk-group-select"
            placeholder={t('partners.noGroup')}
            clearable
            data={options.groups}
            value={groupId}
            onChange={setGroupId}
            data-autofocus
          />
        ) : null}
        {kind === 'tags' ? (
          <>
            <MultiSelect label={t('partners.addTags')} data={options.tags} value={add} onChange={setAdd} />
            <MultiSelect
              label={t('partners.removeTags')}
              data={options.tags}
              value={remove}
              onChange={setRemove}
            />
          </>
        ) : null}
        {kind === 'care' ? (
          <>
            <SegmentedControl
              value={careMode}
              onChange={(mode) => {
                setCareMode(mode as 'member' | 'round_robin');
                setCareId(null);
              }}
              data={[
                { value: 'member', label: t('partners.careOne') },
                { value: 'round_robin', label: t('partners.careRoundRobin') },
              ]}
            />
            <Select
              label={careMode === 'member' ? t('partners.careStaff') : t('partners.staffGroup')}
              description={careMode === 'round_robin' ? t('partners.careRoundRobinHint') : undefined}
              searchable
              data={careMode === 'member' ? options.members : options.staffGroups}
              value={careId}
              onChange={setCareId}
            />
          </>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => apply.mutate()} loading={apply.isPending} disabled={!ready}>
            {t('partners.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
