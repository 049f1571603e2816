/** The SharePoint error a PnPjs call ended with; fails the test when the call succeeded or failed otherwise. */
import { HttpRequestError } from '@pnp/queryable';

export async function failure(promise: Promise<unknown>): Promise<HttpRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpRequestError) {
      return error;
    }
    throw error;
  }
  throw new Error('Expected the request to fail');
}
