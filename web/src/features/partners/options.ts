import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Member, Page, StaffGroup } from '../../lib/types';
import type { Program } from '../programs/types';
import type { PartnerGroup, Tag } from './types';

const LONG = 60_000;

/** The lists the directory's filters and bulk actions choose from. */
export function usePartnerOptions() {
  const programs = useQuery({
    queryKey: ['programs', 'options'],
    queryFn: () => api.get<Page<Program>>('/api/v1/programs', { limit: 100 }),
    staleTime: LONG,
  });
  const groups = useQuery({
    queryKey: ['partner-groups'],
    queryFn: () => api.get<Page<PartnerGroup>>('/api/v1/partner-groups', { limit: 100 }),
    staleTime: LONG,
  });
  const tags = useQuery({
    queryKey: ['partner-tags'],
    queryFn: () => api.get<Page<Tag>>('/api/v1/partner-tags', { limit: 100 }),
    staleTime: LONG,
  });
  const members = useQuery({
    queryKey: ['members', 'options'],
    queryFn: () => api.get<Page<Member>>('/api/v1/members', { limit: 100 }),
    staleTime: LONG,
    retry: false,
  });
  const staffGroups = useQuery({
    queryKey: ['staff-groups'],
    queryFn: () => api.get<Page<StaffGroup>>('/api/v1/staff-groups', { limit: 100 }),
    staleTime: LONG,
    retry: false,
  });
  const toData = <T extends { id: string }>(items: T[] | undefined, label: (item: T) => string) =>
    (items ?? []).map((item) => ({ value: item.id, label: label(item) }));
  return {
    programs: toData(programs.data?.items, (item) => item.name),
    groups: toData(groups.data?.items, (item) => item.name),
    tags: toData(tags.data?.items, (item) => item.name),
    members: toData(
      members.data?.items.filter((member) => member.status === 'active'),
      (item) => item.fullName,
    ),
    staffGroups: toData(staffGroups.data?.items, (item) => item.name),
  };
}
