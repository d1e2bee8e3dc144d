/**
 * Load through autocannon (mcollina/autocannon): `connections` keep-alive clients, each sending its
 * next request when the last answers, timed into an HDR histogram. Its ceiling on these two cores
 * is well above the static floor (the run prints both), so a ratio to the floor measures the
 * server, not the client; a fetch loop's was not.
 */
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  /** Connection errors and timeouts, plus answers that were not 2xx or 304. */
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  /** Latency percentiles, in milliseconds. */
  p50: number;
  p90: number;
  p99: number;
  /** Body and headers received per request, in bytes. */
  bytesPerRequest: number;
}

export async function load(
  url: string,
  { connections = 10, seconds, headers = {}, method = 'GET', body }: { connections?: number; seconds: number; headers?: Record<string, string>; method?: string; body?: string },
): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: seconds, headers, method: method as 'GET', body });
  const answered = result['2xx'] + (result.statusCodeStats?.['304']?.count ?? 0);
  return {
    requests: result.requests.total,
    errors: result.errors + result.timeouts + (result.requests.total - answered),
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    bytesPerRequest: result.requests.total ? result.throughput.total / result.requests.total : 0,
  };
}
