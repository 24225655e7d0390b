import { describe, expect, it } from 'vitest';
import { describeStartFailure } from './start-failure';

const errno = (code: string, path: string) => Object.assign(new Error(`${code}: raw system text, open '${path}'`), { code, path });

describe('describeStartFailure', () => {
  it('names a permission error on the project folder and says what to do', () => {
    const message = describeStartFailure(errno('EACCES', '/home/ana/Project'));
    expect(message).toContain('The system refused access to a project file (/home/ana/Project)');
    expect(message).toContain('so the project could not be opened');
    expect(message).toContain('Give your user read and write permission');
    expect(message).not.toContain('raw system text');
  });

  it('names a read-only disk', () => {
    expect(describeStartFailure(errno('EROFS', '/media/cd/Project'))).toContain('read-only disk');
  });

  it('keeps the message of other failures', () => {
    expect(describeStartFailure(new Error('The project is open in another window.'))).toBe('The project is open in another window.');
  });
});
