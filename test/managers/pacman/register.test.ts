import test from 'ava';

import { parseConfig } from '../../../src/managers/pacman/conf.js';
import { registerRepos } from '../../../src/managers/pacman/register.js';
import { rootFromFiles } from '../../helpers/root.js';

const CONF = '/etc/pacman.conf';

function register(text: string) {
  return registerRepos(parseConfig(rootFromFiles({ [CONF]: text }), CONF));
}

test('substitutes $arch then $repo, every occurrence', (t) => {
  const { repos } = register(
    '[options]\nArchitecture = aarch64\n[core]\nServer = http://m/$repo/$arch/$repo\n',
  );
  t.deepEqual(repos[0]?.servers, ['http://m/core/aarch64/core']);
});

test('Architecture = auto leaves $arch as written', (t) => {
  const { repos, failed } = register(
    '[options]\nArchitecture = auto\n[core]\nServer = http://m/$arch\n',
  );
  t.false(failed);
  t.deepEqual(repos[0]?.servers, ['http://m/$arch']);
});

test('$arch without Architecture makes pacman refuse the configuration', (t) => {
  const result = register('[core]\nServer = http://ok\n[extra]\nCacheServer = http://m/$arch\n');
  t.true(result.failed);
  t.deepEqual(result.repos, []);
  t.deepEqual(
    result.problems.map((p) => p.line),
    [3],
  );
});

test('keeps the first of a repeated name and refuses reserved or malformed names', (t) => {
  const { repos, problems } = register(
    '[core]\nServer = a\n[local]\n[a/b]\n[]\n[core]\nServer = b\n[extra]\n',
  );
  t.deepEqual(
    repos.map((repo) => [repo.section.name, repo.order, repo.servers]),
    [
      ['core', 0, ['a']],
      ['extra', 1, []],
    ],
  );
  t.deepEqual(
    problems.map((p) => p.line),
    [3, 4, 5, 6],
  );
  t.regex(problems[3]?.message ?? '', /repository 'core' is defined again/);
});

test('Usage defaults to All', (t) => {
  const { repos } = register('[core]\n[other]\nUsage = Search\n');
  t.deepEqual(
    repos.map((repo) => repo.usage),
    [['All'], ['Search']],
  );
});
