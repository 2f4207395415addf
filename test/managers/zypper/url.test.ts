import test from 'ava';

import {
  expandUrl,
  queryParams,
  redactZyppUrl,
  zyppUrlHasCredentials,
} from '../../../src/managers/zypper/url.js';

test('query parameters are decoded; the last of a name wins', (t) => {
  t.deepEqual(
    Object.fromEntries(queryParams('https://h/r?ssl_verify=no&proxy=p%2Eexample&proxy=q#frag')),
    {
      ssl_verify: 'no',
      proxy: 'q',
    },
  );
  t.deepEqual([...queryParams('https://h/r')], []);
});

test('user, password, proxyuser and proxypass never show', (t) => {
  t.is(
    redactZyppUrl('https://u:p@h/r?proxyuser=bob&proxypass=secret&x=1'),
    'https://***@h/r?proxyuser=***&proxypass=***&x=1',
  );
  t.true(zyppUrlHasCredentials('https://h/r?proxypass=secret'));
  t.true(zyppUrlHasCredentials('https://u:p@h/r'));
  t.false(zyppUrlHasCredentials('https://h/r?credentials=mycreds'));
});

test('variables are not expanded in the user part', (t) => {
  const lookup = (name: string): string | undefined => ({ user: 'X', host: 'h.example' })[name];
  t.deepEqual(expandUrl('https://$user:pw@$host/$user', lookup), {
    value: 'https://$user:pw@h.example/X',
    raw: 'https://$user:pw@$host/$user',
  });
});
