/** Flips to ready once the index is loaded, and to draining when shutdown begins. */
export interface Readiness {
  isReady(): boolean;
  isDraining(): boolean;
  markReady(): void;
  markDraining(): void;
}

export function createReadiness(initiallyReady = false): Readiness {
  let ready = initiallyReady;
  let draining = false;
  return {
    isReady: () => ready && !draining,
    isDraining: () => draining,
    markReady: () => {
      ready = true;
    },
    markDraining: () => {
      draining = true;
    },
  };
}
