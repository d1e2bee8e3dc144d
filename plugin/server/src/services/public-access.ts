/**
 * Grants the public role read access to the offer's content, so a council does not have to find
 * the right boxes in Users & Permissions. Readers' feedback is never granted. Draft access is not a
 * permission: see documents/draft-access.ts.
 */
import type { Core } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES, uidOf } from '../uids';

export const PUBLIC_ACTIONS = PUBLIC_CONTENT_TYPES.flatMap((name) => [
  `${uidOf(name)}.find`,
  `${uidOf(name)}.findOne`,
]);

const ROLE = 'plugin::users-permissions.role';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const grantTo = async (role: { id: number }) => {
    const permissions = strapi.db.query('plugin::users-permissions.permission');
    const granted = new Set(
      (await permissions.findMany({ where: { role: role.id, action: { $in: PUBLIC_ACTIONS } } })).map((p: any) => p.action),
    );
    for (const action of PUBLIC_ACTIONS.filter((a) => !granted.has(a))) {
      await permissions.create({ data: { action, role: role.id } });
    }
  };

  return {
    async grant() {
      if (!strapi.plugin('users-permissions')) {
        strapi.log.warn('[kinship-offer] @strapi/plugin-users-permissions is not installed: the offer is not publicly readable');
        return;
      }
      const role = await strapi.db.query(ROLE).findOne({ where: { type: 'public' } });
      if (role) return grantTo(role);
      // On a new database users-permissions creates its roles in its own bootstrap, which may run
      // after this one: grant as soon as the public role exists.
      strapi.db.lifecycles.subscribe({
        models: [ROLE],
        async afterCreate({ result }: any) {
          if (result?.type === 'public') await grantTo(result);
        },
      });
    },
  };
};
