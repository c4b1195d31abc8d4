/**
 * Messages of the evaluation screens, merged into zh.ts / en.ts by the i18n provider. Keys live under
 * `resources.<name>` for resources and under `guanai.evaluation` for the rest.
 */
export const zhEvaluation = { resources: {}, guanai: { evaluation: {} } };
export const enEvaluation: typeof zhEvaluation = { resources: {}, guanai: { evaluation: {} } };
