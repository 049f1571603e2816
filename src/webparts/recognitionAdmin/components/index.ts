export { RecognitionAdmin } from './RecognitionAdmin';
export type { IRecognitionAdminProps } from './IRecognitionAdminProps';
