// Bundled on its own (dist/tokenizer.js) and loaded only when a prompt token count is first
// asked for: the encoding tables are large and most sessions never need them.
export { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
