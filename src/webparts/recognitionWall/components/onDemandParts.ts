/**
 * What the wall loads only when the reader acts, each in its own chunk next to the wall's
 * bundle: the composer (panel, people search, value picker), the report dialog, the filters
 * and the privacy choice. The feed and its toolbar are in the first bundle.
 */
import { onDemand } from '../../../ui/light/OnDemand';
import type { IRecogniseComposerProps } from './RecogniseComposer';
import type { IReportDialogProps } from './ReportDialog';
import type { IWallFiltersProps } from './WallFilters';
import type { IWallPrivacyProps } from './WallPrivacy';

export const LazyComposer = onDemand<IRecogniseComposerProps>(() =>
  import(/* webpackChunkName: 'recognition-composer' */ './RecogniseComposer').then((m) => m.RecogniseComposer)
);

export const LazyReportDialog = onDemand<IReportDialogProps>(() =>
  import(/* webpackChunkName: 'recognition-report' */ './ReportDialog').then((m) => m.ReportDialog)
);

export const LazyFilters = onDemand<IWallFiltersProps>(() =>
  import(/* webpackChunkName: 'recognition-filters' */ './WallFilters').then((m) => m.WallFilters)
);

export const LazyPrivacy = onDemand<IWallPrivacyProps>(() =>
  import(/* webpackChunkName: 'recognition-privacy' */ './WallPrivacy').then((m) => m.WallPrivacy)
);
