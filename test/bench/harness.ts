/**
 * What every part of the bench shares: the CMS and the floor in processes of their own, a way to
 * ask them things, one request's raw bytes, and a measurement beside its floor (the same bytes,
 * the same headers, compression included, from a plain Node server, measured in the same run).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import path from 'node:path';
import { load, type LoadResult } from './load';

export const CONNECTIONS = Number(process.env.BENCH_CONCURRENCY ?? 10);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

/** What a current browser sends. */
export const BROWSER_ENCODINGS = { 'accept-encoding': 'gzip, deflate, br, zstd' };

export interface Child {
  child: ChildProcess;
  url: string;
}

/** Starts ./<script> under tsx and waits for its `{ url }`. */
export function start(script: string, first?: unknown): Promise<Child> {
  const child = fork(path.join(__dirname, script), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TEST_DATABASE: 'sqlite', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  if (first !== undefined) child.send(first as any);
  return new Promise((resolve, reject) => {
    child.once('message', (reply: any) => resolve({ child, url: reply.url }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** Sends `message` to a child and resolves with its next answer. */
export function ask<T = any>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', resolve as (reply: unknown) => void);
    child.send(message as any);
  });
}

export async function stop(cms: Child) {
  const exited = new Promise((resolve) => cms.child.once('exit', resolve));
  cms.child.send('stop');
  await exited;
}

/** One GET as it crossed the wire: status, headers, the body as sent (compressed or not), milliseconds. */
export function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer; ms: number }>((resolve, reject) => {
    const started = performance.now();
    get(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers as Record<string, string>, body: Buffer.concat(chunks), ms: performance.now() - started }),
      );
    }).on('error', reject);
  });
}

/** The headers the floor repeats: what a static file server would send with these bytes. */
const FLOOR_HEADERS = ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary', 'access-control-allow-origin'];

/**
 * Has the floor serve `sample` (a response as it crossed the wire: its bytes, compressed or not)
 * at every path, with the headers a static file server would send with them. Answers those headers.
 */
export async function serveOnFloor(floor: Child, sample: { headers: Record<string, string>; body: Buffer }) {
  const served = Object.fromEntries(FLOOR_HEADERS.filter((name) => sample.headers[name]).map((name) => [name, String(sample.headers[name])]));
  await ask(floor.child, { body: sample.body.toString('base64'), headers: served });
  return served;
}

export interface VersusFloor {
  cms: LoadResult;
  floor: LoadResult;
  /** The CMS's throughput over the floor's (1 is as fast as a static file). */
  throughputRatio: number;
  /** The CMS's median latency over the floor's. */
  p50Ratio: number;
  /** Body bytes of one response, as sent. */
  bytes: number;
}

/** Load results of several rounds as one: totals summed, percentiles the median round's. */
function combined(rounds: LoadResult[]): LoadResult {
  const middle = <K extends keyof LoadResult>(key: K) => median(rounds.map((round) => round[key] as number));
  const requests = rounds.reduce((sum, round) => sum + round.requests, 0);
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  return {
    requests,
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    seconds,
    requestsPerSecond: requests / seconds,
    p50: middle('p50'),
    p90: middle('p90'),
    p99: middle('p99'),
    bytesPerRequest: middle('bytesPerRequest'),
  };
}

/** Rounds each measurement is split into, the CMS and the floor taking turns, so drift in a shared machine's load falls on both alike. */
const ROUNDS = 3;

/**
 * `url` under load from the CMS, and the same response (fetched once, bytes as sent) from the floor,
 * `seconds` each, in alternating rounds after a second's warm-up each. `revalidate`: ask with the
 * ETag, as a repeat view does.
 */
export async function versusFloor(
  floor: Child,
  url: string,
  { headers = BROWSER_ENCODINGS as Record<string, string>, seconds = SECONDS, revalidate = false, method = 'GET', body }: { headers?: Record<string, string>; seconds?: number; revalidate?: boolean; method?: string; body?: string } = {},
): Promise<VersusFloor> {
  let sample: { headers: Record<string, string>; body: Buffer };
  if (method === 'GET') sample = await rawGet(url, headers);
  else {
    const response = await fetch(url, { method, headers, body });
    sample = { headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) };
    delete sample.headers['content-encoding']; // fetch decoded it
  }
  const served = await serveOnFloor(floor, sample);
  const asked = revalidate && served.etag ? { ...headers, 'if-none-match': served.etag } : headers;
  const options = { connections: CONNECTIONS, headers: asked, method, body };
  await load(url, { ...options, seconds: 1 });
  await load(floor.url, { ...options, seconds: 1 });
  const rounds: { cms: LoadResult[]; floor: LoadResult[] } = { cms: [], floor: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    rounds.cms.push(await load(url, { ...options, seconds: Math.max(1, Math.round(seconds / ROUNDS)) }));
    rounds.floor.push(await load(floor.url, { ...options, seconds: Math.max(1, Math.round(seconds / ROUNDS)) }));
  }
  const cms = combined(rounds.cms);
  const floorResult = combined(rounds.floor);
  return { cms, floor: floorResult, throughputRatio: cms.requestsPerSecond / floorResult.requestsPerSecond, p50Ratio: cms.p50 / Math.max(floorResult.p50, 0.01), bytes: sample.body.length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Cold reads of the offer `slug`: `samples` times, an edit through the CMS (so its content has just
 * changed), then one read, timed. The edit is to one of its services, or with `everyService` to a
 * vocabulary term's label, which every service shows (so every service is read again). Median
 * milliseconds, and the database queries the read ran (the same every time: the most is given).
 */
export async function coldReads(cms: Child, url: string, slug: string, samples: number, { everyService = false } = {}) {
  const times: number[] = [];
  let queries = 0;
  for (let i = 0; i < samples; i += 1) {
    await ask(cms.child, everyService ? { relabel: true } : { edit: slug });
    const before = (await ask(cms.child, 'queries')).queries;
    const response = await rawGet(url, BROWSER_ENCODINGS);
    if (response.status !== 200 || response.headers['x-cache'] !== 'MISS') throw new Error(`A cold read of ${slug} was ${response.status} ${response.headers['x-cache']}`);
    times.push(response.ms);
    queries = Math.max(queries, (await ask(cms.child, 'queries')).queries - before);
  }
  return { p50: median(times), queries };
}

/** Milliseconds as the bench prints them. */
export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** Prints measurements beside their floors, one row each. */
export function table(title: string, rows: Array<[string, VersusFloor]>) {
  console.log(`\n${title}`);
  console.log(`${''.padEnd(34)} ${'req/s'.padStart(7)} ${'floor'.padStart(7)} ${'÷floor'.padStart(7)} ${'p50'.padStart(8)} ${'floor'.padStart(8)} ${'p99'.padStart(8)} ${'bytes'.padStart(9)} ${'errors'.padStart(6)}`);
  for (const [name, r] of rows) {
    console.log(
      `${name.padEnd(34)} ${r.cms.requestsPerSecond.toFixed(0).padStart(7)} ${r.floor.requestsPerSecond.toFixed(0).padStart(7)} ${`×${r.throughputRatio.toFixed(2)}`.padStart(7)} ${ms(r.cms.p50).padStart(8)} ${ms(r.floor.p50).padStart(8)} ${ms(r.cms.p99).padStart(8)} ${String(r.bytes).padStart(9)} ${String(r.cms.errors).padStart(6)}`,
    );
  }
}
