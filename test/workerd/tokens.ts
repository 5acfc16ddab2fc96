// The tokens of the workerd tests: long enough to be told apart from ordinary words, so the setup
// file (log-capture.ts) can check that no line of output gives them away.
export const ADMIN = 'workerd-admin-token-7f3a';
export const PIVOT = 'workerd-pivot-token-91c2';
