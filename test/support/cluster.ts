/**
 * Several instances of the demo CMS on one PostgreSQL database, as a council runs it behind a load
 * balancer: each a process of its own (test/support/cluster-instance.ts) on its own port, which it
 * keeps when stopped and started again by PID.
 *
 *   const cluster = await startCluster({ instances: 2, env: { FEEDBACK_PER_MINUTE: '5' } });
 *   cluster.urls;              // ['http://127.0.0.1:41001', 'http://127.0.0.1:41002']
 *   await cluster.stop(0);     // SIGTERM to instance 0's process; resolves when it has exited
 *   await cluster.start(0);    // the same instance again, same port, same database
 *   await cluster.request(1, 'run-reminders', { today }); // work done inside instance 1
 *   cluster.outbox;            // e-mail any instance sent: { instance, message }
 *   await cluster.close();     // stops every instance and drops the database
 *
 * The first instance starts alone and seeds the demo content (the schema too); the others start
 * after it, on content already there.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { APP_ENV } from './cms';
import { createDatabase } from './postgres';

export interface Cluster {
  /** Each instance's base URL, e.g. http://127.0.0.1:41001; kept while it is stopped. */
  urls: string[];
  /** The database every instance uses. */
  databaseUrl: string;
  /** E-mail the instances sent, in the order the parent heard of it. */
  outbox: Array<{ instance: number; message: { to: string; subject: string; text: string } }>;
  /** Stops instance i (SIGTERM, then SIGKILL after 10 s); resolves once its process has exited. */
  stop(i: number): Promise<void>;
  /** Starts instance i again on its port; resolves once it answers. */
  start(i: number): Promise<void>;
  /** Runs a command of cluster-instance.ts inside instance i; resolves with its result. */
  request<T = unknown>(i: number, command: string, args?: unknown): Promise<T>;
  /** Stops every instance and drops the database. */
  close(): Promise<void>;
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `env` is added to every instance's environment (plugin settings the demo app reads from it,
 * such as CACHE_SHARED_MAX_AGE or FEEDBACK_PER_MINUTE; SERVE_ADMIN_PANEL=true serves the built
 * admin panel, as test/support/cms.ts startCms({ admin: true }) does).
 */
export async function startCluster({ instances = 2, env = {} }: { instances?: number; env?: Record<string, string> } = {}): Promise<Cluster> {
  const database = await createDatabase();
  const ports = await Promise.all(Array.from({ length: instances }, freePort));
  const children: Array<ChildProcess | null> = ports.map(() => null);
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  let nextId = 0;

  const cluster: Cluster = {
    urls: ports.map((port) => `http://127.0.0.1:${port}`),
    databaseUrl: database.url,
    outbox: [],

    start(i) {
      if (children[i]) return Promise.reject(new Error(`instance ${i} is running`));
      const child = fork(path.join(__dirname, 'cluster-instance.ts'), [], {
        execArgv: ['--import', 'tsx'],
        env: {
          ...process.env,
          ...APP_ENV,
          DATABASE_CLIENT: 'postgres',
          DATABASE_URL: database.url,
          PORT: String(ports[i]),
          SERVE_ADMIN_PANEL: 'false',
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
          ...env,
        },
        // Strapi's start-up banner on stdout is noise here; its errors and warnings come on stderr.
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children[i] = child;
      child.on('message', (message: any) => {
        if (message.mail) cluster.outbox.push({ instance: i, message: message.mail });
        const waiting = pending.get(message.id);
        if (!waiting) return;
        pending.delete(message.id);
        if (message.error) waiting.reject(new Error(`instance ${i}: ${message.error}`));
        else waiting.resolve(message.result);
      });
      child.once('exit', () => {
        if (children[i] === child) children[i] = null;
      });
      return new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`instance ${i} exited with ${code} before it listened`));
        child.once('exit', onExit);
        child.on('message', function listening(message: any) {
          if (!message.url) return;
          child.off('message', listening);
          child.off('exit', onExit);
          resolve();
        });
      });
    },

    async stop(i) {
      const child = children[i];
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(child.pid!, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },

    request(i, command, args) {
      const child = children[i];
      if (!child) return Promise.reject(new Error(`instance ${i} is not running`));
      const id = (nextId += 1);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, command, args });
      });
    },

    async close() {
      await Promise.all(ports.map((_, i) => cluster.stop(i)));
      await database.drop();
    },
  };

  try {
    await cluster.start(0);
    await Promise.all(ports.slice(1).map((_, i) => cluster.start(i + 1)));
  } catch (error) {
    await cluster.close();
    throw error;
  }
  return cluster;
}
