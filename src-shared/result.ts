/** Machine-readable reasons a call failed. Messages are for people; codes are for code. */
export type ErrorCode =
  | 'invalid-input'
  | 'unknown-channel'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  /** The web host is holding as many request bodies as it may; try again after a pause. */
  | 'busy'
  | 'unauthorized'
  | 'forbidden'
  /** The disk that holds the project is full. */
  | 'disk-full'
  /** The operating system refused access to a project file or folder. */
  | 'permission-denied'
  /** The project lies on a read-only disk or mount. */
  | 'read-only'
  /** A remote (the Git server a project is shared through) could not be reached. */
  | 'offline'
  | 'internal';

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
}

/** What crosses every process boundary: never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** An error that is safe to show: its message says what happened and what to do next. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
