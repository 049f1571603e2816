export { CommentThread, type ICommentThreadProps } from './CommentThread';
export { answeredLine, MyComments, type IMyCommentsProps } from './MyComments';
export { threadWords, type ThreadWords } from './threadWords';
