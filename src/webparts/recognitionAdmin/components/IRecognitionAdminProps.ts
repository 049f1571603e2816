import type { AdminStore } from '../../crewRecognition/recognitionPorts';

export interface IRecognitionAdminProps {
  /** Values and moderation (SharePoint lists writable by HR and site owners only). */
  store: AdminStore;
  /** UI language, lower case. */
  locale: string;
  /** Show the moderation queue tab (property pane). */
  showModeration: boolean;
}
