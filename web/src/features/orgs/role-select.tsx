import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../lib/types';
import { useSignedInMe } from '../auth/session';

/** Roles the signed-in person may hand out: only owners make owners. */
export function useGrantableRoles(): Role[] {
  const me = useSignedInMe();
  return ROLES.filter((role) => role !== 'owner' || me.currentOrg?.role === 'owner');
}

export function RoleSelect(props: Omit<SelectProps, 'data'> & { roles?: Role[] }) {
  const { t } = useTranslation();
  const grantable = useGrantableRoles();
  const roles = props.roles ?? grantable;
  return (
    <Select
      allowDeselect={false}
      {...props}
      data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}
