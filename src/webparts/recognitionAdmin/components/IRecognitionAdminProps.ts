import type { AdminStore } from '../../../core/recognition/ports';

export interface IRecognitionAdminProps {
  /** Values and moderation (SharePoint lists writable by HR and site owners only). */
  store: AdminStore;
  /** UI language, lower case. */
  locale: string;
  /** Show the moderation queue tab (property pane). */
  showModeration: boolean;
}
