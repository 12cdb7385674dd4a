/** What a paper session logs once it is reconciled and its families trade: a harness reading its log waits for it. */
export const SESSION_STARTING = 'paper session starting';
