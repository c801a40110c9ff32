// The ministry's forms. Filled in by that work.
export const exportHandlers = {};
