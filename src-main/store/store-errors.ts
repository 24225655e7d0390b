import { AppError } from '../../src-shared/result';

/** The folder holds files, but not a project: nothing is written into it. */
export class NotAProjectError extends Error {
  constructor(readonly directory: string) {
    super(`${directory} is not an Analyst Workbench project and is not empty. Choose an empty folder or an existing project.`);
    this.name = 'NotAProjectError';
  }
}

/** The state an undo step expected has been changed by something else. */
export class StaleStateError extends Error {
  constructor() {
    super('The project changed in a way this step did not expect, so it cannot be undone safely.');
    this.name = 'StaleStateError';
  }
}

/** An article file turned out to be unreadable when it was opened; it was set aside. */
export class ArticleDamagedError extends AppError {
  constructor(message: string) {
    super('not-found', message);
    this.name = 'ArticleDamagedError';
  }
}

export class ArticleMissingError extends AppError {
  constructor(readonly id: string) {
    super('not-found', `There is no article with id ${id}. It may have been deleted; reload the library.`);
    this.name = 'ArticleMissingError';
  }
}
