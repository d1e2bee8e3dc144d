/**
 * The plugin's own small tables, outside Strapi's content model (Strapi neither lists nor drops
 * them): state that instances sharing one database must agree on, such as who sent a reminder.
 */
import type { Core } from '@strapi/strapi';

/** Strapi's knex instance (strapi.db.connection). */
export type Knex = Core.Strapi['db']['connection'];

/** Creates the table unless it exists. Safe when several instances boot at the same moment. */
export async function ensureTable(knex: Knex, name: string, build: Parameters<Knex['schema']['createTable']>[1]) {
  if (await knex.schema.hasTable(name)) return;
  try {
    await knex.schema.createTable(name, build);
  } catch (error) {
    // Another instance created it at the same moment.
    if (!(await knex.schema.hasTable(name))) throw error;
  }
}
