/** A BuddyNS token as BuddyNS shows it, or as its documentation has it entered ("Token 2b9c…"): the token alone. */
export const bareBuddyNsToken = (text: string): string => text.trim().replace(/^token\s+/i, '');
