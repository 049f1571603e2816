export { RecognitionWall } from './RecognitionWall';
export type { IRecognitionWallProps, IRecognitionWallServices, IRecognitionWallSettings, IPeopleSource, IGiving, IDraftStore } from './IRecognitionWallProps';
