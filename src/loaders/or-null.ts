/** A provider's 404 as an absence, not a failure. */
export async function orNull<V>(promise: Promise<V>): Promise<V | null> {
  try {
    return await promise;
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
