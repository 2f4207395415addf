import { InvalidValue } from './values.js';

const URL_SCHEMES = ['http', 'ftp', 'file', 'https'];
const PROXY_SCHEMES = ['http', 'ftp', 'https', 'socks4', 'socks4a', 'socks5', 'socks5h'];

/** UrlOption (yum/config.py): trimmed, and the scheme must be http, ftp, file or https. */
export function parseYum3Url(value: string, schemes = URL_SCHEMES): string {
  const url = value.trim();
  if (url.toLowerCase() === '_none_') throw new InvalidValue('"_none_" is not a valid value');
  const scheme = schemeOf(url);
  if (!schemes.includes(scheme))
    throw new InvalidValue(`URL must be ${schemes.join(', ')} not "${scheme}"`);
  return url;
}

/** ProxyOption: `_none_` means no proxy, `libproxy` asks libproxy, else a proxy URL. */
export function parseYum3Proxy(value: string): string | null {
  const word = value.trim().toLowerCase();
  if (word === 'libproxy') return 'libproxy';
  if (word === '_none_') return null;
  return parseYum3Url(value, PROXY_SCHEMES);
}

/**
 * UrlListOption: commas and newlines are spaces, shlex splits (quotes group, a space inside
 * becomes %20), then every item must be a valid URL.
 * TODO(yum3-glob): expand `glob:/dir/*.conf` items (each non-comment line of those files);
 * they are dropped for now.
 */
export function parseYum3UrlList(value: string): string[] {
  const words = shlexSplit(value.replace(/[\n,]/g, ' ')).map((word) => word.replace(/ /g, '%20'));
  return words.filter((word) => !word.startsWith('glob:')).map((word) => parseYum3Url(word));
}

/** Python 2.7 urlparse: the text before the first `:` if it is scheme characters and no port. */
function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  if (colon <= 0) return '';
  const candidate = url.slice(0, colon);
  if (!/^[A-Za-z0-9+.-]+$/.test(candidate)) return '';
  const rest = url.slice(colon + 1);
  if (candidate !== 'http' && rest !== '' && /^[0-9]+$/.test(rest)) return '';
  return candidate.toLowerCase();
}

/** shlex.split in POSIX mode: blanks separate words, quotes group, a backslash escapes. */
function shlexSplit(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (quote === "'") {
      if (char === "'") quote = null;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === '\\' && '\\"$`\n'.includes(text[index + 1] ?? ''))
        word += text[++index] ?? '';
      else word += char;
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else if (char === '\\') {
      if (index + 1 >= text.length) throw new InvalidValue('No escaped character');
      word = (word ?? '') + (text[++index] ?? '');
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote !== null) throw new InvalidValue('No closing quotation');
  if (word !== null) words.push(word);
  return words;
}
