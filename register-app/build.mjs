// Builds bundle.js, the one file Poster loads, from the modules in src/: their imports and exports are dropped and
// their code joined, in the order below, inside one function; comments and indentation go, so the file stays small.
// No network and no dependency: `node build.mjs`. `--check` fails when bundle.js is not the build of src/.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const MODULES = ['texts-en', 'texts-ua', 'texts-ru', 'texts-pl', 'i18n', 'format', 'flow', 'statuses', 'store', 'api', 'outbox', 'returns', 'views', 'session', 'attempts',
  'guest', 'redeem', 'pay', 'app'];
const HEADER = `/*
 * inCust for Poster: the register app. Poster loads this one file into every register (web, Windows, Android, iOS)
 * and runs it next to its own screens; it reaches the checkout orchestrator through Poster.makeRequest, which signs
 * every request. Built from register-app/src by \`node register-app/build.mjs\`: change the sources, not this file.
 */
`;

export function build() {
  const declared = new Map();
  const parts = MODULES.map((name) => {
    const source = readFileSync(join(here, 'src', name + '.mjs'), 'utf8');
    const code = source
      .replace(/^import[\s\S]*?from\s+'[^']+';\n/gm, '')
      .replace(/^export (var|function|const|let) /gm, '$1 ');
    for (const match of code.matchAll(/^(?:var|function|const|let) ([A-Za-z_$][\w$]*)/gm)) {
      if (declared.has(match[1])) {
        throw new Error(`${match[1]} is declared in ${declared.get(match[1])} and in ${name}: one name, one module`);
      }
      declared.set(match[1], name);
    }
    return compact(code);
  });
  return HEADER + "(function () {\n'use strict';\n" + parts.join('\n') + '\n}());\n';
}

/** Drops whole-line comments, comment blocks and indentation; code lines stay as written. */
function compact(code) {
  return code
    .replace(/^\s*\/\*[\s\S]*?\*\/\s*$/gm, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bundle = build();
  const target = join(here, 'bundle.js');
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== bundle) {
      console.error('register-app/bundle.js is not the build of register-app/src: run node register-app/build.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(target, bundle);
    console.log(`register-app/bundle.js: ${bundle.length} characters from ${MODULES.length} modules`);
  }
}
