// @guanai/workflows/forms: versioned form definitions (issue 17), shared by the API, the machine and the admin.
export * from './types.ts';
export * from './schema.ts';
