export { CrewRecognition } from './CrewRecognition';
export { CrewComposer, composeErrorText } from './CrewComposer';
export type { ICrewRecognitionProps } from './ICrewRecognitionProps';
