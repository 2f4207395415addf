import test from 'ava';

import { describeChanges, type JsonReport, runBin, runJson } from '../helpers/cli.js';
import { failed, pushImage, startRegistry, type StartedRegistry } from '../helpers/registry.js';
import { isBlobGet, startProxy, type StartedProxy } from '../helpers/registry-proxy.js';

/**
 * Redirects, cut connections and rate limits, made by small proxies in front of real registries:
 * one open, one with htpasswd auth behind TLS (for the redirect, so there is a credential to leak).
 */
const USER = 'tester';
const PASSWORD = 'hunter2';
let open: StartedRegistry;
let secured: StartedRegistry;
let expected: string[];
/** The largest blob of app:1 (its base layer), shared with app:2. */
let bigBlob: { digest: string; size: number };
const proxies: StartedProxy[] = [];

test.before(async () => {
  [open, secured] = await Promise.all([startRegistry(), startRegistry({ tls: true, htpasswd: { user: USER, password: PASSWORD } })]);
  for (const registry of [open, secured]) {
    const creds = registry === secured ? `${USER}:${PASSWORD}` : undefined;
    await pushImage(registry, 'oci:fixtures/oci:apt-1', 'app:1', { creds });
    await pushImage(registry, 'oci:fixtures/oci:apt-2', 'app:2', { creds });
  }
  const manifest = (await (await fetch(`${open.url}/v2/app/manifests/1`, { headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } })).json()) as {
    layers: Array<{ digest: string; size: number }>;
  };
  bigBlob = manifest.layers.reduce((big, layer) => (layer.size > big.size ? layer : big));
  expected = describeChanges((await runJson(['diff', 'oci:fixtures/oci:apt-1', 'oci:fixtures/oci:apt-2'])).report.changes);
});
test.after.always(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop()));
  await Promise.all([open?.stop(), secured?.stop()]);
});

const proxy = async (...args: Parameters<typeof startProxy>) => {
  const started = await startProxy(...args);
  proxies.push(started);
  return started;
};
const diffThrough = (host: string, ...flags: string[]) => runJson(['diff', `${host}/app:1`, `${host}/app:2`, ...flags]);
const changes = (report: JsonReport) => describeChanges(report.changes);

test('a redirect to another host gets the blob but never the Authorization header', async (t) => {
  // Blob storage on another loopback address: it holds its own access, as a signed URL would.
  const storageAuth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  const storage = await proxy(secured, {
    address: '127.0.0.2',
    intercept: (request, _response, forward) => forward({ headers: { ...request.headers, authorization: storageAuth } }),
  });
  const front = await proxy(secured, {
    intercept: (request, response, forward) => {
      if (!isBlobGet(request)) return forward();
      response.writeHead(307, { location: `${storage.url}${request.url ?? ''}` }).end();
    },
  });

  const { report } = await diffThrough(front.host, '--creds', `${USER}:${PASSWORD}`);

  t.deepEqual(changes(report), expected);
  t.true(front.seen.some((seen) => seen.headers.authorization !== undefined), 'the registry itself got the credentials');
  t.true(storage.seen.length > 0, 'blobs came from the other host');
  t.deepEqual(storage.seen.filter((seen) => seen.headers.authorization !== undefined), []);
});

test('a layer both images share is fetched no more often than for one image', async (t) => {
  const counting = await proxy(open);
  const fetches = () => counting.seen.filter((seen) => seen.path.endsWith(bigBlob.digest)).length;

  await runJson(['scan', `${counting.host}/app:2`]);
  const forOne = fetches();
  await diffThrough(counting.host);

  t.true(forOne > 0);
  t.is(fetches() - forOne, forOne);
});

test('a connection cut in the middle of a blob resumes with Range', async (t) => {
  let cut = false;
  const front = await proxy(open, {
    intercept: (request, response, forward) => {
      if (cut || !isBlobGet(request, bigBlob.digest)) return forward();
      cut = true;
      forward({ onResponse: (upstream, answer) => cutAfter(upstream, answer, 100_000) });
    },
  });

  const { report, run } = await diffThrough(front.host);

  t.deepEqual(changes(report), expected);
  // The layer is read by more than one walk round, but only the cut read asks for a range.
  const ranges = front.seen.filter((seen) => seen.path.endsWith(bigBlob.digest)).flatMap((seen) => seen.headers.range ?? []);
  t.is(ranges.length, 1);
  t.regex(ranges[0] ?? '', /^bytes=[1-9]\d*-$/);
  t.regex(run.stderr, new RegExp(`${bigBlob.digest}: connection cut after \\d+ bytes; resuming`));
});

test('a resumed blob is read again and skipped when the server ignores Range', async (t) => {
  let cut = false;
  const front = await proxy(open, {
    intercept: (request, response, forward) => {
      if (!isBlobGet(request, bigBlob.digest)) return forward();
      const { range: _dropped, ...headers } = request.headers;
      if (cut) return forward({ headers });
      cut = true;
      forward({ headers, onResponse: (upstream, answer) => cutAfter(upstream, answer, 300_000) });
    },
  });

  const { report } = await diffThrough(front.host);

  t.deepEqual(changes(report), expected);
  t.is(front.seen.filter((seen) => seen.headers.range !== undefined).length, 1, 'asked for the rest once, got all of it');
});

test('429 with Retry-After is waited out once, then the pull succeeds', async (t) => {
  let limited = false;
  const front = await proxy(open, {
    intercept: (request, response, forward) => {
      if (limited || !(request.url ?? '').includes('/manifests/')) return forward();
      limited = true;
      response.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}');
    },
  });

  const started = Date.now();
  const { report, run } = await diffThrough(front.host);

  t.deepEqual(changes(report), expected);
  t.regex(run.stderr, /answered 429; retrying in 1\.0s/);
  t.true(Date.now() - started >= 1000, 'Retry-After was honoured');
});

test('a registry that keeps answering 429 ends in a rate-limit error', async (t) => {
  const front = await proxy(open, {
    intercept: (request, response, forward) => {
      if (!(request.url ?? '').includes('/manifests/')) return forward();
      response.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}');
    },
  });

  const run = await runBin(['scan', `${front.host}/app:1`]);

  failed(t, run, /rate limited by the registry \(429\): slow down/);
});

/** Pass on the status and headers and `bytes` of the body, then drop the connection. */
function cutAfter(upstream: import('node:http').IncomingMessage, answer: import('node:http').ServerResponse, bytes: number): void {
  answer.writeHead(upstream.statusCode ?? 502, upstream.headers);
  let sent = 0;
  upstream.on('data', (chunk: Buffer) => {
    if (sent >= bytes) return;
    const part = chunk.subarray(0, bytes - sent);
    sent += part.length;
    answer.write(part, () => {
      if (sent >= bytes) {
        upstream.destroy();
        answer.socket?.destroy();
      }
    });
  });
}
