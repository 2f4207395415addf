import test, { type ExecutionContext } from 'ava';

import { leadingInteger, parseCWord, parseQuoteWord, percentDecode, stringToBool } from '../../../src/managers/apt/words.js';

const quoteWord = test.macro({
  exec(t: ExecutionContext, input: string, expected: [string, string] | null) {
    const word = parseQuoteWord(input, 0);
    t.deepEqual(word === null ? null : [word.word, input.slice(word.next)], expected);
  },
  title: (_name, input: string) => `ParseQuoteWord ${JSON.stringify(input).replaceAll(' ', '␠')}`,
});

test(quoteWord, 'deb http://x', ['deb', 'http://x']);
test(quoteWord, 'word\t\t rest', ['word', 'rest']);
test(quoteWord, '"a b" c', ['a b', 'c']);
test(quoteWord, 'pre"fix mid"post tail', ['prefix midpost', 'tail']);
test(quoteWord, 'cdrom:[Label With Spaces]/ x', ['cdrom:[Label With Spaces]/', 'x']);
test(quoteWord, 'evil%2eexample', ['evil.example', '']);
test(quoteWord, '%c3%a9t%C3%A9', ['été', '']);
test(quoteWord, '%2', ['%2', '']);
test(quoteWord, '%zz', ['%zz', '']);
test(quoteWord, '%22quoted%22', ['"quoted"', '']);
test(quoteWord, '"unclosed', null);
test(quoteWord, '[unclosed', null);
test(quoteWord, '', null);
test(quoteWord, '   ', null);

const cWord = test.macro({
  exec(t: ExecutionContext, input: string, expected: string | null) {
    t.is(parseCWord(input, 0)?.word ?? null, expected);
  },
  title: (_name, input: string) => `ParseCWord ${JSON.stringify(input).replaceAll(' ', '␠')}`,
});

test(cWord, '"value"', 'value');
test(cWord, '"a" "b"', 'a b');
test(cWord, '"a"   "b"', 'a b');
test(cWord, '"%41"', '%41');
test(cWord, 'bare', null);
test(cWord, '"a" b', null);
test(cWord, '"open', null);

const bool = test.macro({
  exec(t: ExecutionContext, input: string, fallback: number, expected: number) {
    t.is(stringToBool(input, fallback), expected);
  },
  title: (_name, input: string, fallback: number) => `StringToBool ${JSON.stringify(input).replaceAll(' ', '␠')} (default ${fallback})`,
});

for (const word of ['yes', 'TRUE', 'with', 'On', 'enable', '1', '0x1', ' 1']) test(bool, word, -1, 1);
for (const word of ['no', 'False', 'without', 'off', 'DISABLE', '0', '00', '', '-0']) test(bool, word, -1, 0);
for (const word of ['nope', '2', 'yes ', '1x', '08', ' ']) test(bool, word, -1, -1);
test(bool, 'garbage', 0, 0);

test('percentDecode can drop raw quotes but keeps decoded ones', (t) => {
  t.is(percentDecode('"a%22b"', true), 'a"b');
  t.is(percentDecode('"a%22b"'), '"a"b"');
});

test('leadingInteger reads like strtol', (t) => {
  t.deepEqual(['500', ' -7x', 'abc', '', '+3'].map(leadingInteger), [500, -7, 0, 0, 3]);
});
