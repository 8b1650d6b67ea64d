import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canGrantRole, PERMISSIONS, ROLE_NAMES, ROLE_PERMISSIONS, roleCan } from './permissions';

/** The README shows the permission table to people; it must say exactly what the code does. */
function readmeTable(): Map<string, string[]> {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.split('<!-- permissions:start -->')[1]?.split('<!-- permissions:end -->')[0] ?? '';
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  return new Map(rows.map((cells) => [cells[1]!.replaceAll('`', ''), cells.slice(2, 2 + ROLE_NAMES.length)]));
}

describe('permission table', () => {
  it('is documented in the README exactly as the code decides', () => {
    const table = readmeTable();
    expect([...table.keys()].sort()).toEqual([...PERMISSIONS].sort());
    for (const permission of PERMISSIONS) {
      const cells = table.get(permission)!;
      ROLE_NAMES.forEach((role, index) => {
        expect({ permission, role, allowed: cells[index] === '✓' }).toEqual({
          permission,
          role,
          allowed: roleCan(role, permission),
        });
      });
    }
  });

  it('lets owners do everything and nobody grant more than they hold', () => {
    expect(ROLE_PERMISSIONS.owner).toEqual([...PERMISSIONS]);
    expect(canGrantRole('owner', 'owner')).toBe(true);
    expect(canGrantRole('admin', 'owner')).toBe(false);
    expect(canGrantRole('manager', 'admin')).toBe(false);
    expect(canGrantRole('manager', 'care_staff')).toBe(true);
    expect(canGrantRole('care_staff', 'accountant')).toBe(false);
  });
});
