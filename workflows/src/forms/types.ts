import { CLOSURE_REASONS, GOV_SCHEMES, NEED_CATEGORIES, SEVERITIES, VULNERABILITY_TAGS } from '../vocabulary.ts';

/**
 * Versioned form definitions (issue 17): the screening, assessment, plan, follow-up visit and closure
 * forms are data an admin edits and publishes, city-wide or for one district. Pure: the API, the
 * machine's events and the admin (editor, preview, renderer) share these types.
 */
export const FORM_KINDS = ['SCREENING', 'ASSESSMENT', 'PLAN', 'FOLLOW_UP', 'CLOSURE'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const FORM_STATUSES = ['DRAFT', 'PUBLISHED', 'RETIRED'] as const;
export type FormStatus = (typeof FORM_STATUSES)[number];

export const FORM_WIDGETS = ['text', 'textarea', 'number', 'boolean', 'date', 'select', 'multiselect'] as const;
export type FormWidget = (typeof FORM_WIDGETS)[number];

/** The vocabularies a select may take its choices from (labels: the admin's i18n of each). */
export const FORM_VOCABULARIES = {
  NEED_CATEGORIES,
  SEVERITIES,
  GOV_SCHEMES,
  CLOSURE_REASONS,
  VULNERABILITY_TAGS,
} as const;
export type FormVocabulary = keyof typeof FORM_VOCABULARIES;
export const FORM_VOCABULARY_NAMES = Object.keys(FORM_VOCABULARIES) as FormVocabulary[];

/** The task kind whose completion records a form of each kind (CLOSURE: the closure actions). */
export const FORM_KIND_OF_TASK = {
  SCREEN: 'SCREENING',
  ASSESS: 'ASSESSMENT',
  PLAN: 'PLAN',
  FOLLOW_UP: 'FOLLOW_UP',
} as const satisfies Record<string, FormKind>;

/** Chinese first, with English. */
export interface LocalText {
  zh: string;
  en: string;
}

export interface FormChoice {
  value: string;
  label: LocalText;
}

/** A vocabulary of @guanai/workflows/vocabulary by name, or the form's own list. */
export type FormChoices = { vocabulary: FormVocabulary } | { options: FormChoice[] };

/** A field shown only while an earlier field has a value (a select's value, a yes/no). */
export interface FormCondition {
  field: string;
  equals: string | number | boolean;
}

export interface FormField {
  /** The key of its value in the answers (a letter, then letters, digits or _). */
  name: string;
  widget: FormWidget;
  label: LocalText;
  help?: LocalText;
  required?: boolean;
  /** select and multiselect only. */
  choices?: FormChoices;
  visibleIf?: FormCondition;
  /** number only. */
  min?: number;
  max?: number;
}

export interface FormSection {
  title: LocalText;
  help?: LocalText;
  fields: FormField[];
}

export interface FormLayout {
  sections: FormSection[];
}

/** The answers a form's values are: what the case records, with the definition and version they were given with. */
export interface FormAnswers {
  definitionId: string;
  kind: FormKind;
  version: number;
  /** The district whose version it was; null for the city's. */
  districtId: string | null;
  values: Record<string, unknown>;
}

/** A form's answers as the case keeps them: who gave them, when, at which task. */
export type RecordedFormAnswers = FormAnswers & { at: string; by: string; taskId?: string };
