/**
 * The public query under sustained load, and a restart in the middle of it: 50 concurrent clients
 * sending the widget's request for 60 seconds (BENCH_SOAK_SECONDS), the CMS's peak memory, then
 * a restart under load: what failed while it was down, and whether any published content was lost.
 */
import { readFileSync } from 'node:fs';
import type { Child } from './harness';
import { load } from './load';

const CLIENTS = 50;
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);

/** Resident memory of a process now (VmRSS) or at its peak so far (VmHWM), in MiB (Linux). */
export const rssMiB = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const publishedServices = async (cmsUrl: string) =>
  ((await (await fetch(`${cmsUrl}/api/kinship-offer/services?pagination[pageSize]=1`)).json()) as any).meta.pagination.total as number;

export async function soak(cms: Child, url: string, headers: Record<string, string>) {
  const pid = cms.child.pid!;
  const rssBefore = rssMiB(pid, 'VmRSS');
  const steady = await load(url, { connections: CLIENTS, seconds: SOAK_SECONDS, headers });
  const rss = { before: rssBefore, after: rssMiB(pid, 'VmRSS'), peak: rssMiB(pid, 'VmHWM') };

  const before = await publishedServices(cms.url);
  const underLoad = load(url, { connections: CLIENTS, seconds: 20, headers });
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const t0 = performance.now();
  cms.child.send('restart');
  await new Promise((resolve) => cms.child.once('message', resolve));
  const downMs = performance.now() - t0;
  const duringRestart = await underLoad;
  const after = await publishedServices(cms.url);

  return {
    clients: CLIENTS,
    steady,
    rssMiB: rss,
    restart: { downMs, requests: duringRestart.requests, errors: duringRestart.errors, publishedBefore: before, publishedAfter: after },
  };
}
