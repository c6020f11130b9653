/** The message of anything thrown, for a sentence that says what went wrong. */
export const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));
