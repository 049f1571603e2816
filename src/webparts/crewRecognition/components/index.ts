export { CrewRecognition } from './CrewRecognition';
export type { ICrewRecognitionProps } from './ICrewRecognitionProps';
