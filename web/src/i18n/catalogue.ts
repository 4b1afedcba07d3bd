/**
 * A translation of a part of the UI's messages: exactly the keys of the
 * Dutch source (the type checker names a missing or extra one). Messages
 * are ICU: plurals, numbers and dates are formatted by react-intl, never
 * concatenated. Each language is its own module, so a browser loads only
 * the language it shows.
 */
export type Translation<Source extends Record<string, string>> = Record<keyof Source, string>;
