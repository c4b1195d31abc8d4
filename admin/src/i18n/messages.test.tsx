import { describe, expect, it } from 'vitest';
import { en } from './en/index.ts';
import { assemble, type Dictionary } from './messages.ts';
import { zh } from './zh/index.ts';

// Every feature file of each language, as modules: { [exported name]: its messages }.
const zhFiles = import.meta.glob<Record<string, Dictionary>>(['./zh/*.ts', '!./zh/index.ts'], { eager: true });
const enFiles = import.meta.glob<Record<string, Dictionary>>(['./en/*.ts', '!./en/index.ts'], { eager: true });
const names = (files: object, lang: string) => Object.keys(files).map((file) => file.replace(`./${lang}/`, ''));

/** Each message's key (its dotted path) with the placeholders it fills in, which a translation must keep. */
function shape(dictionary: object, path = ''): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(dictionary as Dictionary).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[path + key, [...new Set(value.match(/%\{\w+\}/g))].sort()]]
        : Object.entries(shape(value, `${path}${key}.`)),
    ),
  );
}

/**
 * tsc holds each en/<feature>.ts to the keys of zh/<feature>.ts; this holds them as they run, placeholders included,
 * together with react-admin's own messages (zh/ra.ts against ra-language-english) and the files themselves.
 */
describe('the Chinese and English dictionaries', () => {
  it('have the same files, each exporting the same names', () => {
    expect(names(enFiles, 'en').sort()).toEqual(names(zhFiles, 'zh').sort());
    for (const file of names(zhFiles, 'zh'))
      expect(Object.keys(enFiles[`./en/${file}`]!).sort(), file).toEqual(Object.keys(zhFiles[`./zh/${file}`]!).sort());
  });

  it.each(names(zhFiles, 'zh'))('%s: the same keys, each with the same placeholders', (file) => {
    for (const [name, messages] of Object.entries(zhFiles[`./zh/${file}`]!))
      expect(shape(enFiles[`./en/${file}`]![name]!), `${file}: ${name}`).toEqual(shape(messages));
  });

  it('assembled for react-admin, the same keys too', () => {
    expect(shape(en)).toEqual(shape(zh));
    expect(zh.resources.cases.fields.state).toBe('阶段');
    expect(en.guanai.problems['capacity-exhausted']).toMatch(/places or money/);
  });
});

describe('assembling the features', () => {
  it('merges the branches they share, and copies rather than shares a feature’s objects', () => {
    const labels = { LOW: '轻' };
    const tree = assemble(
      { guanai: { problems: { forbidden: '无权' }, severities: labels } },
      { guanai: { problems: { closed: '已关闭' } } },
    );
    expect(tree).toEqual({ guanai: { problems: { forbidden: '无权', closed: '已关闭' }, severities: { LOW: '轻' } } });
    expect(tree.guanai.severities).not.toBe(labels);
  });

  it('refuses two features giving the same key, which would hide one of them', () => {
    expect(() =>
      assemble({ guanai: { problems: { closed: '已结案' } } }, { guanai: { problems: { closed: '已关闭' } } }),
    ).toThrow('guanai.problems.closed');
    expect(() => assemble({ guanai: { sla: '时限' } }, { guanai: { sla: { title: 'SLA' } } })).toThrow('guanai.sla');
  });
});
