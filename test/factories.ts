import { randomBytes } from 'node:crypto';
import { createOrganisation } from '../server/src/modules/orgs';
import type { TestEnv } from './harness';

export const TEST_PASSWORD = 'mat-khau-an-toan-2026';

export function uniqueEmail(label = 'user'): string {
  return `${label}.${randomBytes(4).toString('hex')}@example.vn`;
}

/** A fresh organisation with its owner, so tests never share tenant data. */
export async function createTestOrg(env: TestEnv, options: { name?: string; ownerEmail?: string } = {}) {
  const ownerEmail = options.ownerEmail ?? uniqueEmail('owner');
  const result = await createOrganisation(env.services, {
    name: options.name ?? `Công ty Thử nghiệm ${randomBytes(3).toString('hex')}`,
    owner: { email: ownerEmail, fullName: 'Nguyễn Văn Chủ', password: TEST_PASSWORD },
  });
  return { ...result, ownerEmail, password: TEST_PASSWORD };
}
