import test from 'ava';
import type { ExecutionContext } from 'ava';

import {
  applySigLevel,
  DEFAULT_GLOBAL,
  describeSigLevel,
  mergeSigLevel,
  USE_GLOBAL,
} from '../../../src/managers/pacman/siglevel.js';
import type { EffectiveSigLevel, SigLevelState } from '../../../src/managers/pacman/siglevel.js';

function apply(line: string, start: SigLevelState): SigLevelState {
  const result = applySigLevel(line.split(' ').filter(Boolean), start);
  if (!result.ok) throw new Error(`unexpected invalid token ${result.token}`);
  return result.state;
}

const level = (
  pkg: string,
  pkgTrust: string | null,
  db: string,
  dbTrust: string | null,
): EffectiveSigLevel => ({
  package: pkg as EffectiveSigLevel['package'],
  packageTrust: pkgTrust as EffectiveSigLevel['packageTrust'],
  database: db as EffectiveSigLevel['database'],
  databaseTrust: dbTrust as EffectiveSigLevel['databaseTrust'],
});

const effective = test.macro({
  exec(t: ExecutionContext, global: string, repo: string | null, expected: EffectiveSigLevel) {
    const globalState = apply(global, DEFAULT_GLOBAL);
    const repoState = repo === null ? USE_GLOBAL : apply(repo, USE_GLOBAL);
    t.deepEqual(describeSigLevel(mergeSigLevel(globalState, repoState)), expected);
  },
  title: (_given, global: string, repo: string | null) =>
    `[options] '${global}', repo '${repo ?? '(none)'}'`,
});

test(effective, '', null, level('optional', 'trustedOnly', 'optional', 'trustedOnly'));
test(
  effective,
  'Required DatabaseOptional',
  null,
  level('required', 'trustedOnly', 'optional', 'trustedOnly'),
);
test(effective, 'Never', null, level('never', null, 'never', null));
test(effective, 'Never', 'PackageRequired', level('required', 'trustedOnly', 'never', null));
test(
  effective,
  'Required',
  'Optional TrustAll',
  level('optional', 'trustAll', 'optional', 'trustAll'),
);
test(
  effective,
  'Required TrustAll',
  'TrustedOnly',
  level('required', 'trustedOnly', 'required', 'trustedOnly'),
);
test(
  effective,
  'Required',
  'PackageNever DatabaseTrustAll',
  level('never', null, 'required', 'trustAll'),
);
test(
  effective,
  'PackageNever',
  'PackageOptional',
  level('optional', 'trustedOnly', 'optional', 'trustedOnly'),
);
test(
  effective,
  'Optional Required',
  null,
  level('required', 'trustedOnly', 'required', 'trustedOnly'),
);
test(
  effective,
  'DatabaseNever Optional',
  null,
  level('optional', 'trustedOnly', 'optional', 'trustedOnly'),
);

test('a repo line without tokens keeps using the global level', (t) => {
  const global = apply('Required', DEFAULT_GLOBAL);
  t.is(mergeSigLevel(global, apply('', USE_GLOBAL)), global.level);
});

test('an unknown token is reported as written', (t) => {
  t.deepEqual(applySigLevel(['Required', 'PackageSometimes'], DEFAULT_GLOBAL), {
    ok: false,
    token: 'PackageSometimes',
  });
});

test('names are case-sensitive', (t) => {
  t.deepEqual(applySigLevel(['never'], DEFAULT_GLOBAL), { ok: false, token: 'never' });
});
