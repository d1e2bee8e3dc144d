/**
 * The public query under sustained load, and a restart in the middle of it: 50 concurrent clients
 * sending the widget's request for 60 seconds (BENCH_SOAK_SECONDS), the CMS's peak memory, then
 * a restart under load: what failed while it was down, and whether any published content was lost.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { load } from './load';

const CLIENTS = 50;
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);

/** Resident memory of a process now (VmRSS) or at its peak so far (VmHWM), in MiB (Linux). */
const rssMiB = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const publishedServices = async (cmsUrl: string) =>
  ((await (await fetch(`${cmsUrl}/api/kinship-offer/services?pagination[pageSize]=1`)).json()) as any).meta.pagination.total as number;

export async function soak(cms: { child: ChildProcess; url: string }, request: () => Promise<Response>) {
  const pid = cms.child.pid!;
  const rssBefore = rssMiB(pid, 'VmRSS');
  const steady = await load(request, { concurrency: CLIENTS, seconds: SOAK_SECONDS });
  const rss = { before: rssBefore, after: rssMiB(pid, 'VmRSS'), peak: rssMiB(pid, 'VmHWM') };

  const before = await publishedServices(cms.url);
  const underLoad = load(request, { concurrency: CLIENTS, seconds: 20 });
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
