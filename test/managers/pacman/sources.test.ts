import test from 'ava';
import type { ExecutionContext } from 'ava';

import { parseConfig } from '../../../src/managers/pacman/conf.js';
import { registerRepos } from '../../../src/managers/pacman/register.js';
import { buildSources } from '../../../src/managers/pacman/sources.js';
import type { RuleId, Severity } from '../../../src/managers/types.js';
import { rootFromFiles } from '../../helpers/root.js';

const CONF = '/etc/pacman.conf';

function sources(text: string) {
  return buildSources(registerRepos(parseConfig(rootFromFiles({ [CONF]: text }), CONF)).repos);
}

const risks = test.macro({
  exec(t: ExecutionContext, global: string, repo: string, expected: Array<[RuleId, Severity]>) {
    const [source] = sources(
      `[options]\nSigLevel = ${global}\n[third]\nServer = https://x\n${repo}\n`,
    );
    t.deepEqual(
      source?.risks.map((risk) => [risk.rule, risk.severity]),
      expected,
    );
  },
  title: (_given, global: string, repo: string) =>
    `risks for [options] ${global} and ${repo || 'nothing'}`,
});

test(risks, 'Required DatabaseOptional', '', []);
test(risks, 'Never', '', [['signature-check-disabled', 'critical']]);
test(risks, 'Required', 'SigLevel = PackageNever', [['signature-check-disabled', 'critical']]);
test(risks, 'Required', 'SigLevel = Optional TrustAll', [['signature-check-disabled', 'high']]);
test(risks, 'Required', 'SigLevel = TrustAll', [['insecure-setting', 'medium']]);
test(risks, 'Required', 'SigLevel = DatabaseNever', [
  ['metadata-signature-check-disabled', 'info'],
]);
test(risks, 'Required', 'Server = https://u:p@x/$repo', [['credentials-in-uri', 'low']]);
test(risks, 'Never', 'Usage = Sync Search', []);

test('one Source per repository, named by it, with redacted servers', (t) => {
  const [source] = sources(
    '[options]\nSigLevel = Required\n[core]\nServer = https://u:secret@m/$repo\n',
  );
  t.like(source, {
    kind: 'source',
    manager: 'pacman',
    path: CONF,
    id: 'core',
    matchKeys: ['pacman|core'],
    uris: ['https://***@m/core'],
    enabled: true,
    signedBy: null,
  });
  t.deepEqual(source?.fields, {
    servers: ['https://***@m/core'],
    cacheServers: [],
    sigLevel: {
      package: 'required',
      packageTrust: 'trustedOnly',
      database: 'required',
      databaseTrust: 'trustedOnly',
    },
    usage: ['All'],
    includes: [],
  });
  t.false(JSON.stringify(source).includes('secret'));
});

test('a repository listed before [core] may replace its packages', (t) => {
  const list = sources('[options]\nSigLevel = Required\n[mine]\n[core]\n[extra]\n[later]\n');
  t.deepEqual(
    list.map((source) => [source.id, source.risks.map((risk) => risk.rule)]),
    [
      ['mine', ['insecure-setting']],
      ['core', []],
      ['extra', []],
      ['later', []],
    ],
  );
  t.regex(list[0]?.risks[0]?.message ?? '', /before \[core\]/);
});

test('without Arch repositories the order is not judged', (t) => {
  const list = sources('[options]\nSigLevel = Required\n[a]\n[b]\n');
  t.deepEqual(
    list.flatMap((source) => source.risks),
    [],
  );
});

test('a repository used only for search is disabled', (t) => {
  const [source] = sources('[options]\nSigLevel = Required\n[s]\nUsage = Sync Search\n');
  t.false(source?.enabled);
});
