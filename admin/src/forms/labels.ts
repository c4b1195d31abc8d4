import { FORM_VOCABULARIES, type FormField, type FormVocabulary, type LocalText } from '@guanai/workflows/forms';

/** Where the admin's i18n keeps each vocabulary's labels (guanai.<prefix>.<code>). */
export const VOCABULARY_LABELS: Record<FormVocabulary, string> = {
  NEED_CATEGORIES: 'guanai.categories',
  SEVERITIES: 'guanai.severities',
  GOV_SCHEMES: 'guanai.schemes',
  CLOSURE_REASONS: 'guanai.closure',
  VULNERABILITY_TAGS: 'guanai.tags',
};

/** A text in the user's language, Chinese when the English is missing. */
export const localText = (text: LocalText | undefined, locale: string) =>
  text ? (locale === 'en' && text.en ? text.en : text.zh) : '';

/** A select's choices as react-admin takes them: vocabulary codes with their i18n keys, or the form's own labels. */
export function choicesOf(field: FormField, locale: string): { id: string; name: string }[] {
  const choices = field.choices;
  if (!choices) return [];
  if ('vocabulary' in choices)
    return FORM_VOCABULARIES[choices.vocabulary].map((id) => ({
      id,
      name: `${VOCABULARY_LABELS[choices.vocabulary]}.${id}`,
    }));
  return choices.options.map((option) => ({ id: option.value, name: localText(option.label, locale) }));
}
