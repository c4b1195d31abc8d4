/**
 * Messages of the matching screens, merged into zh.ts / en.ts by the i18n provider. Keys live under
 * `resources.<name>` for resources and under `guanai.matching` for the rest.
 */
export const zhMatching = { resources: {}, guanai: { matching: {} } };
export const enMatching: typeof zhMatching = { resources: {}, guanai: { matching: {} } };
