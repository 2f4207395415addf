import test from 'ava';
import type { ExecutionContext } from 'ava';

import { formatImageName, type ImageName, parseImageName } from '../../src/image/image-name.js';
import { parseReference } from '../../src/image/reference.js';
import { parseChallenges } from '../../src/registry/challenge.js';
import { endpointFor, isLoopback } from '../../src/registry/endpoint.js';
import { Backoff, parseRetryAfter } from '../../src/registry/retry.js';
import { looksLikeRegistryReference } from '../../src/registry/source.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

const parses = test.macro({
  exec(t: ExecutionContext, text: string, expected: ImageName) {
    t.deepEqual(parseImageName(text), expected);
  },
  title: (given, text: string) => given ?? `parses ${text}`,
});
const name = (domain: string, repository: string, tag: string | undefined, digest?: string): ImageName => ({ domain, repository, tag, digest });

test(parses, 'debian', name('docker.io', 'library/debian', 'latest'));
test(parses, 'debian:12', name('docker.io', 'library/debian', '12'));
test(parses, 'team/app:v1.2_rc-3', name('docker.io', 'team/app', 'v1.2_rc-3'));
test(parses, 'docker.io/debian', name('docker.io', 'library/debian', 'latest'));
test(parses, 'index.docker.io/library/debian', name('docker.io', 'library/debian', 'latest'));
test(parses, 'registry-1.docker.io/team/app', name('docker.io', 'team/app', 'latest'));
test(parses, 'ghcr.io/org/app:1.5', name('ghcr.io', 'org/app', '1.5'));
test(parses, 'localhost/app', name('localhost', 'app', 'latest'));
test(parses, 'localhost:5000/app:dev', name('localhost:5000', 'app', 'dev'));
test(parses, '127.0.0.1:5000/a/b/c', name('127.0.0.1:5000', 'a/b/c', 'latest'));
test(parses, 'registry.corp:5000/team/app@' + DIGEST, name('registry.corp:5000', 'team/app', undefined, DIGEST));
test('a tag and a digest: the digest decides', parses, `debian:12@${DIGEST}`, name('docker.io', 'library/debian', '12', DIGEST));
test(parses, '[::1]:5000/app:1', name('[::1]:5000', 'app', '1'));
test(parses, '[fe80::1]/app', name('[fe80::1]', 'app', 'latest'));
test('a capitalised first component is a domain', parses, 'Registry/app', name('Registry', 'app', 'latest'));
test('separators inside components', parses, 'a__b/c-d.e--f:x', name('docker.io', 'a__b/c-d.e--f', 'x'));

const rejects = test.macro({
  exec(t: ExecutionContext, text: string) {
    t.is(parseImageName(text), undefined);
  },
  title: (given, text: string) => given ?? `rejects ${JSON.stringify(text)}`,
});

test(rejects, '');
test(rejects, 'Debian');
test(rejects, 'team/App');
test(rejects, 'app:');
test(rejects, 'app:-tag');
test(rejects, `app:${'x'.repeat(129)}`);
test(rejects, 'app@sha256:abc');
test(rejects, 'app@' + DIGEST.toUpperCase().replace('SHA256', '256'));
test(rejects, '/abs/path');
test(rejects, './layout');
test(rejects, 'a//b');
test(rejects, 'a/_b');
test(rejects, 'dir:/var/lib/x');
test(rejects, 'ftp://example.com/a.tar');
test(rejects, 'host:port/app');
test(rejects, `${'a'.repeat(256)}`);

test('formatImageName gives the fully qualified form back', (t) => {
  for (const text of ['debian', 'debian:12', `[::1]:5000/app@${DIGEST}`, `ghcr.io/o/a:1@${DIGEST}`]) {
    const parsed = parseImageName(text);
    t.deepEqual(parsed === undefined ? undefined : parseImageName(formatImageName(parsed)), parsed);
  }
  t.is(formatImageName(name('docker.io', 'library/debian', 'latest')), 'docker.io/library/debian:latest');
});

test('bare names that are not paths are registry references; archives names are not', (t) => {
  t.true(looksLikeRegistryReference('debian:12'));
  t.true(looksLikeRegistryReference('localhost:5000/app:1'));
  t.true(looksLikeRegistryReference('[::1]:5000/app:1'));
  t.false(looksLikeRegistryReference('images/old.tar'));
  t.false(looksLikeRegistryReference('old.tar:v2'));
  t.false(looksLikeRegistryReference('./layout'));
});

test('host:port references are not mistaken for transports', (t) => {
  for (const raw of ['localhost:5000/app:1', 'myregistry:5000/app', '127.0.0.1:5000/app:1', '[::1]:5000/app']) {
    t.is(parseReference(raw).transport, 'path', raw);
  }
  t.throws(() => parseReference('myregistry:port/app'), { message: /unknown transport/ });
});

test('loopback hosts may use plain http; others only with --insecure', (t) => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '[::1]', 'a.localhost']) t.true(isLoopback(host), host);
  for (const host of ['128.0.0.1', 'example.com', '[::2]', 'localhost.example.com']) t.false(isLoopback(host), host);
  t.like(endpointFor('[::1]:5000', {}), { allowHttp: true, skipVerify: false, apiHost: '[::1]:5000' });
  t.like(endpointFor('ghcr.io', {}), { allowHttp: false, skipVerify: false, ca: undefined });
  t.like(endpointFor('ghcr.io', { insecure: true }), { allowHttp: true, skipVerify: true });
  t.like(endpointFor('docker.io', {}), { registry: 'docker.io', apiHost: 'registry-1.docker.io' });
});

test('WWW-Authenticate challenges, quoted commas and several schemes', (t) => {
  t.deepEqual(parseChallenges('Bearer realm="https://auth.example/token",service="reg",scope="repository:a/b:pull,push"'), [
    { scheme: 'bearer', params: { realm: 'https://auth.example/token', service: 'reg', scope: 'repository:a/b:pull,push' } },
  ]);
  t.deepEqual(parseChallenges(['Basic realm="x y"', 'Bearer realm=https://t,service=s']), [
    { scheme: 'basic', params: { realm: 'x y' } },
    { scheme: 'bearer', params: { realm: 'https://t', service: 's' } },
  ]);
  t.deepEqual(parseChallenges(undefined), []);
});

test('Retry-After in seconds or as a date, and a backoff that gives up', (t) => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  t.is(parseRetryAfter('3', now), 3000);
  t.is(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now), 10_000);
  t.is(parseRetryAfter('soon', now), undefined);
  t.is(parseRetryAfter(undefined, now), undefined);

  const backoff = new Backoff({ attempts: 4, baseDelayMs: 100, maxDelayMs: 250, totalWaitMs: 1000 });
  t.deepEqual([backoff.next(), backoff.next(), backoff.next(), backoff.next()], [100, 200, 250, undefined]);
  const capped = new Backoff({ attempts: 10, baseDelayMs: 100, maxDelayMs: 5000, totalWaitMs: 1000 });
  t.is(capped.next('60'), undefined, 'a Retry-After past the cap is not waited for');
});
