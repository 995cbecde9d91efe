/**
 * Writes src/core/accounts/common-passwords.ts, the list of common passwords the password policy
 * refuses (NIST SP 800-63B asks for such a check).
 *
 * Source: the npm package @zxcvbn-ts/language-common, version 4.1.3, file src/passwords.json: about
 * 49,000 passwords ranked from most to least common, gathered by the zxcvbn project from public
 * password leaks. Licence: MIT, "Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.; Copyright
 * (c) 2021 @zxcvbn-ts". The licence text is copied from the package into the generated module,
 * as the MIT licence asks.
 *
 * What it keeps: the TOP_ENTRIES most common passwords, folded to NFC lower case, less the ones the
 * policy could never match (see commonPasswordEntryCanMatch). The file's checksum is pinned, so a
 * changed source fails loudly instead of changing the list quietly; the output depends only on that
 * file, so running the script again writes the same bytes.
 *
 * Usage (the package is not a dependency; the script fetches its tarball with `npm pack`):
 *   npx tsx scripts/common-passwords/generate.ts [path/to/zxcvbn-ts-language-common-4.1.3.tgz]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCommonPasswordsModule, selectCommonPasswords } from './common-password-module.ts';

const SOURCE_PACKAGE = '@zxcvbn-ts/language-common';
const SOURCE_VERSION = '4.1.3';
const SOURCE_FILE = 'package/src/passwords.json';
const SOURCE_LICENCE_FILE = 'package/LICENSE.txt';
const SOURCE_SHA256 = 'f422773d94d630f27e08b26d7017e847bb1feb2a84809340e9c0b0c47b33e3f1';
const TOP_ENTRIES = 20_000;

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const outputPath = join(repoRoot, 'src/core/accounts/common-passwords.ts');

function sourceTarball(workDir: string): string {
  const given = process.argv[2];
  if (given !== undefined) return resolve(given);
  execFileSync(
    'npm',
    ['pack', `${SOURCE_PACKAGE}@${SOURCE_VERSION}`, '--pack-destination', workDir],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const tarball = readdirSync(workDir).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('common passwords: npm pack wrote no tarball');
  return join(workDir, tarball);
}

const workDir = mkdtempSync(join(tmpdir(), 'attune-common-passwords-'));
try {
  const tarball = sourceTarball(workDir);
  execFileSync('tar', ['-xzf', tarball, '-C', workDir, SOURCE_FILE, SOURCE_LICENCE_FILE]);
  const bytes = readFileSync(join(workDir, SOURCE_FILE));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== SOURCE_SHA256) {
    throw new Error(
      `common passwords: ${SOURCE_FILE} has sha256 ${sha256}, expected ${SOURCE_SHA256}`,
    );
  }
  const ranked: unknown = JSON.parse(bytes.toString('utf8'));
  if (
    !Array.isArray(ranked) ||
    !ranked.every((entry): entry is string => typeof entry === 'string')
  ) {
    throw new Error(`common passwords: ${SOURCE_FILE} is not a list of strings`);
  }
  const entries = selectCommonPasswords(ranked, TOP_ENTRIES);
  const text = renderCommonPasswordsModule(entries, {
    description: [
      `Source: npm ${SOURCE_PACKAGE} ${SOURCE_VERSION}, ${SOURCE_FILE.replace('package/', '')}`,
      `(sha256 ${SOURCE_SHA256}), ranked most common first.`,
      `Kept: the ${TOP_ENTRIES} most common, less those the password policy could never match.`,
    ],
    licenceText: readFileSync(join(workDir, SOURCE_LICENCE_FILE), 'utf8'),
  });
  writeFileSync(outputPath, text);
  console.log(`common passwords: wrote ${entries.length} entries to ${outputPath}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
