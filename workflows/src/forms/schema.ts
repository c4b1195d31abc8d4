import {
  FORM_VOCABULARIES,
  FORM_VOCABULARY_NAMES,
  FORM_WIDGETS,
  type FormChoices,
  type FormField,
  type FormLayout,
} from './types.ts';

/** A JSON Schema (draft-07) object, as stored beside the layout. */
export type JsonSchema = Record<string, unknown>;

/** Text answers: a line, or a few paragraphs. */
export const TEXT_MAX = 500;
export const TEXTAREA_MAX = 4000;

export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** The values a select may take. */
export function choiceValues(choices: FormChoices | undefined): readonly string[] {
  if (!choices) return [];
  return 'vocabulary' in choices ? FORM_VOCABULARIES[choices.vocabulary] : choices.options.map((o) => o.value);
}

export const fieldsOf = (layout: FormLayout): FormField[] => layout.sections.flatMap((section) => section.fields);

function valueSchema(field: FormField): JsonSchema {
  const title = field.label.zh;
  switch (field.widget) {
    case 'text':
      return { title, type: 'string', ...(field.required ? { minLength: 1 } : {}), maxLength: TEXT_MAX };
    case 'textarea':
      return { title, type: 'string', ...(field.required ? { minLength: 1 } : {}), maxLength: TEXTAREA_MAX };
    case 'number':
      return {
        title,
        type: 'number',
        ...(field.min !== undefined ? { minimum: field.min } : {}),
        ...(field.max !== undefined ? { maximum: field.max } : {}),
      };
    case 'boolean':
      return { title, type: 'boolean' };
    case 'date':
      return { title, type: 'string', format: 'date' };
    case 'select':
      return { title, type: 'string', enum: [...choiceValues(field.choices)] };
    case 'multiselect':
      return {
        title,
        type: 'array',
        items: { type: 'string', enum: [...choiceValues(field.choices)] },
        uniqueItems: true,
        ...(field.required ? { minItems: 1 } : {}),
      };
  }
}

/**
 * The JSON Schema of a form's values, derived from its layout: one property per field, the
 * unconditional required fields required, and for a field shown only under a condition an
 * if/then/else: required (when it is) while the condition holds, absent while it does not — a hidden
 * field's answer is not recorded. No other property is allowed. The definition stores this schema
 * when it is saved; answers are validated against the stored one.
 */
export function deriveSchema(layout: FormLayout): JsonSchema {
  const fields = fieldsOf(layout);
  const properties = Object.fromEntries(fields.map((field) => [field.name, valueSchema(field)]));
  const required = fields.filter((field) => field.required && !field.visibleIf).map((field) => field.name);
  const conditions = fields
    .filter((field) => field.visibleIf)
    .map((field) => {
      const { field: on, equals } = field.visibleIf!;
      return {
        if: { properties: { [on]: { const: equals } }, required: [on] },
        then: field.required ? { required: [field.name] } : {},
        else: { properties: { [field.name]: false } },
      };
    });
  return {
    type: 'object',
    properties,
    required,
    additionalProperties: false,
    ...(conditions.length ? { allOf: conditions } : {}),
  };
}

/** Whether a field is shown for these values (its condition holds, or it has none). */
export function isVisible(field: FormField, values: Record<string, unknown>): boolean {
  return !field.visibleIf || values[field.visibleIf.field] === field.visibleIf.equals;
}

export interface LayoutProblem {
  /** Where in the layout, e.g. sections.0.fields.2.name. */
  path: string;
  reason: string;
}

/**
 * What makes a layout unusable, beyond its shape: repeated or malformed names, a select without
 * choices, a condition on a field that is not shown before it or with a value that field cannot take.
 */
export function layoutProblems(layout: FormLayout): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const before = new Map<string, FormField>();
  if (layout.sections.length === 0) problems.push({ path: 'sections', reason: 'a form has at least one section' });
  layout.sections.forEach((section, s) => {
    section.fields.forEach((field, f) => {
      const at = `sections.${s}.fields.${f}`;
      if (!FIELD_NAME.test(field.name))
        problems.push({ path: `${at}.name`, reason: 'a letter, then letters, digits or _ (at most 40)' });
      else if (before.has(field.name))
        problems.push({ path: `${at}.name`, reason: `the form has a field ${field.name} already` });
      if (!FORM_WIDGETS.includes(field.widget)) problems.push({ path: `${at}.widget`, reason: 'unknown widget' });
      const choosing = field.widget === 'select' || field.widget === 'multiselect';
      if (choosing && choiceValues(field.choices).length === 0)
        problems.push({ path: `${at}.choices`, reason: 'a select needs a vocabulary or at least one option' });
      if (
        choosing &&
        field.choices &&
        'vocabulary' in field.choices &&
        !FORM_VOCABULARY_NAMES.includes(field.choices.vocabulary)
      )
        problems.push({ path: `${at}.choices.vocabulary`, reason: 'unknown vocabulary' });
      if (field.choices && 'options' in field.choices) {
        const values = field.choices.options.map((o) => o.value);
        if (new Set(values).size !== values.length)
          problems.push({ path: `${at}.choices.options`, reason: 'must not repeat a value' });
      }
      if (!choosing && field.choices) problems.push({ path: `${at}.choices`, reason: 'only a select takes choices' });
      if (field.widget !== 'number' && (field.min !== undefined || field.max !== undefined))
        problems.push({ path: `${at}.min`, reason: 'only a number takes min and max' });
      if (field.min !== undefined && field.max !== undefined && field.min > field.max)
        problems.push({ path: `${at}.max`, reason: 'must not be below min' });
      if (field.visibleIf) {
        const on = before.get(field.visibleIf.field);
        if (!on) problems.push({ path: `${at}.visibleIf.field`, reason: 'must name a field shown before this one' });
        else if (!conditionFits(on, field.visibleIf.equals))
          problems.push({ path: `${at}.visibleIf.equals`, reason: `${on.name} cannot take this value` });
      }
      if (FIELD_NAME.test(field.name) && !before.has(field.name)) before.set(field.name, field);
    });
  });
  return problems;
}

function conditionFits(on: FormField, equals: string | number | boolean): boolean {
  switch (on.widget) {
    case 'boolean':
      return typeof equals === 'boolean';
    case 'number':
      return typeof equals === 'number';
    case 'select':
      return typeof equals === 'string' && choiceValues(on.choices).includes(equals);
    case 'multiselect':
      return false;
    default:
      return typeof equals === 'string';
  }
}
