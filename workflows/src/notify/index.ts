// What the API uses of notifications: the channels (to test one, to show one without its secrets) and
// the stored form of a channel's settings.
export * from './channels/index.ts';
export { readChannelConfig } from './activities.ts';
