/** The messages of the run tracker (lib/tracking/). */
export const TrackingMessages = {
  storeFailed: (why: string) => `hamilton-ts RunTracker: records could not be written to its store (${why}); runs go on untracked.`,
};
