interface Props {
  /** A message for the person, shown above the buttons; nothing when null. */
  error: string | null;
  onCancel(): void;
  submitLabel: string;
  busy?: boolean;
}

/** The end of every form dialog: the error, if any, then Cancel and the submit button. */
export function DialogFooter({ error, onCancel, submitLabel, busy = false }: Props) {
  return (
    <>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
