export { MyLearning, type IMyLearningProps } from './MyLearning';
export { learningWords, type LearningWords } from './learningWords';
export type { LearningSnapshot, MyLearningSource, QuizScored } from './types';
