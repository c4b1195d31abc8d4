import type { FormChoices, FormField, FormLayout, LocalText } from '@guanai/workflows/forms';

/** What the editor's inputs hold: partial while being typed. */
type Loose = Record<string, unknown> | undefined;
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const text = (value: unknown): LocalText => ({ zh: str((value as Loose)?.zh), en: str((value as Loose)?.en) });
const optionalText = (value: unknown) => {
  const t = text(value);
  return t.zh || t.en ? { help: t } : {};
};
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function choicesOf(widget: string, raw: Loose): { choices?: FormChoices } {
  if (widget !== 'select' && widget !== 'multiselect') return {};
  const vocabulary = str(raw?.vocabulary);
  if (vocabulary) return { choices: { vocabulary } as FormChoices };
  const options = Array.isArray(raw?.options) ? (raw.options as Loose[]) : [];
  return options.length
    ? { choices: { options: options.map((o) => ({ value: str(o?.value), label: text(o?.label) })) } }
    : {};
}

function fieldOf(raw: Loose): FormField {
  const widget = (str(raw?.widget) || 'text') as FormField['widget'];
  const condition = raw?.visibleIf as Loose;
  const min = widget === 'number' ? num(raw?.min) : undefined;
  const max = widget === 'number' ? num(raw?.max) : undefined;
  return {
    name: str(raw?.name),
    widget,
    label: text(raw?.label),
    ...(optionalText(raw?.help) as { help?: LocalText }),
    ...(raw?.required ? { required: true } : {}),
    ...choicesOf(widget, raw?.choices as Loose),
    ...(str(condition?.field) && condition?.equals !== undefined && condition.equals !== ''
      ? { visibleIf: { field: str(condition.field), equals: condition.equals as string | number | boolean } }
      : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  };
}

/**
 * The layout as the API takes it from what the editor holds: empty help, choices of a non-select, an
 * unfinished condition and unset bounds left out. The preview renders the same.
 */
export function tidyLayout(raw: unknown): FormLayout {
  const sections = Array.isArray((raw as Loose)?.sections) ? ((raw as Loose)!.sections as Loose[]) : [];
  return {
    sections: sections.map((section) => ({
      title: text(section?.title),
      ...(optionalText(section?.help) as { help?: LocalText }),
      fields: (Array.isArray(section?.fields) ? (section.fields as Loose[]) : []).map(fieldOf),
    })),
  };
}
