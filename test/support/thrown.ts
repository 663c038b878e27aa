/** The message of the error `run` throws; fails the test when it throws none. */
export function thrownMessage(run: () => unknown): string {
  try {
    run();
  } catch (thrown) {
    return (thrown as Error).message;
  }
  throw new Error('nothing was thrown');
}
