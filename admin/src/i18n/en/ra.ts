import englishMessages from 'ra-language-english';

/** react-admin's own messages in English, as ra-language-english gives them: zh/ra.ts translates them. */
export const ra = englishMessages.ra;
