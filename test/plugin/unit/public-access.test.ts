/**
 * The public role's grants: read access (find, findOne) to every content type a reader sees, never
 * to readers' feedback, added once whatever the role already has, and given when the role is
 * created after the plugin starts (a new database). Strapi's query engine is the boundary, kept
 * here as a list of permission rows. (Against a real Strapi: every public read in test/plugin.)
 */
import { describe, expect, it } from 'vitest';
import publicAccess, { PUBLIC_ACTIONS } from '../../../plugin/server/src/services/public-access';
import { CONTENT_TYPE_NAMES, uidOf } from '../../../plugin/server/src/uids';

const ROLE = 'plugin::users-permissions.role';

/** A Strapi whose public role (`role`, or none yet) holds `held` actions. */
function cms({ role = { id: 2, type: 'public' } as { id: number; type: string } | null, held = [] as string[], usersPermissions = true } = {}) {
  const roles = [{ id: 1, type: 'authenticated' }, ...(role ? [role] : [])];
  const permissions = held.map((action) => ({ action, role: role?.id }));
  const warnings: string[] = [];
  const subscribers: Array<{ models: string[]; afterCreate(event: { result: unknown }): Promise<void> }> = [];
  const strapi: any = {
    plugin: (name: string) => (name === 'users-permissions' && usersPermissions ? {} : undefined),
    log: { warn: (message: string) => warnings.push(message) },
    db: {
      query: (uid: string) =>
        uid === ROLE
          ? { findOne: async ({ where }: { where?: { type?: string } }) => roles.find((r) => !where?.type || r.type === where.type) ?? null }
          : uid === 'plugin::users-permissions.permission' && {
              findMany: async ({ where }: { where: { role: number; action: { $in: string[] } } }) =>
                permissions.filter((p) => p.role === where.role && where.action.$in.includes(p.action)),
              create: async ({ data }: { data: { action: string; role: number } }) => void permissions.push(data),
            },
      lifecycles: { subscribe: (subscriber: (typeof subscribers)[number]) => subscribers.push(subscriber) },
    },
  };
  return { service: publicAccess({ strapi }), permissions, warnings, subscribers };
}

const actionsOf = (permissions: Array<{ action: string; role?: number }>, role = 2) =>
  permissions.filter((p) => p.role === role).map((p) => p.action).sort();

describe('the public role\'s grants', () => {
  it('are find and findOne on every content type but feedback', () => {
    const expected = CONTENT_TYPE_NAMES.filter((name) => name !== 'feedback').flatMap((name) => [`${uidOf(name)}.find`, `${uidOf(name)}.findOne`]);
    expect([...PUBLIC_ACTIONS].sort()).toEqual(expected.sort());
    expect(PUBLIC_ACTIONS.some((action) => action.includes('feedback'))).toBe(false);
  });

  it('are added to the public role, each once, beside what it already has', async () => {
    const site = cms({ held: [`${uidOf('offer')}.find`, 'api::article.article.find'] });
    await site.service.grant();
    await site.service.grant();
    expect(actionsOf(site.permissions)).toEqual([...PUBLIC_ACTIONS, 'api::article.article.find'].sort());
  });

  it('are given when the public role is created later, and not to another role', async () => {
    const site = cms({ role: null });
    await site.service.grant();
    expect(site.permissions).toEqual([]);
    const [subscriber] = site.subscribers;
    expect(subscriber.models).toEqual([ROLE]);
    await subscriber.afterCreate({ result: { id: 1, type: 'authenticated' } });
    await subscriber.afterCreate({ result: null });
    expect(site.permissions).toEqual([]);
    await subscriber.afterCreate({ result: { id: 2, type: 'public' } });
    expect(actionsOf(site.permissions)).toEqual([...PUBLIC_ACTIONS].sort());
  });

  it('are not given without users-permissions, and the operator is told the offer is not public', async () => {
    const site = cms({ usersPermissions: false });
    await site.service.grant();
    expect(site.permissions).toEqual([]);
    expect(site.warnings).toEqual(['[kinship-offer] @strapi/plugin-users-permissions is not installed: the offer is not publicly readable']);
  });
});
