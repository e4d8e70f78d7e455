/**
 * Back from the French typography of the messages (no-break spaces before : ; ! ? and inside « »,
 * the ’ apostrophe) to plain text, so that a test can state a message's words with ordinary
 * spaces. The typography itself is checked once, over every message, by test/core/i18n-style.test.ts.
 */
export const plain = (s: string): string =>
  s
    .replace(/[\u00a0\u202f](?=[:;!?»])/g, ' ')
    .replace(/«\u00a0/g, '« ')
    .replace(/’/g, "'");
