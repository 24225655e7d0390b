import { IMPORT_ENCODINGS, type ImportEncoding } from '../../../src-shared/domain/import-format';

const isKnown = (name: string): name is ImportEncoding => (IMPORT_ENCODINGS as readonly string[]).includes(name);

/**
 * How a text or HTML file was read, as a choice: the encoding in use (detected, declared or
 * chosen) with its confidence, and the other encodings the importer knows, any of which reads the
 * file again at once. While that runs the choice is disabled; a failure is said next to it.
 */
export function EncodingChoice({
  fileName,
  encoding,
  confidence,
  pending,
  error,
  onChoose,
}: {
  fileName: string;
  /** The encoding the current draft was read in. */
  encoding: string;
  /** 0–1, or null when the user chose the encoding (there is nothing to be sure of). */
  confidence: number | null;
  /** The encoding being read now, or null. */
  pending: ImportEncoding | null;
  error: string | null;
  onChoose(encoding: ImportEncoding): void;
}) {
  // An encoding outside the list (none today) is still shown as what was used.
  const options = isKnown(encoding) ? IMPORT_ENCODINGS : [encoding, ...IMPORT_ENCODINGS];
  return (
    <span className="import-encoding">
      <label>
        Read as{' '}
        <select
          aria-label={`Read as: encoding of ${fileName}`}
          value={pending ?? encoding}
          disabled={pending !== null}
          onChange={(e) => {
            if (isKnown(e.target.value)) onChoose(e.target.value);
          }}
        >
          {options.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {pending ? (
        <span role="status"> Reading again as {pending}…</span>
      ) : (
        confidence !== null && ` (${Math.round(confidence * 100)}% sure)`
      )}
      {error && (
        <span role="alert" className="form-error">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
