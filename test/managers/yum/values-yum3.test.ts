import test from 'ava';

import { InvalidValue } from '../../../src/managers/yum/values.js';
import {
  parseYum3Proxy,
  parseYum3Url,
  parseYum3UrlList,
} from '../../../src/managers/yum/values-yum3.js';

const urlList = test.macro({
  exec(t, input: string, expected: string[] | 'invalid') {
    if (expected === 'invalid')
      t.throws(() => parseYum3UrlList(input), { instanceOf: InvalidValue });
    else t.deepEqual(parseYum3UrlList(input), expected);
  },
  title: (_ = '', input: string) => `yum 3 URL list ${JSON.stringify(input)}`,
});

test(urlList, 'http://a/ https://b/,ftp://c/\n file:///d', [
  'http://a/',
  'https://b/',
  'ftp://c/',
  'file:///d',
]);
test(urlList, '"http://a/with space/"', ['http://a/with%20space/']);
test(urlList, "'http://a/'", ['http://a/']);
test(urlList, 'HTTP://a/', ['HTTP://a/']);
test(urlList, '/srv/repo', 'invalid');
test(urlList, 'rsync://a/', 'invalid');
test(urlList, '"http://a/', 'invalid');
test(urlList, 'glob:/etc/yum/urls.d/*.conf http://a/', ['http://a/']);

test('a URL option must have an allowed scheme and no _none_', (t) => {
  t.is(parseYum3Url(' http://m/ '), 'http://m/');
  t.throws(() => parseYum3Url(''), { instanceOf: InvalidValue });
  t.throws(() => parseYum3Url('_none_'), { instanceOf: InvalidValue });
  t.throws(() => parseYum3Url('host:8080'), { instanceOf: InvalidValue });
});

test('proxy accepts _none_, libproxy and socks URLs', (t) => {
  t.is(parseYum3Proxy('_NONE_'), null);
  t.is(parseYum3Proxy('libproxy'), 'libproxy');
  t.is(parseYum3Proxy('socks5h://p:1080'), 'socks5h://p:1080');
  t.throws(() => parseYum3Proxy('file:///p'), { instanceOf: InvalidValue });
});
