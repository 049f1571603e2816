/**
 * Who is reading, from the directory: asked once per mounted wall (again after a failure),
 * and remembered once it is in, so later loads paint with it at once.
 */
import * as React from 'react';

import type { WallViewer } from '../../../core/recognition/wallRules';
import type { IRecognitionWallServices } from './IRecognitionWallProps';

export interface WallViewerSource {
  /** The directory's answer (one request in flight; a failed one is asked again next time). */
  load(): Promise<WallViewer>;
  /** The directory's answer once it is in; before that, the viewer a snapshot was painted with. */
  known(): WallViewer | undefined;
  /** A viewer from a snapshot, used until the directory answers. */
  assume(viewer: WallViewer): void;
}

export function useWallViewer(services: Pick<IRecognitionWallServices, 'viewer'>): WallViewerSource {
  const pending = React.useRef<Promise<WallViewer> | undefined>(undefined);
  const known = React.useRef<WallViewer | undefined>(undefined);
  return React.useMemo<WallViewerSource>(
    () => ({
      load: () => {
        if (!pending.current) {
          pending.current = services.viewer().catch((error: unknown) => {
            pending.current = undefined; // try again on the next load
            throw error;
          });
        }
        const viewer = pending.current;
        viewer.then(
          (answer) => {
            known.current = answer;
          },
          () => undefined
        );
        return viewer;
      },
      known: () => known.current,
      assume: (viewer) => {
        known.current = known.current ?? viewer;
      }
    }),
    [services]
  );
}
