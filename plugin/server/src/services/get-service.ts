/**
 * The plugin's services by name, with their types: `getService('offer-view').find(...)`. One place
 * names them, so a reader and the type checker see what depends on what (GraphQL reads the offer
 * view, the draft middleware invalidates it), where `strapi.plugin(...).service('...')` hid it.
 */
import type services from '.';
import { PLUGIN_ID } from '../uids';

type Services = typeof services;
export type ServiceName = keyof Services;
export type PluginService<Name extends ServiceName> = ReturnType<Services[Name]>;

export const getService = <Name extends ServiceName>(name: Name): PluginService<Name> => strapi.plugin(PLUGIN_ID).service(name);
