import { describe, expect, it } from 'vitest';
import { deriveSchema, isVisible, layoutProblems } from './schema.ts';
import type { FormLayout } from './types.ts';

const yes = { zh: '是', en: 'Yes' };
const layout: FormLayout = {
  sections: [
    {
      title: { zh: '基本情况', en: 'Circumstances' },
      fields: [
        {
          name: 'housing',
          widget: 'select',
          label: { zh: '住房状况', en: 'Housing' },
          required: true,
          choices: {
            options: [
              { value: 'OWN', label: { zh: '自有住房', en: 'Own home' } },
              { value: 'NONE', label: { zh: '无固定住所', en: 'No fixed abode' } },
            ],
          },
        },
        { name: 'hasCarer', widget: 'boolean', label: { zh: '是否有照料人', en: 'Has a carer' } },
        {
          name: 'carerName',
          widget: 'text',
          label: { zh: '照料人姓名', en: 'Carer' },
          required: true,
          visibleIf: { field: 'hasCarer', equals: true },
        },
        {
          name: 'needs',
          widget: 'multiselect',
          label: { zh: '需求类别', en: 'Needs' },
          choices: { vocabulary: 'NEED_CATEGORIES' },
          visibleIf: { field: 'housing', equals: 'NONE' },
        },
        { name: 'income', widget: 'number', label: yes, min: 0, max: 100000 },
        { name: 'since', widget: 'date', label: yes },
      ],
    },
  ],
};

describe('deriveSchema', () => {
  const schema = deriveSchema(layout);

  it('gives each widget its JSON type and the choices their values', () => {
    expect(schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: {
        housing: { type: 'string', enum: ['OWN', 'NONE'], title: '住房状况' },
        hasCarer: { type: 'boolean' },
        carerName: { type: 'string', minLength: 1, maxLength: 500 },
        needs: { type: 'array', uniqueItems: true, items: { enum: expect.arrayContaining(['MEDICAL', 'HOUSING']) } },
        income: { type: 'number', minimum: 0, maximum: 100000 },
        since: { type: 'string', format: 'date' },
      },
    });
  });

  it('requires only the unconditional required fields outright', () => {
    expect(schema.required).toEqual(['housing']);
  });

  it('requires a conditional required field while its condition holds and forbids it otherwise', () => {
    expect(schema.allOf).toEqual([
      {
        if: { properties: { hasCarer: { const: true } }, required: ['hasCarer'] },
        then: { required: ['carerName'] },
        else: { properties: { carerName: false } },
      },
      {
        if: { properties: { housing: { const: 'NONE' } }, required: ['housing'] },
        then: {},
        else: { properties: { needs: false } },
      },
    ]);
  });

  it('has no allOf without conditions', () => {
    expect(deriveSchema({ sections: [{ title: yes, fields: [layout.sections[0]!.fields[0]!] }] })).not.toHaveProperty(
      'allOf',
    );
  });
});

describe('isVisible', () => {
  const carer = layout.sections[0]!.fields[2]!;
  it('shows a conditional field only while the condition holds', () => {
    expect(isVisible(carer, { hasCarer: true })).toBe(true);
    expect(isVisible(carer, { hasCarer: false })).toBe(false);
    expect(isVisible(carer, {})).toBe(false);
  });
});

describe('layoutProblems', () => {
  it('accepts a sound layout', () => {
    expect(layoutProblems(layout)).toEqual([]);
  });

  it('names repeated names, selects without choices and conditions on later or unknown values', () => {
    const bad: FormLayout = {
      sections: [
        {
          title: yes,
          fields: [
            { name: 'a', widget: 'text', label: yes, visibleIf: { field: 'b', equals: true } },
            { name: 'b', widget: 'boolean', label: yes },
            { name: 'b', widget: 'select', label: yes },
            { name: '1x', widget: 'text', label: yes },
            { name: 'c', widget: 'text', label: yes, visibleIf: { field: 'b', equals: 'yes' } },
          ],
        },
      ],
    };
    expect(layoutProblems(bad).map((p) => p.path)).toEqual([
      'sections.0.fields.0.visibleIf.field',
      'sections.0.fields.2.name',
      'sections.0.fields.2.choices',
      'sections.0.fields.3.name',
      'sections.0.fields.4.visibleIf.equals',
    ]);
  });
});
