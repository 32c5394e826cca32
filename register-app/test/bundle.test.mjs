import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'acorn';
import { build } from '../build.mjs';

const bundle = readFileSync(new URL('../bundle.js', import.meta.url), 'utf8');

test('bundle.js is the build of src/', () => {
  assert.equal(bundle, build(), 'run node register-app/build.mjs');
});

test('bundle.js parses as ES2017, what older registers run', () => {
  assert.doesNotThrow(() => parse(bundle, { ecmaVersion: 2017, sourceType: 'script' }));
});

test('bundle.js stays small', () => {
  // four languages of texts, Cyrillic two bytes a letter: 72 KiB, still one small request at a register's start
  assert.ok(Buffer.byteLength(bundle) < 72 * 1024, `${Buffer.byteLength(bundle)} bytes`);
});

test('no source file over 400 lines: one window or one concern each', () => {
  const sources = new URL('../src/', import.meta.url);
  for (const file of readdirSync(sources)) {
    const lines = readFileSync(new URL(file, sources), 'utf8').split('\n').length;
    assert.ok(lines <= 400, `${file}: ${lines} lines`);
  }
});
