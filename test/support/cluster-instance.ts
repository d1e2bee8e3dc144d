/**
 * One instance of a test/support/cluster.ts cluster: the demo app in a process of its own (Strapi
 * is one per process), on the database and port its environment names. It tells its parent its
 * URL when it listens, and answers the parent's requests by IPC. Outgoing e-mail is the boundary:
 * each message goes to the parent instead of a mail server, unless SMTP_HOST names a real one
 * (test/support/smtp-sink.ts), which the app's e-mail provider then uses.
 */
import type { Core } from '@strapi/strapi';
import { boot } from './cms';

/** What the parent may ask of an instance: name → work, given the request's arguments. */
const COMMANDS: Record<string, (strapi: Core.Strapi, args: any) => Promise<unknown>> = {
  /** One run of the daily review job, as bootstrap's cron would start it, as of `args.today`. */
  'run-reminders': (strapi, args) => strapi.plugin('kinship-offer').service('reminders').run({ today: new Date(args.today) }),
};

async function main() {
  // The built admin panel only when asked (SERVE_ADMIN_PANEL=true): starting without it is quicker.
  const { strapi, url } = await boot(process.env.SERVE_ADMIN_PANEL === 'true');
  if (!process.env.SMTP_HOST) {
    strapi.config.set('plugin::email.provider', 'cluster-outbox');
    strapi.plugin('email').service('email').send = async (message: unknown) => {
      process.send?.({ mail: message });
    };
  }

  process.on('message', async (message: { id: number; command: string; args?: unknown }) => {
    try {
      const result = await COMMANDS[message.command](strapi, message.args);
      process.send?.({ id: message.id, result });
    } catch (error) {
      process.send?.({ id: message.id, error: String(error) });
    }
  });
  // Stopped by PID (SIGTERM), as a process manager stops it: close connections, then exit.
  process.once('SIGTERM', () => {
    strapi.destroy().finally(() => process.exit(0));
  });
  // The parent is gone (a test run stopped short): leave no server behind.
  process.once('disconnect', () => process.exit(0));
  process.send?.({ url });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
